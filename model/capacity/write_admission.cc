#include "model/capacity/write_admission.h"

#include <algorithm>
#include <cmath>

#include "sim/assert.h"

namespace ccrsim {

namespace {

double service_us(double rate_per_s) {
  CCRSIM_ASSERT(rate_per_s > 0);
  return 1e6 / rate_per_s;
}

// The queue must hold at least one operation's work, or a primary written faster than it indexes would idle between
// refusals and acknowledge less than its rate.
double queue_us(double rate_per_s) {
  return std::max(kWriteQueueUs, service_us(rate_per_s));
}

}  // namespace

double WriteAdmission::earliest_accept_us(double rate_per_s) const {
  if (rate_per_s <= 0) return free_us_;
  return free_us_ - queue_us(rate_per_s);
}

AdmittedRun WriteAdmission::admit(std::int64_t count, double t_first_us, double spacing_us, double rate_per_s) {
  CCRSIM_ASSERT(spacing_us >= 0);
  CCRSIM_ASSERT(!std::isnan(t_first_us));
  if (count <= 0) return {};
  if (rate_per_s <= 0) return {count, 0, t_first_us, spacing_us};
  const double c = service_us(rate_per_s);
  const double q = queue_us(rate_per_s);
  CCRSIM_ASSERT(q >= c && c > 0);  // the queue holds at least one operation's work
  const double free_before = free_us_;
  // An arrival at a is accepted iff the queue's work ends by a + q: the arrivals before free - q are refused.
  std::int64_t k = 0;
  const double threshold = free_us_ - q;
  if (threshold > t_first_us) {
    k = spacing_us <= 0 ? count
                        : static_cast<std::int64_t>(std::min<double>(static_cast<double>(count),
                                                                     std::ceil((threshold - t_first_us) / spacing_us)));
  }
  CCRSIM_ASSERT(k >= 0 && k <= count);
  if (k >= count) return {0, count, t_first_us, spacing_us};
  const std::int64_t m = count - k;
  CCRSIM_ASSERT(m >= 1);
  const double a_k = t_first_us + static_cast<double>(k) * spacing_us;
  const double a_last = t_first_us + static_cast<double>(count - 1) * spacing_us;
  const double start = std::max(free_us_, a_k);
  if (spacing_us >= c) {
    // Arrivals no faster than the primary indexes: the backlog only shrinks, so every remaining one is accepted and
    // the thread is free one operation after the later of the backlog and the last arrival.
    free_us_ = std::max(start + static_cast<double>(m) * c, a_last + c);
    CCRSIM_ASSERT(free_us_ >= free_before);  // the thread's work never ends earlier after more is accepted
    return {m, k, a_k, spacing_us};
  }
  // Faster arrivals keep the thread busy from `start` on, so the j-th acceptance ends at start + j * c and arrival
  // a_i is accepted iff the acceptances before it end by a_i + q: floor((a_i + q - start) / c) + 1 of them by a_i.
  const auto by_last = static_cast<std::int64_t>(std::floor((a_last + q - start) / c)) + 1;
  const std::int64_t n = std::clamp<std::int64_t>(by_last, 1, m);
  free_us_ = start + static_cast<double>(n) * c;
  CCRSIM_ASSERT(free_us_ >= free_before);
  const double spacing = n == m ? spacing_us : n > 1 ? (a_last - a_k) / static_cast<double>(n - 1) : 0;
  CCRSIM_ASSERT(spacing >= 0);
  CCRSIM_ASSERT(n >= 1 && n <= count);  // the first arrival past the threshold always fits
  return {n, count - n, a_k, spacing};
}

}  // namespace ccrsim
