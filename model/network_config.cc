#include "model/network_config.h"

#include <cmath>
#include <optional>

#include "scenario/regions.h"

namespace ccrsim {

namespace {

constexpr double kUsPerSecond = 1e6;
constexpr double kFibreSpeedKmPerS = 299792.458 * 2.0 / 3.0;
constexpr double kRouteFactor = 1.5;
constexpr sim_time_us kInRegionLatencyUs = 500;

// network.default, overridden by each matching network.links entry in file order (later entries win).
LinkSpec effective_link_spec(const NetworkSpec& network, const std::string& from, const std::string& to) {
  LinkSpec spec = network.defaults;
  for (const NetworkLinkSpec& entry : network.links) {
    const bool forward = entry.a == from && entry.b == to;
    const bool backward = entry.a == to && entry.b == from;
    if (forward || (!entry.directed && backward)) spec = entry.link;
  }
  return spec;
}

LinkConfig link_config(const LinkSpec& spec, const DomainSpec& from, const DomainSpec& to) {
  LinkConfig link;
  link.latency_us = spec.latency_us ? *spec.latency_us : auto_latency_us(from.region, to.region);
  link.jitter_us = spec.jitter_us;
  link.bandwidth_bytes_per_s = spec.bandwidth_bytes_per_s;
  link.loss = spec.loss;
  return link;
}

}  // namespace

sim_time_us auto_latency_us(const std::string& region_a, const std::string& region_b) {
  const std::optional<Region> a = find_region(region_a);
  const std::optional<Region> b = find_region(region_b);
  // The loader rejects unknown regions; should one slip through, treat it as the same metro rather than guess.
  if (!a || !b) return kInRegionLatencyUs;
  const double seconds = great_circle_km(*a, *b) / kFibreSpeedKmPerS * kRouteFactor;
  return kInRegionLatencyUs + static_cast<sim_time_us>(std::llround(seconds * kUsPerSecond));
}

NetworkConfig network_config(const Scenario& scenario) {
  NetworkConfig config;
  config.seed = scenario.seed;
  for (const DomainSpec& d : scenario.domains) config.endpoints.push_back(d.name);
  for (const DomainSpec& a : scenario.domains) {
    for (const DomainSpec& b : scenario.domains) {
      config.links.push_back(link_config(effective_link_spec(scenario.network, a.name, b.name), a, b));
    }
  }
  return config;
}

}  // namespace ccrsim
