#include "scenario/scenario_loader.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "scenario/top_level_reader.h"
#include "scenario/yaml_document.h"
#include "scenario/yaml_size_guard.h"
#include "scenario/yaml_text_checks.h"

namespace ccrsim {
namespace {

namespace lim = scenario_limits;
using reader::describe;
using reader::is_null;
using reader::pos_of;

// The text's size and bytes, before yaml-cpp sees them.
bool text_is_readable(const std::string& text, Diagnostics& diags) {
  if (text.size() > static_cast<std::size_t>(lim::kMaxFileBytes)) {
    diags.error({1, 1}, "scenario is " + std::to_string(text.size()) + " bytes; the limit is 16 MiB");
    return false;
  }
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
    const auto b = static_cast<unsigned char>(text[bad]);
    diags.error(position_of_offset(text, bad), "the scenario is not valid UTF-8 (byte " + hex_byte(b) + ")");
    return false;
  }
  if (const std::size_t bad = first_control_character(text); bad != std::string::npos) {
    const auto b = static_cast<unsigned char>(text[bad]);
    diags.error(position_of_offset(text, bad), "the scenario holds a control character (byte " + hex_byte(b) +
                                                   "); YAML allows only tab, line feed and carriage return");
    return false;
  }
  return true;
}

// The document's root when it is a map of bounded size and depth.
std::optional<YAML::Node> read_root(const std::string& text, Diagnostics& diags) {
  YamlDocument doc = read_yaml_document(text, "a scenario file");
  if (doc.problem) {
    diags.error(doc.problem->pos, std::move(doc.problem->message));
    return std::nullopt;
  }
  const YAML::Node root = doc.root;
  if (is_null(root)) {
    diags.error({1, 1}, "scenario is empty; expected a map with at least 'name' and 'domains'");
    return std::nullopt;
  }
  YamlSizeGuard guard;
  if (!guard.ok(root)) {
    diags.error(guard.where(), guard.too_deep()
                                   ? "YAML is nested more than " + std::to_string(lim::kMaxYamlDepth) + " levels deep"
                                   : "YAML has more than " + std::to_string(lim::kMaxYamlNodes) +
                                         " nodes (counting aliases expanded)");
    return std::nullopt;
  }
  if (!root.IsMap()) {
    diags.error(pos_of(root, {1, 1}),
                "scenario must be a map with at least 'name' and 'domains', got " + describe(root));
    return std::nullopt;
  }
  return root;
}

std::optional<Scenario> load(const std::string& text, const std::string& file_label, Diagnostics& diags) {
  const std::size_t errors_at_start = diags.size();
  Scenario scenario;
  scenario.file = file_label;
  if (!text_is_readable(text, diags)) return std::nullopt;
  const std::optional<YAML::Node> root = read_root(text, diags);
  if (!root) return std::nullopt;
  std::vector<std::string> domain_names;
  reader::TopLevelReader top_reader(diags, scenario, domain_names);
  auto top =
      top_reader.read_map(*root, {1, 1}, "scenario",
                          {"name", "seed", "duration", "sample_interval", "lag_threshold", "domains", "connections",
                           "connection_delays", "network", "indices", "workload", "faults", "steps", "checks"},
                          "at the top level");
  if (top) top_reader.read(*top);
  if (diags.size() > errors_at_start) return std::nullopt;
  return scenario;
}

}  // namespace

std::optional<Scenario> load_scenario_text(const std::string& text, const std::string& file_label, Diagnostics& diags) {
  try {
    return load(text, file_label, diags);
  } catch (const YAML::Exception& ex) {
    // yaml-cpp can still throw while walking a node (bad conversion); report it where it happened.
    const SourcePos pos = ex.mark.is_null() ? SourcePos{1, 1} : SourcePos{ex.mark.line + 1, ex.mark.column + 1};
    diags.error(pos, "invalid YAML: " + ex.msg);
  } catch (const std::exception& ex) {
    diags.error({1, 1}, std::string("cannot read scenario: ") + ex.what());
  }
  return std::nullopt;
}

std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diags) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diags.error({1, 1}, "cannot read scenario file: " + ec.message());
    return std::nullopt;
  }
  if (size > static_cast<std::uintmax_t>(scenario_limits::kMaxFileBytes)) {
    diags.error({1, 1}, "scenario file is " + std::to_string(size) + " bytes; the limit is 16 MiB");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({1, 1}, "cannot open scenario file");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_scenario_text(buffer.str(), path, diags);
}

}  // namespace ccrsim
