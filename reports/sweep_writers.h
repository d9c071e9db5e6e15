#pragma once
// The files a sweep writes (docs/scenario-format.md §7.1): sweep.csv (one row per run), summary.csv (mean, min and max
// over seeds per combination) and report.md (the summary as a table a planner can paste), plus sweep-runs.json, the
// exact rows `ccrsim merge` joins back together. The same SweepResult gives the same bytes whichever machine ran which
// runs.
#include <optional>
#include <string>

#include "reports/sweep_result.h"

namespace ccrsim {

std::string render_sweep_csv(const SweepResult& sweep);
std::string render_sweep_summary_csv(const SweepResult& sweep);
std::string render_sweep_markdown(const SweepResult& sweep);

// Every field of the result, doubles written so they read back bit for bit. `total_runs` is the size of the whole
// sweep, so a merge can tell a missing share.
std::string render_sweep_runs_json(const SweepResult& sweep, int total_runs);
// Reads render_sweep_runs_json's output; nullopt with `error` set when the text is not such a file.
struct SweepRunsFile {
  SweepResult sweep;
  int total_runs = 0;
};
std::optional<SweepRunsFile> parse_sweep_runs_json(const std::string& text, std::string& error);

}  // namespace ccrsim
