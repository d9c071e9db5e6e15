#pragma once
// The network's configuration from a scenario: one link per ordered domain pair, `network.default` overridden by the
// matching `network.links` entries, and `latency: auto` worked out from the domains' AWS regions.
#include <string>

#include "scenario/scenario.h"
#include "sim/network/network.h"
#include "sim/time.h"

namespace ccrsim {

// `latency: auto`: great-circle distance at two-thirds of the speed of light, times a route factor of 1.5, plus a
// 0.5 ms floor for switching inside a region.
sim_time_us auto_latency_us(const std::string& region_a, const std::string& region_b);

// Endpoints are the scenario's domains in file order, so DomainId is the position in Scenario::domains.
NetworkConfig network_config(const Scenario& scenario);

}  // namespace ccrsim
