#pragma once
// One number per run for a metric (docs/scenario-format.md §6.2 names): what sweeps (docs/scenario-format.md §7.1)
// tabulate and the capacity search (docs/scenario-format.md §7.2) compares with its limit.
#include <optional>
#include <string>

#include "reports/run_result.h"

namespace ccrsim {

// The worst value over the run: the largest over replications for replication metrics, over faults for
// recovery_time, over lost replications for rpo_*, over disasters for rto. nullopt when nothing was measured.
std::optional<double> run_metric(const std::string& metric, const RunResult& result);

}  // namespace ccrsim
