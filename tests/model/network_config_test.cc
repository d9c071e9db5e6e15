#include "model/network_config.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "sim/simulator.h"

namespace ccrsim {
namespace {

constexpr sim_time_us kLatencyUs = 10 * kUsPerMs;
constexpr double kMegabytePerS = 1e6;

DomainSpec domain(const std::string& name, const std::string& region) {
  DomainSpec d;
  d.name = name;
  d.region = region;
  return d;
}

// leader (0) and follower (1), plus `extra` more domains, on 1 MB/s links with a fixed 10 ms latency.
Scenario scenario(int extra = 0, std::uint64_t seed = 7) {
  Scenario s;
  s.seed = seed;
  s.domains = {domain("leader", "us-east-1"), domain("follower", "eu-west-1")};
  for (int i = 0; i < extra; ++i) s.domains.push_back(domain("other-" + std::to_string(i), "us-west-2"));
  s.network.defaults.latency_us = kLatencyUs;
  s.network.defaults.bandwidth_bytes_per_s = kMegabytePerS;
  return s;
}

TEST_CASE("auto latency follows the great-circle distance") {
  const sim_time_us atlantic_us = auto_latency_us("us-east-1", "eu-west-1");
  CHECK(atlantic_us > 30 * kUsPerMs);
  CHECK(atlantic_us < 60 * kUsPerMs);
  CHECK(auto_latency_us("eu-west-1", "us-east-1") == atlantic_us);
  CHECK(auto_latency_us("us-east-1", "us-east-1") == 500);
  CHECK(auto_latency_us("eu-west-1", "eu-west-2") < 5 * kUsPerMs);
  CHECK(auto_latency_us("us-east-1", "ap-southeast-2") > auto_latency_us("us-east-1", "eu-west-1"));
}

TEST_CASE("link specs: defaults - then matching entries - later ones winning") {
  Scenario s = scenario(1);
  s.network.defaults.latency_us = std::nullopt;  // auto
  NetworkLinkSpec both{"leader", "follower", false, {}, {}};
  both.link.latency_us = 40 * kUsPerMs;
  NetworkLinkSpec one_way{"follower", "leader", true, {}, {}};
  one_way.link.latency_us = 70 * kUsPerMs;
  NetworkLinkSpec later{"other-0", "leader", false, {}, {}};
  later.link.latency_us = 5 * kUsPerMs;
  NetworkLinkSpec latest{"leader", "other-0", false, {}, {}};
  latest.link.latency_us = 6 * kUsPerMs;
  latest.link.bandwidth_bytes_per_s = 123;
  s.network.links = {both, one_way, later, latest};
  Simulator sim;
  Network net(sim, network_config(s));
  const DomainId leader = *net.find_domain("leader");
  const DomainId follower = *net.find_domain("follower");
  const DomainId other = *net.find_domain("other-0");
  CHECK_FALSE(net.find_domain("nope"));
  CHECK(net.domain_count() == 3);
  CHECK(net.base_latency_us(leader, follower) == 40 * kUsPerMs);
  CHECK(net.base_latency_us(follower, leader) == 70 * kUsPerMs);
  CHECK(net.base_latency_us(other, leader) == 6 * kUsPerMs);
  CHECK(net.base_latency_us(leader, other) == 6 * kUsPerMs);
  CHECK(net.link_bandwidth_bytes_per_s(other, leader) == 123);
  CHECK(net.base_latency_us(follower, other) == auto_latency_us("eu-west-1", "us-west-2"));
  CHECK(net.link_bandwidth_bytes_per_s(follower, other) == kMegabytePerS);
}

TEST_CASE("network config: one link per ordered pair - endpoints in file order - the scenario's seed") {
  Scenario s = scenario(1, 42);
  s.network.defaults.jitter_us = 3 * kUsPerMs;
  s.network.defaults.loss = 0.125;
  const NetworkConfig c = network_config(s);
  REQUIRE(c.endpoints == std::vector<std::string>{"leader", "follower", "other-0"});
  REQUIRE(c.links.size() == 9);
  CHECK(c.seed == 42);
  for (const LinkConfig& l : c.links) {
    CHECK(l.latency_us == kLatencyUs);
    CHECK(l.jitter_us == 3 * kUsPerMs);
    CHECK(l.loss == 0.125);
    CHECK(l.bandwidth_bytes_per_s == kMegabytePerS);
  }
}

}  // namespace
}  // namespace ccrsim
