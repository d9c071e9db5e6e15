#pragma once
// Parsers for the unit syntax of docs/scenario-format.md §2: durations, sizes, bandwidths and rates. They never throw;
// a failure carries a message ready to show the user (lower-case start, the offending text quoted).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/time.h"

namespace ccrsim {

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;          // set when value is empty
  bool out_of_range = false;  // the text is well formed but the value breaks a bound; error then reads
                              // "must be at most 365d, got '400d'" so callers can prefix the field name
  explicit operator bool() const { return value.has_value(); }
};

// Longest duration a scenario may use (docs/scenario-format.md §3.2).
inline constexpr sim_time_us kMaxScenarioDurationUs = 365 * kUsPerDay;

// `250ms`, `1.5s`, `30m`, `12h`, `2d`, or several parts largest unit first (`1h30m`). Fractions finer than a
// microsecond round to the nearest microsecond. Values above max_us (or negative ones) are out of range.
Parsed<sim_time_us> parse_duration(std::string_view text, sim_time_us max_us = kMaxScenarioDurationUs);

// `512b`, `1kb`, `1.5MB`, ... 1024-based, case-insensitive, rounded to whole bytes. Values above max_bytes are
// out of range.
inline constexpr std::int64_t kMaxSizeBytes = std::int64_t{1} << 50;  // 1024tb
Parsed<std::int64_t> parse_size_bytes(std::string_view text, std::int64_t max_bytes = kMaxSizeBytes);

// `125mb/s` (bytes, 1024-based) or `100kbit/s`, `10mbit/s`, `1gbit/s` (bits, 1000-based). Bytes per second.
Parsed<double> parse_bandwidth_bytes_per_s(std::string_view text);

// `2000/s`, `60/m`, `3600/h`: operations per second. Rates above max_per_s are out of range.
Parsed<double> parse_rate_per_s(std::string_view text, double max_per_s = 1e300);

// Canonical size for messages: the largest unit that divides it exactly (`100mb`, `1536b`, `1024tb`).
std::string format_size(std::int64_t bytes);

// A double for messages: integers without a fraction ("10000000"), others with up to 6 significant digits.
std::string format_number(double value);

// Canonical form for messages, parseable again: `0s`, `250ms`, `1h30m`, `1d2h`; a remainder below a millisecond
// becomes a decimal millisecond part (`1s1.5ms`).
std::string format_duration(sim_time_us t_us);

}  // namespace ccrsim
