#pragma once
// One base scenario and the paths a sweep or capacity search varies: the file is read and the paths resolved once,
// then each combination of values is loaded and checked exactly as `ccrsim run` would load a file that had them.
#include <optional>
#include <string>
#include <vector>

#include "app/sweep/scenario_patch.h"
#include "scenario/scenario.h"

namespace ccrsim {

class ScenarioVariants {
 public:
  // Reads `scenario_path` and resolves every path. On failure returns nullopt and `errors` holds one message per
  // problem, in path order, each paired with the index of its path (SIZE_MAX: the file itself).
  struct PathError {
    std::size_t path_index = 0;
    std::string message;
  };
  static std::optional<ScenarioVariants> open(const std::string& scenario_path, const std::vector<std::string>& paths,
                                              std::vector<PathError>& errors);

  // The base file's value at path i, as written.
  const std::string& base_value(std::size_t i) const { return spans_[i].value; }

  // The scenario with values[i] at path i, validated like `ccrsim run` validates a file; nullopt with
  // `FILE:LINE:COL: error: MESSAGE (with PATH = VALUE, ...)` lines in `error_lines` otherwise.
  std::optional<Scenario> load(const std::vector<std::string>& values, std::vector<std::string>& error_lines) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::string> paths_;
  std::vector<ScalarSpan> spans_;
};

}  // namespace ccrsim
