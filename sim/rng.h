#pragma once
// Named random streams. A stream's state derives from (scenario seed, stable component name) only, so adding a
// component never shifts another component's draws. xoshiro256** seeded through splitmix64.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "sim/assert.h"

namespace ccrsim {

constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

class Rng {
 public:
  Rng(std::uint64_t seed, std::string_view stream_name) {
    std::uint64_t sm = seed ^ fnv1a64(stream_name);
    for (auto& word : s_) word = splitmix64(sm);
    CCRSIM_ASSERT((s_[0] | s_[1] | s_[2] | s_[3]) != 0);  // xoshiro's one forbidden state: all zero forever
  }

  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1), 53 bits.
  double uniform01() {
    const double u = static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
    CCRSIM_ASSERT(u >= 0.0 && u < 1.0);
    return u;
  }

  // Uniform integer in [0, bound) without modulo bias (rejection on the top range).
  std::uint64_t below(std::uint64_t bound) {
    if (bound == 0) return 0;
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t x = next_u64();
    while (x >= limit) x = next_u64();
    const std::uint64_t v = x % bound;
    CCRSIM_ASSERT(v < bound);
    return v;
  }

  // Poisson draw. Knuth for small means, a rounded normal approximation above 64 (counts per interval, where the
  // relative error of the approximation is far below the sampling noise).
  std::uint64_t poisson(double mean) {
    CCRSIM_ASSERT(!std::isnan(mean));  // NaN would skip both branches' guards and draw garbage
    if (mean <= 0) return 0;
    if (mean < 64) {
      const double limit = std::exp(-mean);
      double p = 1.0;
      std::uint64_t k = 0;
      do {
        ++k;
        p *= uniform01();
      } while (p > limit);
      CCRSIM_ASSERT(k >= 1);
      return k - 1;
    }
    const double u1 = uniform01() + 0x1.0p-54;
    CCRSIM_ASSERT(u1 > 0.0);  // log(0) is never taken
    const double u2 = uniform01();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    const double v = std::round(mean + std::sqrt(mean) * z);
    return v < 0 ? 0 : static_cast<std::uint64_t>(v);
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4]{};
};

}  // namespace ccrsim
