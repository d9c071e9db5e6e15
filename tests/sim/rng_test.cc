#include "sim/rng.h"

#include <array>
#include <catch2/catch.hpp>
#include <vector>

namespace ccrsim {
namespace {

std::vector<std::uint64_t> draws(std::uint64_t seed, std::string_view name, int n = 64) {
  Rng rng(seed, name);
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(rng.next_u64());
  return out;
}

TEST_CASE("rng: the same (seed - name) gives the same sequence") {
  CHECK(draws(7, "network/leader") == draws(7, "network/leader"));
}

TEST_CASE("rng: a different name or seed gives a different sequence") {
  CHECK(draws(7, "network/leader") != draws(7, "network/follower"));
  CHECK(draws(7, "network/leader") != draws(8, "network/leader"));
  CHECK(draws(7, "") != draws(7, "a"));
}

TEST_CASE("rng: uniform01 stays in 0 <= x < 1 with mean near 1/2") {
  Rng rng(1, "u");
  double sum = 0;
  constexpr int kN = 100'000;
  for (int i = 0; i < kN; ++i) {
    const double u = rng.uniform01();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
  }
  CHECK(sum / kN == Approx(0.5).margin(0.01));
}

TEST_CASE("rng: below(bound) is in range and roughly uniform") {
  Rng rng(2, "below");
  constexpr std::uint64_t kBound = 10;
  constexpr int kN = 100'000;
  std::array<int, kBound> counts{};
  for (int i = 0; i < kN; ++i) {
    const std::uint64_t x = rng.below(kBound);
    REQUIRE(x < kBound);
    ++counts[x];
  }
  // Expected 10 000 per bucket, standard deviation about 95: 5% is more than five sigma.
  for (int c : counts) CHECK(c == Approx(kN / kBound).epsilon(0.05));
  CHECK(rng.below(0) == 0);
  CHECK(rng.below(1) == 0);
  for (int i = 0; i < 1000; ++i) REQUIRE(rng.below(3) < 3);
  const std::uint64_t huge = (std::uint64_t{1} << 63) + 1;  // the worst case for rejection
  for (int i = 0; i < 1000; ++i) REQUIRE(rng.below(huge) < huge);
}

double poisson_mean(double mean, int n) {
  Rng rng(3, "poisson");
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += static_cast<double>(rng.poisson(mean));
  return sum / n;
}

TEST_CASE("rng: poisson mean is close to the parameter - small and large") {
  CHECK(poisson_mean(0.5, 100'000) == Approx(0.5).epsilon(0.02));
  CHECK(poisson_mean(3.0, 100'000) == Approx(3.0).epsilon(0.02));
  CHECK(poisson_mean(40.0, 50'000) == Approx(40.0).epsilon(0.01));
  CHECK(poisson_mean(1000.0, 50'000) == Approx(1000.0).epsilon(0.005));
  CHECK(poisson_mean(1e6, 10'000) == Approx(1e6).epsilon(0.001));
  Rng rng(4, "p");
  CHECK(rng.poisson(0.0) == 0);
  CHECK(rng.poisson(-1.0) == 0);
}

TEST_CASE("rng: poisson variance matches the mean") {
  Rng rng(5, "var");
  constexpr int kN = 50'000;
  for (double mean : {4.0, 200.0}) {
    double sum = 0;
    double sum_sq = 0;
    for (int i = 0; i < kN; ++i) {
      const auto x = static_cast<double>(rng.poisson(mean));
      sum += x;
      sum_sq += x * x;
    }
    const double m = sum / kN;
    CHECK(sum_sq / kN - m * m == Approx(mean).epsilon(0.05));
  }
}

}  // namespace
}  // namespace ccrsim
