// Fuzz findings and limits of the scenario loader and the report writer, kept as unit tests (docs/robustness.md).
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "reports/json_report.h"
#include "scenario/scenario_loader.h"

namespace ccrsim {
namespace {

const char* const kHead =
    "name: x\n"
    "domains:\n"
    "  search-domain: {engine_version: OpenSearch_2.11}\n";

TEST_CASE("a scenario that is not UTF-8 is refused at the first bad byte") {
  Diagnostics diags("s.yaml");
  const std::string text = std::string(kHead) + "steps:\n  - {on: search-domain, request: GET x\xbf/_search}\n";
  CHECK_FALSE(load_scenario_text(text, "s.yaml", diags).has_value());
  REQUIRE(diags.size() == 1);
  CHECK(diags.items()[0].message == "the scenario is not valid UTF-8 (byte 0xBF)");
  CHECK(diags.items()[0].pos.line == 5);
  CHECK(diags.items()[0].pos.col == 39);
}

// Fuzz finding regression-nul-byte: yaml-cpp stops reading at a raw NUL and then reported an error at a column past
// the end of the line. YAML allows no control character but tab, LF and CR.
TEST_CASE("a scenario with a control character is refused at that byte") {
  Diagnostics diags("s.yaml");
  const std::string text =
      std::string(kHead) + "steps:\n  - {on: search-domain, request: GET x" + std::string(1, '\0') + "y/_search}\n";
  CHECK_FALSE(load_scenario_text(text, "s.yaml", diags).has_value());
  REQUIRE(diags.size() == 1);
  CHECK(diags.items()[0].message ==
        "the scenario holds a control character (byte 0x00); YAML allows only tab, line feed and carriage return");
  CHECK(diags.items()[0].pos.line == 5);
  CHECK(diags.items()[0].pos.col == 39);
  Diagnostics del("s.yaml");
  CHECK_FALSE(load_scenario_text(std::string(kHead) + "# \x7f\n", "s.yaml", del));
  Diagnostics allowed("s.yaml");
  CHECK(load_scenario_text(std::string(kHead) + "#\ttab\r\n# crlf\r\n", "s.yaml", allowed));
}

TEST_CASE("valid multi-byte UTF-8 is accepted and overlong forms are not") {
  Diagnostics ok("s.yaml");
  CHECK(load_scenario_text(std::string(kHead) + "# caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n", "s.yaml", ok));
  Diagnostics overlong("s.yaml");
  CHECK_FALSE(load_scenario_text(std::string(kHead) + "# \xc0\xaf\n", "s.yaml", overlong));
  Diagnostics surrogate("s.yaml");
  CHECK_FALSE(load_scenario_text(std::string(kHead) + "# \xed\xa0\x80\n", "s.yaml", surrogate));
}

TEST_CASE("a report with invalid UTF-8 in a response is written with replacement characters") {
  // A percent-decoded path byte (`PUT a%BF`) comes back in the index name error's reason.
  RunResult result;
  StepResult step;
  step.request = "PUT a%BF";
  step.body = json{{"error", {{"reason", "Invalid index name [a\xbf]"}}}};
  result.steps.push_back(step);
  std::string report;
  REQUIRE_NOTHROW(report = render_json_report(result));
  CHECK(report.find("Invalid index name [a\xef\xbf\xbd]") != std::string::npos);
}

// Fuzz finding regression-lone-carriage-return: a CR alone inside a line, then a YAML error further along that
// line. The error's position must name a place in the file as an editor splitting at LF shows it.
TEST_CASE("an error after a lone carriage return points inside its line") {
  std::ifstream in(
      std::string(CCRSIM_SOURCE_DIR) + "/tests/fuzz/corpus/scenario_loader/regression-lone-carriage-return",
      std::ios::binary);
  REQUIRE(in.good());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(text.find('\r') != std::string::npos);
  std::vector<std::string> lines;
  std::istringstream split(text);
  for (std::string line; std::getline(split, line);) lines.push_back(line);
  Diagnostics diags("s.yaml");
  CHECK_FALSE(load_scenario_text(text, "s.yaml", diags).has_value());
  REQUIRE_FALSE(diags.empty());
  for (const Diagnostic& d : diags.items()) {
    INFO(d.message);
    REQUIRE(d.pos.line >= 1);
    REQUIRE(d.pos.line <= static_cast<int>(lines.size()));
    CHECK(d.pos.col >= 1);
    CHECK(d.pos.col <= static_cast<int>(lines[static_cast<std::size_t>(d.pos.line - 1)].size()) + 1);
  }
}

TEST_CASE("polling steps are bounded in attempts") {
  Diagnostics diags("s.yaml");
  const std::string text = std::string(kHead) +
                           "steps:\n  - {on: search-domain, request: GET _cat/indices, expect: {status: 200}, "
                           "within: 2d, every: 1ms}\n";
  CHECK_FALSE(load_scenario_text(text, "s.yaml", diags).has_value());
  REQUIRE(diags.size() == 1);
  CHECK(diags.items()[0].message.rfind("a polling step may repeat at most 1000000 times", 0) == 0);
  Diagnostics fine("s.yaml");
  CHECK(load_scenario_text(std::string(kHead) +
                               "steps:\n  - {on: search-domain, request: GET _cat/indices, expect: {status: 200}, "
                               "within: 1000s, every: 1ms}\n",
                           "s.yaml", fine));
}

}  // namespace
}  // namespace ccrsim
