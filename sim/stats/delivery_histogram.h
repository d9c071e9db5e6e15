#pragma once
// A log-bucketed histogram of durations that takes whole ranges of operations at once: a replayed range whose
// operations were written evenly between w_first and w_last and applied at t contributes a uniform mass over
// [t - w_last, t - w_first]. Percentiles are exact to the bucket width (1 % relative), with no per-op loop.
#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace ccrsim {

class DeliveryHistogram {
 public:
  // `count` operations with durations spread uniformly over [lo_us, hi_us].
  void add_uniform(sim_time_us lo_us, sim_time_us hi_us, std::int64_t count);
  void add(sim_time_us value_us, std::int64_t count = 1) { add_uniform(value_us, value_us, count); }

  std::int64_t count() const { return total_; }
  // The q-quantile (0 < q <= 1) in microseconds, weighted by operation count; 0 when empty.
  sim_time_us quantile_us(double q) const;
  sim_time_us max_us() const { return max_us_; }

 private:
  static int bucket_of(sim_time_us v_us);
  static double bucket_lo(int b);
  static double bucket_hi(int b);

  std::vector<double> mass_;          // per bucket, in operations (besides the whole-bucket densities below)
  std::vector<double> density_diff_;  // difference array of densities (ops per us) over whole buckets
  std::int64_t total_ = 0;
  sim_time_us max_us_ = 0;
};

}  // namespace ccrsim
