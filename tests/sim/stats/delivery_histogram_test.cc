#include "sim/stats/delivery_histogram.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

// Buckets are 1 % wide; interpolation inside one keeps quantiles within that.
constexpr double kRel = 0.02;

TEST_CASE("delivery histogram: empty - zero everywhere") {
  const DeliveryHistogram h;
  CHECK(h.count() == 0);
  CHECK(h.quantile_us(0.5) == 0);
  CHECK(h.max_us() == 0);
}

TEST_CASE("delivery histogram: one value - every quantile near it and never above the max") {
  DeliveryHistogram h;
  h.add(250 * kUsPerMs, 3);
  CHECK(h.count() == 3);
  CHECK(h.max_us() == 250 * kUsPerMs);
  for (double q : {0.01, 0.5, 0.99, 1.0}) {
    INFO(q);
    CHECK(static_cast<double>(h.quantile_us(q)) == Approx(250'000).epsilon(kRel));
    CHECK(h.quantile_us(q) <= h.max_us());
  }
}

TEST_CASE("delivery histogram: a uniform range spreads its operations over it") {
  DeliveryHistogram h;
  h.add_uniform(0, seconds_us(10), 10'000);
  CHECK(h.count() == 10'000);
  CHECK(h.max_us() == seconds_us(10));
  CHECK(static_cast<double>(h.quantile_us(0.5)) == Approx(5e6).epsilon(kRel));
  CHECK(static_cast<double>(h.quantile_us(0.9)) == Approx(9e6).epsilon(kRel));
  CHECK(static_cast<double>(h.quantile_us(0.1)) == Approx(1e6).epsilon(kRel));
  CHECK(h.quantile_us(1.0) == seconds_us(10));
}

TEST_CASE("delivery histogram: a range counts like the same operations added one by one") {
  DeliveryHistogram whole;
  DeliveryHistogram pieces;
  whole.add_uniform(seconds_us(1), seconds_us(3), 2'000);
  for (int i = 0; i < 2'000; ++i) pieces.add(seconds_us(1) + i * kUsPerMs);
  for (double q : {0.05, 0.25, 0.5, 0.75, 0.95}) {
    INFO(q);
    CHECK(static_cast<double>(whole.quantile_us(q)) ==
          Approx(static_cast<double>(pieces.quantile_us(q))).epsilon(kRel));
  }
}

TEST_CASE("delivery histogram: weights by operation count") {
  DeliveryHistogram h;
  h.add(kUsPerMs, 900);
  h.add(kUsPerS, 100);
  CHECK(static_cast<double>(h.quantile_us(0.5)) == Approx(1e3).epsilon(kRel));
  CHECK(static_cast<double>(h.quantile_us(0.89)) == Approx(1e3).epsilon(kRel));
  CHECK(static_cast<double>(h.quantile_us(0.95)) == Approx(1e6).epsilon(kRel));
  CHECK(h.max_us() == kUsPerS);
}

TEST_CASE("delivery histogram: reversed bounds are swapped - negatives count as zero - no count adds nothing") {
  DeliveryHistogram a;
  DeliveryHistogram b;
  a.add_uniform(seconds_us(2), seconds_us(1), 100);
  b.add_uniform(seconds_us(1), seconds_us(2), 100);
  CHECK(a.quantile_us(0.5) == b.quantile_us(0.5));
  CHECK(a.max_us() == seconds_us(2));

  DeliveryHistogram n;
  n.add(-5 * kUsPerS, 10);
  CHECK(n.count() == 10);
  CHECK(n.quantile_us(0.5) == 0);
  CHECK(n.max_us() == 0);

  DeliveryHistogram z;
  z.add(kUsPerS, 0);
  z.add(kUsPerS, -4);
  CHECK(z.count() == 0);
  CHECK(z.max_us() == 0);
}

}  // namespace
}  // namespace ccrsim
