#pragma once
// Runs one validated scenario: builds the engine, the network and the world, sets up indices, writers and
// connections before t = 0, plays the steps, samples lag, and returns what the report writers print.
#include <cstdint>
#include <functional>
#include <string>

#include "app/run_limits.h"
#include "reports/run_result.h"
#include "scenario/scenario.h"

namespace ccrsim {

struct RunOptions {
  std::string trace_path;  // empty: no trace
  // Called now and then with (simulated time done, events so far) for the terminal progress line.
  std::function<void(sim_time_us, std::uint64_t)> progress;
  // Check the run's invariants (app/invariant_checker.h); a violation is reported in RunOutcome.
  bool check_invariants = false;
  // Swarm runs: enable the model's buggify sites from the scenario's seed (sim/buggify.h).
  bool buggify = false;
  RunLimits limits;  // --max-events, --max-wall
};

struct RunOutcome {
  RunResult result;
  std::string error;  // set when the run could not start (e.g. the trace file cannot be written) or a run limit
                      // stopped it; the result is then not a report
  std::string invariant_violation;  // with check_invariants: the first violation (the run fails)
};

RunOutcome run_scenario(const Scenario& scenario, const RunOptions& options);

}  // namespace ccrsim
