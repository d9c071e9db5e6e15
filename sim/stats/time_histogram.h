#pragma once
// A histogram of durations (delivery times, time lag). Its values are read out in microseconds only: a count
// histogram (count_histogram.h) is a different type, so the two cannot be mixed up in a report or a check.
#include <cstdint>

#include "sim/stats/delivery_histogram.h"
#include "sim/time.h"

namespace ccrsim {

class TimeHistogram {
 public:
  // `count` operations with durations spread uniformly over [lo_us, hi_us].
  void add_uniform(sim_time_us lo_us, sim_time_us hi_us, std::int64_t count) { h_.add_uniform(lo_us, hi_us, count); }
  void add(sim_time_us value_us, std::int64_t count = 1) { h_.add(value_us, count); }

  std::int64_t count() const { return h_.count(); }
  // The q-quantile (0 < q <= 1), weighted by count; 0 when empty.
  sim_time_us quantile_us(double q) const { return h_.quantile_us(q); }
  sim_time_us max_us() const { return h_.max_us(); }

 private:
  DeliveryHistogram h_;
};

}  // namespace ccrsim
