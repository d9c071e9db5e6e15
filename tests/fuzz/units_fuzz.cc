// Fuzzes the unit parsers of docs/scenario-format.md §2 (durations, sizes, bandwidths, rates).
// Invariants: nothing throws; a failure has a message; a value is within its bound and finite; the canonical
// forms used in messages (format_duration, format_size) parse back to the same value.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "sim/units.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using ccrsim::fuzz::check;

template <typename T>
void check_shape(const ccrsim::Parsed<T>& p, std::string_view what, std::string_view text) {
  check(p.value.has_value() != !p.error.empty(),
        std::string(what) + ": value and error disagree for '" + std::string(text) + "'");
  check(!p.out_of_range || !p.value.has_value(), std::string(what) + ": out of range but with a value");
}

void durations(std::string_view text) {
  const auto d = ccrsim::parse_duration(text);
  check_shape(d, "duration", text);
  if (!d) return;
  check(*d.value >= 0 && *d.value <= ccrsim::kMaxScenarioDurationUs, "duration out of bounds: " + std::string(text));
  const std::string canonical = ccrsim::format_duration(*d.value);
  const auto again = ccrsim::parse_duration(canonical);
  check(again.value == d.value,
        "format_duration does not parse back: '" + std::string(text) + "' -> '" + canonical + "'");
}

void sizes(std::string_view text) {
  const auto s = ccrsim::parse_size_bytes(text);
  check_shape(s, "size", text);
  if (!s) return;
  check(*s.value >= 0 && *s.value <= ccrsim::kMaxSizeBytes, "size out of bounds: " + std::string(text));
  const std::string canonical = ccrsim::format_size(*s.value);
  check(ccrsim::parse_size_bytes(canonical).value == s.value,
        "format_size does not parse back: '" + std::string(text) + "' -> '" + canonical + "'");
}

void bandwidths(std::string_view text) {
  const auto b = ccrsim::parse_bandwidth_bytes_per_s(text);
  check_shape(b, "bandwidth", text);
  if (b) check(std::isfinite(*b.value) && *b.value >= 0, "bandwidth not finite or negative: " + std::string(text));
}

void rates(std::string_view text) {
  const auto r = ccrsim::parse_rate_per_s(text, 1e7);
  check_shape(r, "rate", text);
  if (r) check(std::isfinite(*r.value) && *r.value >= 0 && *r.value <= 1e7, "rate out of bounds: " + std::string(text));
  (void)ccrsim::format_number(r ? *r.value : 0.0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    durations(text);
    sizes(text);
    bandwidths(text);
    rates(text);
  } catch (const std::exception& e) {
    ccrsim::fuzz::invariant_broken(std::string("exception escaped a unit parser: ") + e.what());
  }
  return 0;
}
