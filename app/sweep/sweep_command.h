#pragma once
// `ccrsim sweep` and `ccrsim merge` (docs/scenario-format.md §7.1).
#include <string>
#include <vector>

namespace ccrsim {

struct SweepArgs {
  std::string sweep_path;
  int jobs = 0;            // 0: every core
  std::string shard_text;  // "I/N" as given; empty: the whole sweep
  std::string out_dir;     // empty: ./ccrsim-out/<sweep file stem>/
  std::string junit_path;  // empty: no JUnit file; else one suite per run of the share
};

// Exit status: 0 when every run of the share ran (whether its checks passed is in the outputs), 1 when a run could
// not start (its row has no metrics), 2 when the sweep, the base scenario, a path or a value is invalid (nothing is
// run then).
int command_sweep(const SweepArgs& args);

// Joins the sweep-runs.json of several shard outputs into the files a whole sweep writes; 2 when a share is
// missing, repeated or from another sweep.
int command_merge(const std::vector<std::string>& dirs, const std::string& out_dir);

}  // namespace ccrsim
