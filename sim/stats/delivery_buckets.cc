// Why tables: DeliveryHistogram takes a range per replayed batch and needs the bucket of both ends; two `log` calls
// per range were about 8 % of a whole run, and a `pow` per edge touched more before that. The formula is a
// non-decreasing function of the integer duration, so it is fully described by the smallest duration of each
// geometric bucket. Those thresholds are found once, with the formula itself, so the lookup (the duration's cell,
// then a step or two along the thresholds) returns exactly the formula's bucket, rounding at the edges included.
#include "sim/stats/delivery_buckets.h"

#include <algorithm>
#include <cmath>

namespace ccrsim {

namespace delivery_buckets_detail {
namespace {
constexpr double kLinearWidthUs = 10.0;
constexpr double kRatio = 1.01;
const double kLogRatio = std::log(kRatio);
constexpr int kExponentLimit = 53;

std::vector<double> build_edges() {
  std::vector<double> edges(static_cast<std::size_t>(kTabulatedEdges));
  for (int b = 0; b < kTabulatedEdges; ++b) edges[static_cast<std::size_t>(b)] = bucket_lo_untabulated(b);
  return edges;
}

std::vector<sim_time_us> build_thresholds(const std::vector<double>& edges) {
  std::vector<sim_time_us> t{kGeometricStartUs};
  const int last = delivery_bucket_formula(kTabulatedLimitUs - 1);
  for (int b = kDeliveryLinearBuckets + 1; b <= last; ++b) {
    // The exact edge is within rounding of the tabulated one; walk to the first integer the formula puts in bucket
    // b or above (the formula is monotone in the duration, so that is the threshold).
    auto c = static_cast<sim_time_us>(std::ceil(edges[static_cast<std::size_t>(b)]));
    c = std::max(c, t.back());
    while (delivery_bucket_formula(c) < b) ++c;
    while (c > t.back() && delivery_bucket_formula(c - 1) >= b) --c;
    t.push_back(c);
  }
  t.push_back(kTabulatedLimitUs);  // sentinel: the lookup's walk stops here without a bounds check
  return t;
}

std::vector<std::uint16_t> build_cell_starts(const std::vector<sim_time_us>& t) {
  std::vector<std::uint16_t> starts(std::size_t{kExponentLimit} << kCellBits, 0);
  for (int e = kCellBits; e < kExponentLimit; ++e) {
    for (sim_time_us m = 0; m < (sim_time_us{1} << kCellBits); ++m) {
      const sim_time_us low = std::max((sim_time_us{1} << e) + (m << (e - kCellBits)), kGeometricStartUs);
      const auto k = std::upper_bound(t.begin(), t.end(), low) - t.begin() - 1;
      starts[(static_cast<std::size_t>(e) << kCellBits) | static_cast<std::size_t>(m)] = static_cast<std::uint16_t>(k);
    }
  }
  return starts;
}

Tables build_tables() {
  Tables tables;
  tables.edges = build_edges();
  tables.first_us = build_thresholds(tables.edges);
  tables.cell_start = build_cell_starts(tables.first_us);
  return tables;
}
}  // namespace

double bucket_lo_untabulated(int b) {
  if (b < kDeliveryLinearBuckets) return b * kLinearWidthUs;
  return static_cast<double>(kGeometricStartUs) * std::pow(kRatio, b - kDeliveryLinearBuckets);
}

// Built at start-up (a few thousand log and pow calls) rather than on first use, so the lookups need no guard.
// Nothing histograms durations during static initialisation.
const Tables kTables = build_tables();
}  // namespace delivery_buckets_detail

int delivery_bucket_formula(sim_time_us v_us) {
  using namespace delivery_buckets_detail;
  const double v = static_cast<double>(std::max<sim_time_us>(v_us, 0));
  if (v < static_cast<double>(kGeometricStartUs)) return static_cast<int>(v / kLinearWidthUs);
  return kDeliveryLinearBuckets + static_cast<int>(std::log(v / static_cast<double>(kGeometricStartUs)) / kLogRatio);
}

}  // namespace ccrsim
