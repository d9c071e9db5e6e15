#pragma once
// Simulated time: an integer count of microseconds since the start of the run. Never a float.
#include <cstdint>
#include <limits>
#include <string>

namespace ccrsim {

using sim_time_us = std::int64_t;

inline constexpr sim_time_us kUsPerMs = 1'000;
inline constexpr sim_time_us kUsPerS = 1'000'000;
inline constexpr sim_time_us kUsPerMin = 60 * kUsPerS;
inline constexpr sim_time_us kUsPerH = 60 * kUsPerMin;
inline constexpr sim_time_us kUsPerDay = 24 * kUsPerH;
inline constexpr sim_time_us kTimeNever = std::numeric_limits<sim_time_us>::max();

constexpr sim_time_us seconds_us(std::int64_t s) {
  return s * kUsPerS;
}
constexpr sim_time_us millis_us(std::int64_t ms) {
  return ms * kUsPerMs;
}
constexpr double to_seconds(sim_time_us t_us) {
  return static_cast<double>(t_us) / static_cast<double>(kUsPerS);
}

// Milliseconds since the simulated epoch (1970-01-01T00:00:00Z is t = 0), as OpenSearch prints epoch millis.
constexpr std::int64_t epoch_millis(sim_time_us t_us) {
  return t_us / kUsPerMs;
}

}  // namespace ccrsim
