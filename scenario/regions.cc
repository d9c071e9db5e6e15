#include "scenario/regions.h"

#include <algorithm>
#include <cmath>

namespace ccrsim {

const std::vector<Region>& aws_regions() {
  // Approximate coordinates of each region's metro area (public AWS region locations).
  static const std::vector<Region> regions = {
      {"us-east-1", 38.9, -77.4},       {"us-east-2", 40.0, -83.0},      {"us-west-1", 37.4, -121.9},
      {"us-west-2", 45.8, -119.7},      {"ca-central-1", 45.5, -73.6},   {"ca-west-1", 51.0, -114.1},
      {"sa-east-1", -23.5, -46.6},      {"mx-central-1", 20.6, -100.4},  {"eu-west-1", 53.3, -6.3},
      {"eu-west-2", 51.5, -0.1},        {"eu-west-3", 48.9, 2.4},        {"eu-central-1", 50.1, 8.7},
      {"eu-central-2", 47.4, 8.5},      {"eu-north-1", 59.3, 18.1},      {"eu-south-1", 45.5, 9.2},
      {"eu-south-2", 41.7, -0.9},       {"il-central-1", 32.1, 34.8},    {"me-south-1", 26.1, 50.6},
      {"me-central-1", 24.5, 54.4},     {"af-south-1", -33.9, 18.4},     {"ap-east-1", 22.3, 114.2},
      {"ap-south-1", 19.1, 72.9},       {"ap-south-2", 17.4, 78.5},      {"ap-northeast-1", 35.7, 139.7},
      {"ap-northeast-2", 37.6, 127.0},  {"ap-northeast-3", 34.7, 135.5}, {"ap-southeast-1", 1.35, 103.8},
      {"ap-southeast-2", -33.9, 151.2}, {"ap-southeast-3", -6.2, 106.8}, {"ap-southeast-4", -37.8, 145.0},
      {"ap-southeast-5", 3.1, 101.7},   {"ap-southeast-7", 13.8, 100.5}, {"us-gov-west-1", 45.6, -121.2},
      {"us-gov-east-1", 40.0, -83.0},   {"cn-north-1", 39.9, 116.4},     {"cn-northwest-1", 37.5, 105.2},
  };
  return regions;
}

std::optional<Region> find_region(std::string_view code) {
  for (const Region& r : aws_regions()) {
    if (r.code == code) return r;
  }
  return std::nullopt;
}

double great_circle_km(const Region& a, const Region& b) {
  constexpr double kPi = 3.14159265358979323846;
  constexpr double kEarthRadiusKm = 6371.0;
  const double to_rad = kPi / 180.0;
  const double dlat = (b.latitude_deg - a.latitude_deg) * to_rad;
  const double dlon = (b.longitude_deg - a.longitude_deg) * to_rad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.latitude_deg * to_rad) *
                                                                 std::cos(b.latitude_deg * to_rad) *
                                                                 std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace ccrsim
