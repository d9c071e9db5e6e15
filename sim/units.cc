#include "sim/units.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "sim/assert.h"

namespace ccrsim {
namespace {

// Exact arithmetic for `integer.fraction * unit` without overflow surprises.
__extension__ using u128 = unsigned __int128;

template <typename T>
Parsed<T> fail(std::string message, bool out_of_range = false) {
  CCRSIM_ASSERT(!message.empty());  // a refusal always says why
  Parsed<T> p;
  p.error = std::move(message);
  p.out_of_range = out_of_range;
  return p;
}

template <typename T>
Parsed<T> ok(T value) {
  Parsed<T> p;
  p.value = value;
  return p;
}

std::string quoted(std::string_view text) {
  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict, PR105329) on "'" + std::string(...).
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('\'');
  out.append(text);
  out.push_back('\'');
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct DurationUnit {
  std::string_view name;
  sim_time_us us;
};

// Largest first: compound durations must follow this order.
constexpr std::array<DurationUnit, 5> kDurationUnits = {{
    {"d", kUsPerDay},
    {"h", kUsPerH},
    {"m", kUsPerMin},
    {"s", kUsPerS},
    {"ms", kUsPerMs},
}};

int duration_unit_rank(std::string_view name) {
  for (std::size_t i = 0; i < kDurationUnits.size(); ++i) {
    if (kDurationUnits[i].name == name) {
      CCRSIM_ASSERT(i == 0 || kDurationUnits[i - 1].us > kDurationUnits[i].us);  // largest first
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Splits a leading decimal number `digits[.digits]` (no sign, no exponent) off `text`. Returns false when
// there is none.
bool take_decimal(std::string_view& text, std::string_view& int_digits, std::string_view& frac_digits) {
  std::size_t i = 0;
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i == 0) return false;
  int_digits = text.substr(0, i);
  frac_digits = {};
  if (i < text.size() && text[i] == '.') {
    std::size_t j = i + 1;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (j == i + 1) return false;
    frac_digits = text.substr(i + 1, j - i - 1);
    i = j;
  }
  CCRSIM_ASSERT(i <= text.size() && !int_digits.empty());
  text.remove_prefix(i);
  return true;
}

// round(int.frac * unit) as an exact integer, or nullopt when it exceeds limit.
std::optional<u128> scale_decimal(std::string_view int_digits, std::string_view frac_digits, u128 unit, u128 limit) {
  CCRSIM_ASSERT(unit > 0);
  u128 whole = 0;
  for (char c : int_digits) {
    whole = whole * 10 + static_cast<unsigned>(c - '0');
    if (whole > limit) return std::nullopt;
  }
  u128 value = whole * unit;
  if (value > limit) return std::nullopt;
  // Digits past the 18th cannot change the rounded result for units up to a day by more than an ulp of a
  // microsecond; dropping them keeps the arithmetic in 128 bits.
  std::string_view frac = frac_digits.substr(0, 18);
  u128 num = 0;
  u128 den = 1;
  for (char c : frac) {
    num = num * 10 + static_cast<unsigned>(c - '0');
    den *= 10;
  }
  CCRSIM_ASSERT(num < den);                     // the fraction is below one
  value += (num * unit * 2 + den) / (den * 2);  // round half up
  if (value > limit) return std::nullopt;
  return value;
}

// A signed or exponent number followed by a suffix, for sizes, bandwidth and rates. The number is parsed with
// from_chars: locale-independent and exact to the nearest double, so results are the same on every machine.
bool split_number(std::string_view text, double& number, std::string_view& suffix) {
  if (text.empty() || !(is_digit(text[0]) || text[0] == '-' || text[0] == '.')) return false;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, number, std::chars_format::general);
  if (ptr == text.data()) return false;
  if (ec == std::errc::result_out_of_range) number = HUGE_VAL;
  CCRSIM_ASSERT(ptr > text.data() && ptr <= end);
  suffix = text.substr(static_cast<std::size_t>(ptr - text.data()));
  return true;
}

}  // namespace

Parsed<sim_time_us> parse_duration(std::string_view text, sim_time_us max_us) {
  CCRSIM_ASSERT(max_us > 0);  // the caller's limit, not the user's text
  std::string expected = "expected a duration like '30s', got " + quoted(text);
  if (!text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos) {
    expected += " (a number needs a unit: ms, s, m, h or d)";
  }
  if (!text.empty() && text[0] == '-') return fail<sim_time_us>("must not be negative, got " + quoted(text), true);
  std::string_view rest = text;
  u128 total = 0;
  int last_rank = -1;
  const u128 limit = static_cast<u128>(max_us);
  bool too_large = false;
  if (rest.empty()) return fail<sim_time_us>(expected);
  while (!rest.empty()) {
    std::string_view int_digits;
    std::string_view frac_digits;
    if (!take_decimal(rest, int_digits, frac_digits)) return fail<sim_time_us>(expected);
    std::size_t n = 0;
    while (n < rest.size() && std::isalpha(static_cast<unsigned char>(rest[n]))) ++n;
    const std::string_view unit = rest.substr(0, n);
    rest.remove_prefix(n);
    const int rank = duration_unit_rank(unit);
    if (rank < 0) return fail<sim_time_us>(expected);
    if (rank <= last_rank) {
      return fail<sim_time_us>("expected the parts of duration " + quoted(text) + " largest unit first, each once");
    }
    last_rank = rank;
    if (too_large) continue;  // keep checking the syntax of the remaining parts
    const auto part = scale_decimal(int_digits, frac_digits, static_cast<u128>(kDurationUnits[rank].us), limit);
    if (!part || total + *part > limit) {
      too_large = true;
      continue;
    }
    total += *part;
    CCRSIM_ASSERT(total <= limit);
  }
  if (too_large) {
    return fail<sim_time_us>("must be at most " + format_duration(max_us) + ", got " + quoted(text), true);
  }
  CCRSIM_ASSERT(last_rank >= 0 && total <= limit);
  return ok(static_cast<sim_time_us>(total));
}

Parsed<std::int64_t> parse_size_bytes(std::string_view text, std::int64_t max_bytes) {
  CCRSIM_ASSERT(max_bytes > 0);
  const std::string expected = "expected a size like '1kb', got " + quoted(text);
  double number = 0;
  std::string_view suffix;
  if (!split_number(text, number, suffix)) return fail<std::int64_t>(expected);
  static constexpr std::array<std::string_view, 5> kUnits = {"b", "kb", "mb", "gb", "tb"};
  const std::string unit = lower(suffix);
  double multiplier = 0;
  for (std::size_t i = 0; i < kUnits.size(); ++i) {
    if (unit == kUnits[i]) multiplier = std::ldexp(1.0, static_cast<int>(10 * i));
  }
  if (multiplier == 0 || std::isnan(number)) return fail<std::int64_t>(expected);
  if (number < 0) return fail<std::int64_t>("must not be negative, got " + quoted(text), true);
  const double bytes = std::round(number * multiplier);
  if (!(bytes <= static_cast<double>(max_bytes))) {
    return fail<std::int64_t>("must be at most " + format_size(max_bytes) + ", got " + quoted(text), true);
  }
  CCRSIM_ASSERT(bytes >= 0 && bytes <= static_cast<double>(max_bytes));
  return ok(static_cast<std::int64_t>(bytes));
}

Parsed<double> parse_bandwidth_bytes_per_s(std::string_view text) {
  const std::string expected = "expected a bandwidth like '125mb/s' or '1gbit/s', got " + quoted(text);
  double number = 0;
  std::string_view suffix;
  if (!split_number(text, number, suffix)) return fail<double>(expected);
  const std::string unit = lower(suffix);
  if (unit.size() < 3 || unit.substr(unit.size() - 2) != "/s" || std::isnan(number)) return fail<double>(expected);
  const std::string per = unit.substr(0, unit.size() - 2);
  static constexpr std::array<std::string_view, 5> kByteUnits = {"b", "kb", "mb", "gb", "tb"};
  static constexpr std::array<std::string_view, 5> kBitUnits = {"bit", "kbit", "mbit", "gbit", "tbit"};
  double bytes_per_unit = 0;
  for (std::size_t i = 0; i < kByteUnits.size(); ++i) {
    if (per == kByteUnits[i]) bytes_per_unit = std::ldexp(1.0, static_cast<int>(10 * i));
    if (per == kBitUnits[i]) bytes_per_unit = std::pow(1000.0, static_cast<double>(i)) / 8.0;
  }
  if (bytes_per_unit == 0) return fail<double>(expected);
  if (number < 0) return fail<double>("must not be negative, got " + quoted(text), true);
  const double value = number * bytes_per_unit;
  if (!std::isfinite(value)) return fail<double>("is too large, got " + quoted(text), true);
  CCRSIM_ASSERT(value >= 0);
  return ok(value);
}

Parsed<double> parse_rate_per_s(std::string_view text, double max_per_s) {
  CCRSIM_ASSERT(max_per_s > 0);
  const std::string expected = "expected a rate like '2000/s', got " + quoted(text);
  double number = 0;
  std::string_view suffix;
  if (!split_number(text, number, suffix) || std::isnan(number)) return fail<double>(expected);
  double per_s = 0;
  if (suffix == "/s") per_s = 1;
  if (suffix == "/m") per_s = 60;
  if (suffix == "/h") per_s = 3600;
  if (per_s == 0) return fail<double>(expected);
  if (number < 0) return fail<double>("must not be negative, got " + quoted(text), true);
  if (!(number / per_s <= max_per_s)) {
    return fail<double>("must be at most " + format_number(max_per_s) + "/s, got " + quoted(text), true);
  }
  CCRSIM_ASSERT(number / per_s >= 0 && number / per_s <= max_per_s);
  return ok(number / per_s);
}

std::string format_size(std::int64_t bytes) {
  static constexpr std::array<std::string_view, 5> kUnits = {"b", "kb", "mb", "gb", "tb"};
  std::size_t unit = 0;
  while (unit + 1 < kUnits.size() && bytes != 0 && bytes % 1024 == 0) {
    bytes /= 1024;
    ++unit;
  }
  CCRSIM_ASSERT(unit < kUnits.size());
  return std::to_string(bytes) + std::string(kUnits[unit]);
}

std::string format_number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  char buf[32];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 6);
  return ec == std::errc() ? std::string(buf, ptr) : std::string("?");
}

std::string format_duration(sim_time_us t_us) {
  if (t_us == 0) return "0s";
  std::string out;
  if (t_us < 0) {
    out = "-";
    t_us = -t_us;  // callers never pass kTimeNever's negative twin
  }
  for (const DurationUnit& unit : kDurationUnits) {
    if (unit.us == kUsPerMs) break;
    if (t_us >= unit.us) {
      out += std::to_string(t_us / unit.us) + std::string(unit.name);
      t_us %= unit.us;
    }
  }
  CCRSIM_ASSERT(t_us >= 0 && t_us < kUsPerS);  // only milliseconds and below are left
  if (t_us > 0) {
    out += std::to_string(t_us / kUsPerMs);
    const sim_time_us sub_ms = t_us % kUsPerMs;
    if (sub_ms > 0) {
      std::string frac = std::to_string(sub_ms + kUsPerMs).substr(1);  // zero-padded to 3 digits
      CCRSIM_ASSERT(frac.size() == 3);
      while (frac.back() == '0') frac.pop_back();
      out += "." + frac;
    }
    out += "ms";
  }
  return out;
}

}  // namespace ccrsim
