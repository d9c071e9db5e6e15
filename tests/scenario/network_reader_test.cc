#include "scenario/network_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using Catch::Matchers::Contains;
using test::errors_of;
using test::kMinimal;
using test::Lines;
using test::load_ok;

TEST_CASE("network: links start from the default and override only what they write") {
  const Scenario s = load_ok(kMinimal + R"(network:
  default: {latency: 40ms, jitter: 2ms, bandwidth: 1gbit/s, loss: 0.01}
  links:
    - {between: [leader, follower], latency: 80ms}
    - {from: follower, to: leader, loss: 0}
)");
  CHECK(s.network.defaults.latency_us == 40 * kUsPerMs);
  CHECK(s.network.defaults.jitter_us == 2 * kUsPerMs);
  CHECK(s.network.defaults.bandwidth_bytes_per_s == Approx(1e9 / 8));
  CHECK(s.network.defaults.loss == Approx(0.01));
  REQUIRE(s.network.links.size() == 2);
  const NetworkLinkSpec& a = s.network.links[0];
  CHECK(a.a == "leader");
  CHECK(a.b == "follower");
  CHECK_FALSE(a.directed);
  CHECK(a.link.latency_us == 80 * kUsPerMs);
  CHECK(a.link.jitter_us == 2 * kUsPerMs);  // from the default
  const NetworkLinkSpec& b = s.network.links[1];
  CHECK(b.directed);
  CHECK(b.a == "follower");
  CHECK(b.b == "leader");
  CHECK(b.link.loss == 0);
  CHECK(b.link.latency_us == 40 * kUsPerMs);
}

TEST_CASE("network: latency auto leaves it to the regions") {
  const Scenario s = load_ok(kMinimal + "network: {default: {latency: auto}}\n");
  CHECK_FALSE(s.network.defaults.latency_us.has_value());
  const Scenario none = load_ok(kMinimal);
  CHECK_FALSE(none.network.defaults.latency_us.has_value());
  CHECK(none.network.defaults.bandwidth_bytes_per_s == Approx(10e9 / 8));
}

TEST_CASE("network: a latency that is neither auto nor a duration names both forms") {
  const Lines lines = errors_of(kMinimal + "network: {default: {latency: soon}}\n");
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Contains("latency must be 'auto' or a duration like '40ms', got 'soon'"));
}

TEST_CASE("network: loss is a probability below 1") {
  CHECK_THAT(errors_of(kMinimal + "network: {default: {loss: 1}}\n").at(0),
             Contains("loss must be at least 0 and below 1, got '1'"));
  CHECK_THAT(errors_of(kMinimal + "network: {default: {loss: -0.1}}\n").at(0), Contains("loss must be at least 0"));
  CHECK(load_ok(kMinimal + "network: {default: {loss: 0.999}}\n").network.defaults.loss == Approx(0.999));
}

TEST_CASE("network: a link is between two different domains - written one way only") {
  const Lines lines = errors_of(kMinimal + R"(network:
  links:
    - {between: [leader, follower], from: leader}
    - {from: leader, to: leader}
    - {latency: 1ms}
)");
  REQUIRE(lines.size() == 3);
  CHECK_THAT(lines[0], Contains("s.yaml:5:") && Contains("a link uses either 'between' or 'from'/'to', not both"));
  CHECK_THAT(lines[1], Contains("s.yaml:6:") && Contains("a link needs two different domains, got 'leader' twice"));
  CHECK_THAT(lines[2], Contains("s.yaml:7:") && Contains("a link needs 'between: [a, b]' or both 'from' and 'to'"));
}

TEST_CASE("network: between is unordered - from/to is directed - for duplicates") {
  // [a, b] and [b, a] are the same undirected link.
  const Lines lines = errors_of(kMinimal + R"(network:
  links:
    - {between: [leader, follower]}
    - {between: [follower, leader]}
)");
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0],
             Contains("s.yaml:6:") && Contains("duplicate link between 'follower' and 'leader' (first at line 5)"));
  // Each direction may be set once, and beside an undirected link.
  const Scenario s = load_ok(kMinimal + R"(network:
  links:
    - {between: [leader, follower]}
    - {from: leader, to: follower}
    - {from: follower, to: leader}
)");
  CHECK(s.network.links.size() == 3);
  CHECK_THAT(errors_of(kMinimal + R"(network:
  links:
    - {from: leader, to: follower}
    - {from: leader, to: follower}
)")
                 .at(0),
             Contains("duplicate link between 'leader' and 'follower'"));
}

}  // namespace
}  // namespace ccrsim
