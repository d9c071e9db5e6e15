#include "sim/stats/delivery_histogram.h"

#include <algorithm>
#include <cmath>

#include "sim/stats/delivery_buckets.h"

namespace ccrsim {

int DeliveryHistogram::bucket_of(sim_time_us v_us) {
  return delivery_bucket_of(v_us);
}

double DeliveryHistogram::bucket_lo(int b) {
  return delivery_bucket_lo(b);
}

double DeliveryHistogram::bucket_hi(int b) {
  return delivery_bucket_lo(b + 1);
}

void DeliveryHistogram::add_uniform(sim_time_us lo_us, sim_time_us hi_us, std::int64_t count) {
  if (count <= 0) return;
  if (hi_us < lo_us) std::swap(lo_us, hi_us);
  lo_us = std::max<sim_time_us>(lo_us, 0);
  hi_us = std::max<sim_time_us>(hi_us, 0);
  total_ += count;
  max_us_ = std::max(max_us_, hi_us);
  const int b_lo = bucket_of(lo_us);
  const int b_hi = bucket_of(hi_us);
  if (static_cast<std::size_t>(b_hi) >= mass_.size()) mass_.resize(static_cast<std::size_t>(b_hi) + 1, 0.0);
  if (b_lo == b_hi) {
    mass_[static_cast<std::size_t>(b_lo)] += static_cast<double>(count);
    return;
  }
  // Spread the mass in proportion to each bucket's overlap with [lo, hi]. The two end buckets take their share
  // now; the buckets in between are covered whole, at the same density count / span, so they are kept as a
  // difference array of densities (O(1) per range, however many buckets it spans) and turned into masses when a
  // quantile is asked for.
  const double span = static_cast<double>(hi_us - lo_us);
  const auto lo = static_cast<double>(lo_us);
  const auto hi = static_cast<double>(hi_us);
  const auto first = static_cast<std::size_t>(b_lo);
  const auto last = static_cast<std::size_t>(b_hi);
  const double c = static_cast<double>(count);
  const double a_first = std::max(bucket_lo(b_lo), lo);
  const double z_first = std::min(bucket_hi(b_lo), hi);
  if (z_first > a_first) mass_[first] += c * (z_first - a_first) / span;
  const double a_last = std::max(bucket_lo(b_hi), lo);
  const double z_last = std::min(bucket_hi(b_hi), hi);
  if (z_last > a_last) mass_[last] += c * (z_last - a_last) / span;
  if (last > first + 1) {
    if (density_diff_.size() < mass_.size()) density_diff_.resize(mass_.size(), 0.0);
    const double density = c / span;
    density_diff_[first + 1] += density;
    density_diff_[last] -= density;
  }
}

sim_time_us DeliveryHistogram::quantile_us(double q) const {
  if (total_ == 0) return 0;
  const double target = std::clamp(q, 0.0, 1.0) * static_cast<double>(total_);
  double seen = 0;
  double density = 0;  // running sum of density_diff_: ops per microsecond over whole buckets
  for (std::size_t b = 0; b < mass_.size(); ++b) {
    if (b < density_diff_.size()) density += density_diff_[b];
    double m = mass_[b];
    if (density > 0) m += density * (bucket_hi(static_cast<int>(b)) - bucket_lo(static_cast<int>(b)));
    if (m <= 0) continue;
    if (seen + m >= target) {
      // Interpolate inside the bucket.
      const double frac = std::clamp((target - seen) / m, 0.0, 1.0);
      const double lo = bucket_lo(static_cast<int>(b));
      const double hi = bucket_hi(static_cast<int>(b));
      return std::min(max_us_, static_cast<sim_time_us>(std::llround(lo + frac * (hi - lo))));
    }
    seen += m;
  }
  return max_us_;
}

}  // namespace ccrsim
