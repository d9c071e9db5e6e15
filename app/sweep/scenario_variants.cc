#include "app/sweep/scenario_variants.h"

#include <cstdint>

#include "app/scenario_validation.h"
#include "app/sweep/bounded_file.h"

namespace ccrsim {

std::optional<ScenarioVariants> ScenarioVariants::open(const std::string& scenario_path,
                                                       const std::vector<std::string>& paths,
                                                       std::vector<PathError>& errors) {
  std::string error;
  std::optional<std::string> text = read_bounded_file(scenario_path, error);
  if (!text) {
    errors.push_back({SIZE_MAX, error});
    return std::nullopt;
  }
  ScenarioVariants v;
  v.path_ = scenario_path;
  v.paths_ = paths;
  v.text_ = std::move(*text);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    std::string why;
    std::optional<ScalarSpan> span = resolve_scalar(v.text_, paths[i], why);
    if (!span) {
      errors.push_back({i, why});
      continue;
    }
    for (std::size_t j = 0; j < v.spans_.size(); ++j) {
      if (v.spans_[j].offset != span->offset) continue;
      errors.push_back({i, "'" + paths[i] + "' is the same value as '" + paths[j] + "'"});
    }
    v.spans_.push_back(*span);
  }
  if (!errors.empty()) return std::nullopt;
  return v;
}

std::optional<Scenario> ScenarioVariants::load(const std::vector<std::string>& values,
                                               std::vector<std::string>& error_lines) const {
  std::vector<ScalarEdit> edits;
  std::string with;
  for (std::size_t i = 0; i < spans_.size() && i < values.size(); ++i) {
    edits.push_back({spans_[i], values[i]});
    with += (with.empty() ? "" : ", ") + paths_[i] + " = " + values[i];
  }
  Diagnostics diags(path_);
  std::optional<Scenario> scenario = load_and_check_scenario_text(apply_scalar_edits(text_, edits), path_, diags);
  if (scenario) return scenario;
  for (const std::string& line : diags.render()) error_lines.push_back(line + " (with " + with + ")");
  if (error_lines.empty())
    error_lines.push_back(path_ + ":1:1: error: the scenario could not be loaded (with " + with + ")");
  return std::nullopt;
}

}  // namespace ccrsim
