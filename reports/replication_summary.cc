#include "reports/replication_summary.h"

#include "reports/run_result.h"

namespace ccrsim {

TimeQuantiles quantiles_of(const TimeHistogram& h) {
  return {h.quantile_us(0.50), h.quantile_us(0.95), h.quantile_us(0.99), h.max_us()};
}

CountQuantiles quantiles_of(const CountHistogram& h) {
  return {h.quantile(0.50), h.quantile(0.95), h.quantile(0.99), h.max()};
}

namespace {

ReplicationSummary summarize(const ReplicationResult& r) {
  ReplicationSummary s;
  s.lag_time = quantiles_of(r.lag_time);
  s.lag_ops = quantiles_of(r.lag_ops);
  s.delivery = quantiles_of(r.delivery);
  s.trend = fit_lag_trend(r, to_seconds(r.retention_lease_period_us));
  if (s.trend && r.lag_threshold_us)
    s.exceeds_lag_threshold_in_s = s.trend->exceeds_in_s(to_seconds(*r.lag_threshold_us));
  if (r.throughput_inputs) s.analytic = analytic_throughput(*r.throughput_inputs);
  return s;
}

}  // namespace

void summarize_run(RunResult& result) {
  for (ReplicationResult& r : result.replications) r.summarized = summarize(r);
}

}  // namespace ccrsim
