#include "reports/run_metric.h"

#include <algorithm>

#include "reports/metric_values.h"

namespace ccrsim {

namespace {

void keep_worst(std::optional<double>& worst, double value) {
  worst = worst ? std::max(*worst, value) : value;
}

void keep_worst(std::optional<double>& worst, const std::optional<double>& value) {
  if (value) keep_worst(worst, *value);
}

}  // namespace

std::optional<double> run_metric(const std::string& metric, const RunResult& result) {
  const MetricBinding* b = find_metric_binding(metric);
  if (b == nullptr) return std::nullopt;
  std::optional<double> worst;
  switch (b->scope) {
    case MetricScope::kReplication:
      for (const ReplicationResult& r : result.replications) keep_worst(worst, b->of_replication(r));
      break;
    case MetricScope::kFault:
      for (const FaultResult& f : result.faults) keep_worst(worst, b->of_fault(f));
      break;
    case MetricScope::kLostReplication:
      for (const DisasterResult& d : result.disasters) {
        for (const LostReplication& l : d.lost) keep_worst(worst, b->of_lost(l));
      }
      break;
    case MetricScope::kDisaster:
      for (const DisasterResult& d : result.disasters) keep_worst(worst, b->of_disaster(d));
      break;
    case MetricScope::kRun:
      worst = b->of_run(result);
      break;
  }
  return worst;
}

}  // namespace ccrsim
