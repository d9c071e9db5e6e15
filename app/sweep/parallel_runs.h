#pragma once
// Independent simulations on several threads (sweeps and capacity probes). Each run builds its own simulator,
// network and world from its own Scenario, and the runner keeps no global mutable state, so a run's result does
// not depend on which thread ran it or what ran beside it.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "reports/run_result.h"
#include "scenario/scenario.h"

namespace ccrsim {

// What a sweep or a capacity probe keeps of one run.
struct RunMeasure {
  std::vector<std::optional<double>> metrics;  // one per metric asked for
  bool passed = false;                         // the run's expectations and checks
  std::string error;                           // the run could not start (nothing measured)
};

// `on_result`, when given, sees the whole result of a run that ran (the sweep's JUnit file is made from it).
RunMeasure measure_run(const Scenario& scenario, const std::vector<std::string>& metrics,
                       const std::function<void(const RunResult&)>& on_result = {});

// `jobs` from the command line: 0 means every core.
int effective_jobs(int jobs);

// Calls work(i) for every i in [0, count) on up to `jobs` threads. on_done(done, count) is called after each item
// under a lock (for a progress bar). Returns when every item is done.
void for_each_in_parallel(std::size_t count, int jobs, const std::function<void(std::size_t)>& work,
                          const std::function<void(std::size_t, std::size_t)>& on_done);

// A progress bar on stderr when it is a terminal, nothing otherwise.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  void update(std::size_t done, std::size_t count);

 private:
  std::string label_;
  bool enabled_ = false;
};

}  // namespace ccrsim
