#include "reports/number_format.h"

#include <cmath>
#include <cstdio>

namespace ccrsim {

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "0.0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (s.find('.') == std::string::npos) s += ".0";
  while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  if (s == "-0.0") s = "0.0";
  return s;
}

std::string format_seconds(std::int64_t t_us) {
  return format_fixed(static_cast<double>(t_us) / 1e6, 3);
}

double round_to(double value, int decimals) {
  if (!std::isfinite(value)) return 0.0;
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(value * scale) / scale;
  return r == 0.0 ? 0.0 : r;
}

}  // namespace ccrsim
