#pragma once
// The bucket layout of DeliveryHistogram: [0, 1 ms) in 10 us buckets (100 of them), then geometric buckets 1 %
// wide. A duration's bucket is defined by delivery_bucket_formula (its results are what reports and goldens hold);
// delivery_bucket_of gives exactly the same bucket for every duration without calling log (see the .cc). Both
// lookups are inline because the histogram calls them about six times per replayed batch.
#include <bit>
#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace ccrsim {

inline constexpr int kDeliveryLinearBuckets = 100;

// The definition: v < 1 ms -> int(v / 10); else 100 + int(log(v / 1000) / log(1.01)). Negative durations count as 0.
int delivery_bucket_formula(sim_time_us v_us);

namespace delivery_buckets_detail {
inline constexpr sim_time_us kGeometricStartUs = 1000;
// Below 2^53 every integer duration is exact as a double; beyond (285 years) the formula is used as it is.
inline constexpr sim_time_us kTabulatedLimitUs = sim_time_us{1} << 53;
// A duration's cell is its binary exponent and the next kCellBits bits: a cell spans a ratio of at most
// 1 + 2^-kCellBits < 1.02, so at most three buckets.
inline constexpr int kCellBits = 6;
inline constexpr int kTabulatedEdges = 4000;  // 4000 bucket edges reach past 2^63 us

struct Tables {
  // first_us[k]: the smallest integer duration whose formula bucket is at least kDeliveryLinearBuckets + k; then
  // kTabulatedLimitUs as a sentinel.
  std::vector<sim_time_us> first_us;
  // cell_start[cell]: the k of the cell's smallest duration at or above 1 ms.
  std::vector<std::uint16_t> cell_start;
  // edges[b]: lower edge of bucket b, exactly as 1000 * pow(1.01, b - 100) (or b * 10) gives it.
  std::vector<double> edges;
};
extern const Tables kTables;

double bucket_lo_untabulated(int b);
}  // namespace delivery_buckets_detail

// The same function as delivery_bucket_formula, from the table of each bucket's smallest duration.
inline int delivery_bucket_of(sim_time_us v_us) {
  using namespace delivery_buckets_detail;
  if (v_us < kGeometricStartUs || v_us >= kTabulatedLimitUs) return delivery_bucket_formula(v_us);
  const int e = std::bit_width(static_cast<std::uint64_t>(v_us)) - 1;
  const auto m = static_cast<std::size_t>(v_us >> (e - kCellBits)) & ((std::size_t{1} << kCellBits) - 1);
  std::size_t k = kTables.cell_start[(static_cast<std::size_t>(e) << kCellBits) | m];
  while (kTables.first_us[k + 1] <= v_us) ++k;
  return kDeliveryLinearBuckets + static_cast<int>(k);
}

// Lower edge of bucket b in microseconds (the upper edge is delivery_bucket_lo(b + 1)).
inline double delivery_bucket_lo(int b) {
  using namespace delivery_buckets_detail;
  if (b >= 0 && b < kTabulatedEdges) return kTables.edges[static_cast<std::size_t>(b)];
  return bucket_lo_untabulated(b);
}

}  // namespace ccrsim
