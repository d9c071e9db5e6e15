#pragma once
// What a replication's run comes to, computed once per run (summarize_run) from its recorders' histograms and
// series: the percentiles every writer prints and every check compares, the lag trend, and the closed-form
// throughput. Writers format these figures; none of them computes a percentile or a trend of its own.
#include <cstdint>
#include <optional>

#include "reports/analytic_throughput.h"
#include "reports/lag_trend.h"
#include "sim/stats/count_histogram.h"
#include "sim/stats/time_histogram.h"
#include "sim/time.h"

namespace ccrsim {

struct RunResult;

// The percentiles the reports print, of a time...
struct TimeQuantiles {
  sim_time_us p50_us = 0;
  sim_time_us p95_us = 0;
  sim_time_us p99_us = 0;
  sim_time_us max_us = 0;
};
// ...and of a count.
struct CountQuantiles {
  std::int64_t p50 = 0;
  std::int64_t p95 = 0;
  std::int64_t p99 = 0;
  std::int64_t max = 0;
};

TimeQuantiles quantiles_of(const TimeHistogram& h);
CountQuantiles quantiles_of(const CountHistogram& h);

struct ReplicationSummary {
  TimeQuantiles lag_time;
  CountQuantiles lag_ops;
  TimeQuantiles delivery;
  std::optional<LagTrend> trend;  // over the steady state, against the leader's retention lease period
  // When the time lag passes the scenario's `lag_threshold`: set only with a threshold and a growing time lag.
  std::optional<double> exceeds_lag_threshold_in_s;
  std::optional<ThroughputEstimate> analytic;  // with the run's throughput inputs
};

// Fills every replication's `summarized`: call once the run's results are complete (before checks and writers).
void summarize_run(RunResult& result);

}  // namespace ccrsim
