#include "sim/stats/count_histogram.h"

#include <catch2/catch.hpp>

#include "sim/stats/time_histogram.h"

namespace ccrsim {
namespace {

// A count histogram cannot be read out as a time, nor a time histogram as a count.
template <typename H>
concept reads_microseconds = requires(const H& h) {
  h.quantile_us(0.5);
};
template <typename H>
concept reads_counts = requires(const H& h) {
  h.quantile(0.5);
};
static_assert(!reads_microseconds<CountHistogram>);
static_assert(reads_counts<CountHistogram>);
static_assert(reads_microseconds<TimeHistogram>);
static_assert(!reads_counts<TimeHistogram>);

TEST_CASE("count histogram: quantiles and max of counts - negative counts as zero") {
  CountHistogram h;
  CHECK(h.quantile(0.5) == 0);
  for (int v = 1; v <= 100; ++v) h.add(v);
  h.add(-7);
  CHECK(h.samples() == 101);
  CHECK(h.max() == 100);
  CHECK(h.quantile(0.5) == Approx(50).margin(1));
  CHECK(h.quantile(0.99) == Approx(99).margin(1));
}

TEST_CASE("time histogram: the same buckets as the delivery histogram it wraps") {
  TimeHistogram t;
  DeliveryHistogram d;
  t.add_uniform(10 * kUsPerMs, 3 * kUsPerS, 500);
  d.add_uniform(10 * kUsPerMs, 3 * kUsPerS, 500);
  t.add(7 * kUsPerS);
  d.add(7 * kUsPerS);
  for (double q : {0.5, 0.95, 0.99}) CHECK(t.quantile_us(q) == d.quantile_us(q));
  CHECK(t.max_us() == 7 * kUsPerS);
  CHECK(t.count() == 501);
}

}  // namespace
}  // namespace ccrsim
