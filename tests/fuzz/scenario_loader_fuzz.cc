// Fuzzes the scenario loader and the load-time checks: YAML text -> a validated scenario or errors.
// Invariants: nothing escapes as an exception; a rejected text has at least one error; every error points at a
// line and column inside the text (1-based; the column may be one past a line's end, the line one past the last).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>

#include "app/settings_check.h"
#include "app/support_check.h"
#include "scenario/scenario_loader.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// The bounds an error position must fall within. Lines are counted at every line break YAML knows (LF, CR, CRLF);
// yaml-cpp does not always break at a lone CR, so the longest line is measured between LFs only: a column past a
// lone CR is still inside the text (fuzz finding regression-lone-carriage-return).
struct TextShape {
  int lines = 1;
  int longest_line = 0;
};

TextShape shape_of(const std::string& text) {
  TextShape shape;
  int current = 0;
  for (char c : text) {
    if (c == '\n' || c == '\r') ++shape.lines;
    if (c == '\n') {
      current = 0;
      continue;
    }
    shape.longest_line = std::max(shape.longest_line, ++current);
  }
  return shape;
}

void check_positions(const ccrsim::Diagnostics& diags, const TextShape& shape) {
  for (const ccrsim::Diagnostic& d : diags.items()) {
    const std::string where = std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " (" +
                              std::to_string(shape.lines) + " lines, longest " + std::to_string(shape.longest_line) +
                              "): " + d.message;
    ccrsim::fuzz::check(d.pos.line >= 1 && d.pos.line <= shape.lines + 1, "error line outside the text at " + where);
    ccrsim::fuzz::check(d.pos.col >= 1 && d.pos.col <= shape.longest_line + 2,
                        "error column outside the text at " + where);
    ccrsim::fuzz::check(!d.message.empty(), "an error without a message at " + where);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const TextShape shape = shape_of(text);
  try {
    ccrsim::Diagnostics diags("fuzz.yaml");
    std::optional<ccrsim::Scenario> scenario = ccrsim::load_scenario_text(text, "fuzz.yaml", diags);
    ccrsim::fuzz::check(scenario.has_value() || !diags.empty(), "the loader refused the text without an error");
    ccrsim::fuzz::check(!scenario.has_value() || diags.empty(), "the loader accepted the text with errors");
    if (scenario) {
      ccrsim::fuzz::check(scenario->domains.size() <= ccrsim::scenario_limits::kMaxDomains, "too many domains");
      ccrsim::fuzz::check(scenario->steps.size() <= ccrsim::scenario_limits::kMaxSteps, "too many steps");
      ccrsim::fuzz::check(scenario->indices.size() <= ccrsim::scenario_limits::kMaxIndices, "too many indices");
      ccrsim::check_domain_settings(*scenario, diags);
      ccrsim::check_supported(*scenario, diags);
    }
    check_positions(diags, shape);
    (void)diags.render();
  } catch (const std::exception& e) {
    ccrsim::fuzz::invariant_broken(std::string("exception escaped the loader: ") + e.what());
  } catch (...) {
    ccrsim::fuzz::invariant_broken("a non-standard exception escaped the loader");
  }
  return 0;
}
