#include "scenario/connections_reader.h"

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

TEST_CASE("connections: alias - from (the follower) - to (the leader) - mode and search_only") {
  const Scenario s = load_ok(kMinimal + R"(connections:
  - {alias: to-leader, from: follower, to: leader}
  - {alias: vpc_1, from: leader, to: follower, mode: VPC_ENDPOINT, search_only: true}
)");
  REQUIRE(s.connections.size() == 2);
  CHECK(s.connections[0].alias == "to-leader");
  CHECK(s.connections[0].from == "follower");
  CHECK(s.connections[0].to == "leader");
  CHECK(s.connections[0].mode == ConnectionMode::kDirect);  // the default
  CHECK_FALSE(s.connections[0].search_only);
  CHECK(s.connections[1].mode == ConnectionMode::kVpcEndpoint);
  CHECK(s.connections[1].search_only);
  CHECK(s.connections[0].pos.line == 4);
}

TEST_CASE("connections: the same alias on two different local domains is allowed") {
  const Scenario s = load_ok(kMinimal + R"(connections:
  - {alias: peer, from: follower, to: leader}
  - {alias: peer, from: leader, to: follower}
)");
  CHECK(s.connections.size() == 2);
}

TEST_CASE("connections: a duplicate alias on one domain points at the first") {
  CHECK(errors_of(kMinimal + R"(connections:
  - {alias: peer, from: follower, to: leader}
  - {alias: peer, from: follower, to: leader}
)") == Lines{"s.yaml:5:13: error: duplicate connection alias 'peer' on domain 'follower' (first at line 4)"});
}

TEST_CASE("connections: alias rules - two different domains and a known mode") {
  const Lines lines = errors_of(kMinimal + R"(connections:
  - {alias: 1bad, from: follower, to: leader}
  - {alias: x, from: follower, to: leader}
  - {alias: same, from: leader, to: leader}
  - {alias: m-1, from: follower, to: leader, mode: PRIVATE}
)");
  REQUIRE(lines.size() == 4);
  CHECK_THAT(lines[0], Contains("s.yaml:4:") && Contains("connection alias '1bad' must be 2-100 characters"));
  CHECK_THAT(lines[1], Contains("s.yaml:5:") && Contains("connection alias 'x' must be"));
  CHECK_THAT(lines[2],
             Contains("s.yaml:6:") && Contains("a connection needs two different domains, got 'leader' twice"));
  CHECK_THAT(lines[3], Contains("s.yaml:7:") && Contains("mode must be DIRECT or VPC_ENDPOINT, got 'PRIVATE'"));
}

TEST_CASE("connections: alias - from and to are required - domains must exist") {
  const Lines lines = errors_of(kMinimal + R"(connections:
  - {from: follower, to: leader}
  - {alias: ok-alias, from: follower, to: nowhere}
)");
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Contains("alias") && Contains("connections[0]"));
  CHECK_THAT(lines[1], Contains("'nowhere'"));
}

TEST_CASE("connection_delays: defaults in minutes - each stage settable - 0s makes it instant") {
  const Scenario defaults = load_ok(kMinimal);
  CHECK(defaults.connection_delays.validating_us == 60 * kUsPerS);
  CHECK(defaults.connection_delays.provisioning_us == 120 * kUsPerS);
  const Scenario s = load_ok(kMinimal + "connection_delays: {validating: 0s, provisioning: 2m, deleting: 1500ms}\n");
  CHECK(s.connection_delays.validating_us == 0);
  CHECK(s.connection_delays.provisioning_us == 2 * kUsPerMin);
  CHECK(s.connection_delays.deleting_us == 1500 * kUsPerMs);
  CHECK(s.connection_delays.approved_us == 30 * kUsPerS);  // untouched
}

TEST_CASE("connection_delays: unknown stages are refused with the known ones listed") {
  const Lines lines = errors_of(kMinimal + "connection_delays: {accepting: 1s}\n");
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Contains("unknown key 'accepting' in connection_delays") &&
                           Contains("validating, approved, provisioning, rejecting, deleting"));
}

}  // namespace
}  // namespace ccrsim
