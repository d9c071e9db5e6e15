#pragma once
// A replication's lag over time, as the lag recorder (reports/lag_recorder.h) keeps it for the time series, the
// charts and the lag trend.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/time.h"

namespace ccrsim {

// One point of a replication's lag over time.
struct LagPoint {
  sim_time_us t_us = 0;
  std::string status;
  std::int64_t leader_checkpoint = 0;
  std::int64_t follower_checkpoint = 0;
  std::int64_t lag_ops = 0;
  sim_time_us lag_time_us = 0;
};

// Keeps at most kMaxPoints points by merging neighbours into the worse of the two once full (deterministic
// downsampling that never hides a peak).
class LagSeries {
 public:
  static constexpr std::size_t kMaxPoints = 2000;
  void add(const LagPoint& p);
  void flush();  // closes the partly filled last bucket
  const std::vector<LagPoint>& points() const { return points_; }

 private:
  std::vector<LagPoint> points_;
  std::vector<LagPoint> pending_;  // the bucket being filled
  std::size_t bucket_size_ = 1;
};

}  // namespace ccrsim
