#include "reports/lag_trend.h"

#include <Eigen/Dense>
#include <algorithm>
#include <vector>

#include "reports/run_result.h"

namespace ccrsim {

namespace {

// Falling behind: the ops lag grows by more than this share of the replicated rate, and by at least an operation
// per second (batching makes the lag saw-toothed; a line through a steady saw is flat to well within this).
constexpr double kBehindShareOfRate = 0.01;
constexpr double kBehindMinOpsPerS = 1.0;

std::vector<const LagPoint*> steady_points(const ReplicationResult& r) {
  const std::vector<LagPoint>& points = r.series.points();
  std::size_t end = points.size();
  while (end > 0 && points[end - 1].status != "SYNCING") --end;
  std::size_t begin = end;
  while (begin > 0 && points[begin - 1].status == "SYNCING") --begin;
  begin += (end - begin) / 4;
  std::vector<const LagPoint*> out;
  for (std::size_t i = begin; i < end; ++i) out.push_back(&points[i]);
  return out;
}

// Slope and intercept of y over t (least squares, t shifted to the first point for conditioning).
Eigen::Vector2d fit(const Eigen::VectorXd& t, const Eigen::VectorXd& y) {
  Eigen::MatrixXd a(t.size(), 2);
  a.col(0).setOnes();
  a.col(1) = t;
  return a.colPivHouseholderQr().solve(y);
}

}  // namespace

std::optional<LagTrend> fit_lag_trend(const ReplicationResult& r, double threshold_s) {
  const std::vector<const LagPoint*> points = steady_points(r);
  if (points.size() < kMinTrendPoints) return std::nullopt;
  const auto n = static_cast<Eigen::Index>(points.size());
  Eigen::VectorXd t(n);
  Eigen::VectorXd ops(n);
  Eigen::VectorXd lag_s(n);
  const double t0 = to_seconds(points.front()->t_us);
  for (Eigen::Index i = 0; i < n; ++i) {
    const LagPoint& p = *points[static_cast<std::size_t>(i)];
    t(i) = to_seconds(p.t_us) - t0;
    ops(i) = static_cast<double>(p.lag_ops);
    lag_s(i) = to_seconds(p.lag_time_us);
  }
  if (t(n - 1) <= 0) return std::nullopt;
  const Eigen::Vector2d ops_line = fit(t, ops);
  const Eigen::Vector2d time_line = fit(t, lag_s);
  LagTrend trend;
  trend.ops_per_s = ops_line(1);
  trend.time_lag_s_per_s = time_line(1);
  const double span_s = t(n - 1);
  const double rate =
      static_cast<double>(points.back()->follower_checkpoint - points.front()->follower_checkpoint) / span_s;
  trend.simulated_ops_per_s = rate;
  const bool behind = trend.ops_per_s > std::max(kBehindMinOpsPerS, kBehindShareOfRate * std::max(0.0, rate));
  trend.verdict = behind ? "falls_behind" : "keeps_up";
  trend.time_lag_at_end_s = time_line(0) + time_line(1) * span_s;
  trend.exceeds_threshold_in_s = trend.exceeds_in_s(threshold_s);
  return trend;
}

std::optional<double> LagTrend::exceeds_in_s(double threshold_s) const {
  if (verdict != "falls_behind" || time_lag_s_per_s <= 0) return std::nullopt;
  return std::max(0.0, (threshold_s - time_lag_at_end_s) / time_lag_s_per_s);
}

}  // namespace ccrsim
