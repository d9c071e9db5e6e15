#pragma once
// What a sweep (docs/scenario-format.md §7.1) produced: one row per (combination, seed) run. Filled by `ccrsim sweep` /
// `ccrsim merge`, read by the sweep writers (sweep.csv, summary.csv, report.md, report.html).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ccrsim {

struct SweepRun {
  int run = 0;          // index in the cartesian product × seeds order, stable whatever --jobs or --shard
  int combination = 0;  // index of the combination of varied values
  std::uint64_t seed = 1;
  std::vector<std::string> values;             // one per varied path, as written in the sweep file
  std::vector<std::optional<double>> metrics;  // one per metric, seconds or counts; nullopt: not measured
  bool passed = true;                          // expectations and checks of the run
};

struct SweepResult {
  std::string name;                  // the base scenario's name
  std::vector<std::string> paths;    // varied paths, in the sweep file's order
  std::vector<std::string> metrics;  // metric names, in the sweep file's order
  std::vector<SweepRun> runs;        // sorted by run
};

}  // namespace ccrsim
