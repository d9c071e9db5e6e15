#include "scenario/faults_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::Lines;
using test::load_ok;

TEST_CASE("faults: default names - node_down within the domain - random entries") {
  const Scenario s = load_ok(R"(name: t
duration: 1h
domains: {leader: {instance_count: 3}, follower: {}}
faults:
  - {at: 1m, duration: 1m, link_down: [leader, follower]}
  - {name: half, at: 2m, node_down: {domain: leader, count: 2}}
  - {at: 3m, latency: {between: [leader, follower], add: 50ms}}
  - {random: {kinds: [domain_down], targets: [follower], mtbf: 10m, mttr: 1m}}
)");
  REQUIRE(s.faults.size() == 4);
  CHECK(s.faults[0].name == "link_down-1");
  CHECK(s.faults[0].a == "leader");
  CHECK(s.faults[0].b == "follower");
  CHECK(s.faults[1].name == "half");
  CHECK(s.faults[1].node_count == 2);
  CHECK(s.faults[2].name == "latency-3");
  CHECK(s.faults[2].add_latency_us == 50 * kUsPerMs);
  CHECK(s.faults[3].name == "random-4");
  REQUIRE(s.faults[3].random.has_value());
  CHECK(s.faults[3].random->mtbf_us == 10 * kUsPerMin);

  CHECK(errors_of(R"(name: t
duration: 1h
domains: {leader: {instance_count: 3}}
faults:
  - {name: n, at: 2m, node_down: {domain: leader, count: 4}}
  - {name: n, at: 2m, domain_down: leader}
)") == Lines{"s.yaml:5:58: error: count must be at most the instance_count of domain 'leader' (3), got 4",
             "s.yaml:6:12: error: duplicate fault name 'n' (first at line 5)"});
}

}  // namespace
}  // namespace ccrsim
