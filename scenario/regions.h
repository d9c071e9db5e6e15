#pragma once
// AWS region codes and the coordinates of their main data-centre metro, for `latency: auto`.
#include <optional>
#include <string_view>
#include <vector>

namespace ccrsim {

struct Region {
  std::string_view code;
  double latitude_deg;
  double longitude_deg;
};

const std::vector<Region>& aws_regions();
std::optional<Region> find_region(std::string_view code);
// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
double great_circle_km(const Region& a, const Region& b);

}  // namespace ccrsim
