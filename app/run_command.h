#pragma once
// `ccrsim run` (docs/scenario-format.md §1): load and check the scenario, simulate it, write the report files and
// run.json, print the verdict. Exit 0 passed, 1 failed, 2 invalid.
#include <cstdint>
#include <optional>
#include <string>

#include "app/run_limits.h"

namespace ccrsim {

struct RunArgs {
  std::string scenario_path;
  std::optional<std::uint64_t> seed;
  std::string out_dir;
  bool quiet = false;
  std::string trace_path;
  std::string junit_path;  // empty: no JUnit file
  bool check_invariants = false;
  bool buggify = false;  // swarm runs only: the model's buggify sites take their rare paths (sim/buggify.h)
  RunLimits limits;
};

int command_run(const RunArgs& args);

}  // namespace ccrsim
