#pragma once
// Fixed number formatting for every output: the same value prints the same bytes on every run and build.
#include <cstdint>
#include <string>

namespace ccrsim {

// Seconds from integer microseconds: shortest form with at most 3 decimals and at least one
// ("61.2", "21600.0", "0.125").
std::string format_seconds(std::int64_t t_us);
// A double rounded to `decimals` places, trailing zeros trimmed but one decimal kept ("0.3", "12.0").
std::string format_fixed(double value, int decimals);
// Rounds to `decimals` places so JSON writers print stable values.
double round_to(double value, int decimals);

}  // namespace ccrsim
