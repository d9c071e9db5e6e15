#pragma once
// Does a replication keep up? A least-squares line through its lag over time in steady state (Eigen), and the
// projection of when its time lag would pass the leader's retention lease period (or another threshold), after
// which the leader may have discarded the operations the follower still needs.
#include <cstddef>
#include <optional>
#include <string>

namespace ccrsim {

struct ReplicationResult;

struct LagTrend {
  double ops_per_s = 0;                          // slope of ops lag over time
  double time_lag_s_per_s = 0;                   // slope of time lag over time
  double simulated_ops_per_s = 0;                // operations applied per second over the window (summed over shards)
  std::string verdict;                           // keeps_up | falls_behind
  std::optional<double> exceeds_threshold_in_s;  // falls_behind: seconds after the run's end until the time lag
                                                 // passes the threshold (0: already past it)
  double time_lag_at_end_s = 0;                  // the fitted time lag at the window's end

  // The same projection for another threshold (the scenario's `lag_threshold`): nullopt unless the replication
  // falls behind and its time lag grows.
  std::optional<double> exceeds_in_s(double threshold_s) const;
};

// Steady state: the last unbroken stretch of SYNCING samples without its first quarter (the catch-up after a
// bootstrap or resume). nullopt when that has fewer than kMinTrendPoints points.
inline constexpr std::size_t kMinTrendPoints = 8;
std::optional<LagTrend> fit_lag_trend(const ReplicationResult& r, double threshold_s);

}  // namespace ccrsim
