#include "sim/stats/delivery_buckets.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

namespace ccrsim {
namespace {

// The tabulated lookup must agree with the defining formula everywhere: reports and golden fingerprints depend on
// every bucket index, rounding at the bucket edges included.
void require_same_bucket(sim_time_us v_us) {
  INFO("v_us = " << v_us);
  REQUIRE(delivery_bucket_of(v_us) == delivery_bucket_formula(v_us));
}

TEST_CASE("delivery buckets: lookup equals the formula for every duration up to 20 s", "[stats]") {
  for (sim_time_us v = -5; v <= 20'000'000; ++v) {
    if (delivery_bucket_of(v) != delivery_bucket_formula(v)) require_same_bucket(v);  // REQUIRE only on failure
  }
}

TEST_CASE("delivery buckets: lookup equals the formula next to every geometric bucket edge", "[stats]") {
  const int last = delivery_bucket_formula(std::numeric_limits<sim_time_us>::max());
  for (int b = kDeliveryLinearBuckets; b <= last; ++b) {
    const double edge = delivery_bucket_lo(b);
    if (edge > 9.0e18) break;
    const auto around = static_cast<sim_time_us>(edge);
    for (sim_time_us d = -3; d <= 3; ++d) require_same_bucket(around + d);
  }
}

TEST_CASE("delivery buckets: lookup equals the formula on spread samples and extremes", "[stats]") {
  std::uint64_t x = 0x9e3779b97f4a7c15ULL;
  for (int i = 0; i < 200'000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const int bits = static_cast<int>(x >> 58);  // 0..63: spread over every magnitude
    const auto v = static_cast<sim_time_us>((x >> 1) >> (63 - std::max(bits, 1)));
    require_same_bucket(v);
  }
  for (sim_time_us v :
       {sim_time_us{0}, sim_time_us{999}, sim_time_us{1000}, sim_time_us{1} << 53, (sim_time_us{1} << 53) - 1,
        std::numeric_limits<sim_time_us>::max(), std::numeric_limits<sim_time_us>::min()}) {
    require_same_bucket(v);
  }
}

TEST_CASE("delivery buckets: geometric buckets are one percent wide", "[stats]") {
  REQUIRE(delivery_bucket_of(999) == 99);
  REQUIRE(delivery_bucket_of(1000) == 100);
  REQUIRE(delivery_bucket_of(1009) == 100);
  REQUIRE(delivery_bucket_of(1011) == 101);
  REQUIRE(delivery_bucket_lo(101) == Approx(1010.0));
  REQUIRE(delivery_bucket_lo(200) == Approx(1000.0 * std::pow(1.01, 100)));
}

}  // namespace
}  // namespace ccrsim
