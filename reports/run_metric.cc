#include "reports/run_metric.h"

#include <algorithm>

#include "reports/checks.h"

namespace ccrsim {

namespace {

void keep_worst(std::optional<double>& worst, double value) {
  worst = worst ? std::max(*worst, value) : value;
}

}  // namespace

std::optional<double> run_metric(const std::string& metric, const RunResult& result) {
  std::optional<double> worst;
  if (metric == "recovery_time") {
    for (const FaultResult& f : result.faults) {
      if (f.recovery_time_us) keep_worst(worst, to_seconds(*f.recovery_time_us));
    }
    return worst;
  }
  if (metric == "rpo_ops" || metric == "rpo_time" || metric == "rto") {
    for (const DisasterResult& d : result.disasters) {
      if (metric == "rto") {
        if (d.rto_us) keep_worst(worst, to_seconds(*d.rto_us));
        continue;
      }
      for (const LostReplication& l : d.lost) {
        keep_worst(worst, metric == "rpo_ops" ? static_cast<double>(l.rpo_ops) : to_seconds(l.rpo_us));
      }
    }
    return worst;
  }
  if (metric == "writes_rejected") return static_cast<double>(total_writes_rejected(result));
  for (const ReplicationResult& r : result.replications) {
    if (const std::optional<double> v = replication_metric(metric, r)) keep_worst(worst, *v);
  }
  return worst;
}

}  // namespace ccrsim
