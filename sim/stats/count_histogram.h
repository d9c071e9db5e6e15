#pragma once
// A histogram of counts (the operations lag). The same log buckets as a time histogram, but read out as counts:
// there is no quantile_us, so a count cannot be printed or compared as a time.
#include <algorithm>
#include <cstdint>

#include "sim/stats/delivery_histogram.h"

namespace ccrsim {

class CountHistogram {
 public:
  // One sample of `value` (negative values count as 0), `weight` times.
  void add(std::int64_t value, std::int64_t weight = 1) { h_.add(std::max<std::int64_t>(value, 0), weight); }

  std::int64_t samples() const { return h_.count(); }
  // The q-quantile (0 < q <= 1) of the values; 0 when empty.
  std::int64_t quantile(double q) const { return h_.quantile_us(q); }
  std::int64_t max() const { return h_.max_us(); }

 private:
  DeliveryHistogram h_;  // the bucket engine; its "microseconds" are counts here
};

}  // namespace ccrsim
