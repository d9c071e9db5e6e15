#include "model/rest/byte_size.h"

#include <array>
#include <charconv>

namespace ccrsim {

namespace {

constexpr std::array<const char*, 6> kUnits = {"b", "kb", "mb", "gb", "tb", "pb"};

// Strings.format1Decimals over Double.toString: keep the first fractional digit unless it is 0 (truncation).
std::string format_one_decimal(double value, const char* suffix) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  (void)ec;
  const std::string p(buf, end);
  const std::size_t dot = p.find('.');
  if (dot == std::string::npos || dot + 1 >= p.size() || p[dot + 1] == '0') return p.substr(0, dot) + suffix;
  return p.substr(0, dot + 2) + suffix;
}

}  // namespace

std::string human_bytes(std::int64_t bytes) {
  std::size_t unit = 0;
  double value = static_cast<double>(bytes);
  while (unit + 1 < kUnits.size() && bytes >= (std::int64_t{1} << (10 * (unit + 1)))) ++unit;
  value /= static_cast<double>(std::int64_t{1} << (10 * unit));
  return format_one_decimal(value, kUnits[unit]);
}

bool bytes_in_unit(std::int64_t bytes, const std::string& unit, std::string& out) {
  for (std::size_t i = 0; i < kUnits.size(); ++i) {
    if (unit != kUnits[i]) continue;
    out = std::to_string(bytes >> (10 * i));
    return true;
  }
  return false;
}

}  // namespace ccrsim
