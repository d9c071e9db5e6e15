#pragma once
// `ccrsim capacity` (docs/scenario-format.md §7.2): the largest value of one path for which a metric stays within a
// limit.
#include <string>

namespace ccrsim {

struct CapacityArgs {
  std::string scenario_path;
  std::string vary_path;
  std::string metric;
  std::string max_text;    // the limit: a duration for time metrics, a number for counts
  std::string seeds_text;  // "1,2,3" or "1..5"; empty: the scenario's seed
  std::string out_dir;     // empty: ./ccrsim-out/<scenario stem>-capacity/
  int jobs = 0;
};

// Exit status: 0 a value was found (or no failing value up to the search bound: the answer says "at least"),
// 1 no probed value passes, 2 invalid command line, scenario or path.
int command_capacity(const CapacityArgs& args);

}  // namespace ccrsim
