#pragma once
// Whole-run checks (docs/scenario-format.md §5.4) evaluated on the run's measurements.
#include <vector>

#include "reports/run_result.h"
#include "scenario/scenario.h"

namespace ccrsim {

// A check with no `replication` takes the worst replication: the largest value for `max` and `eq` checks, the
// smallest for `min` checks. A check with nothing to measure fails with a message.
std::vector<CheckResult> evaluate_checks(const std::vector<CheckSpec>& specs, const RunResult& result);

// Synthetic writes refused by leader primaries over their shard_index_rate, summed over the workload entries.
std::int64_t total_writes_rejected(const RunResult& result);

// The metric's value for one replication, or nullopt if the metric does not apply to replications.
std::optional<double> replication_metric(const std::string& metric, const ReplicationResult& r);

}  // namespace ccrsim
