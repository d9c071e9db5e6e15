#include "scenario/random_faults_reader.h"

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

const std::string kHour = kMinimal + "duration: 1h\n";

TEST_CASE("random faults: kinds - targets - mean times and a window defaulting to the run") {
  const Scenario s = load_ok(kHour + R"(faults:
  - random: {kinds: [link_down, node_down], targets: [leader, follower], mtbf: 10m, mttr: 30s, from: 5m}
)");
  REQUIRE(s.faults.size() == 1);
  REQUIRE(s.faults[0].random.has_value());
  const RandomFaultSpec& r = *s.faults[0].random;
  CHECK(r.kinds == std::vector<FaultKind>{FaultKind::kLinkDown, FaultKind::kNodeDown});
  CHECK(r.targets == std::vector<std::string>{"leader", "follower"});
  CHECK(r.mtbf_us == 10 * kUsPerMin);
  CHECK(r.mttr_us == 30 * kUsPerS);
  CHECK(r.from_us == 5 * kUsPerMin);
  CHECK_FALSE(r.until_us.has_value());
  CHECK(s.faults[0].name == "random-1");
}

TEST_CASE("random faults: domain_lost is permanent and cannot be random - unknown kinds are listed") {
  const Lines lines = errors_of(kHour + R"(faults:
  - random: {kinds: [domain_lost, meteor], targets: [leader], mtbf: 10m, mttr: 1m}
)");
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Contains("domain_lost cannot be random (it is permanent); write it as its own fault"));
  CHECK_THAT(lines[1], Contains("unknown fault kind 'meteor' (random kinds are: link_down, domain_down, latency, "
                                "bandwidth, node_down)"));
}

TEST_CASE("random faults: a link kind needs two targets - a domain kind one") {
  CHECK_THAT(
      errors_of(kHour + "faults:\n  - random: {kinds: [latency], targets: [leader], mtbf: 10m, mttr: 1m}\n").at(0),
      Contains("link fault kinds need at least two targets (a link joins two domains)"));
  const Scenario s =
      load_ok(kHour + "faults:\n  - random: {kinds: [domain_down], targets: [leader], mtbf: 10m, mttr: 1m}\n");
  CHECK(s.faults.at(0).random->targets.size() == 1);
}

TEST_CASE("random faults: empty lists and a duplicate target") {
  const Lines lines = errors_of(kHour + "faults:\n  - random: {kinds: [], targets: [], mtbf: 10m, mttr: 1m}\n");
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Contains("kinds must name at least one fault kind"));
  CHECK_THAT(lines[1], Contains("targets must name at least one domain"));
  CHECK_THAT(errors_of(kHour + "faults:\n  - random: {kinds: [node_down], targets: [leader, leader], mtbf: 10m, "
                               "mttr: 1m}\n")
                 .at(0),
             Contains("duplicate target 'leader'"));
}

TEST_CASE("random faults: mtbf at least 1m - mttr at least 1s") {
  const Lines lines =
      errors_of(kHour + "faults:\n  - random: {kinds: [node_down], targets: [leader], mtbf: 59s, mttr: 999ms}\n");
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Contains("mtbf must be at least 1m"));
  CHECK_THAT(lines[1], Contains("mttr must be at least 1s"));
  load_ok(kHour + "faults:\n  - random: {kinds: [node_down], targets: [leader], mtbf: 1m, mttr: 1s}\n");
}

TEST_CASE("random faults: the window needs an end after its start") {
  CHECK_THAT(
      errors_of(kMinimal + "faults:\n  - random: {kinds: [node_down], targets: [leader], mtbf: 1m, mttr: 1s}\n").at(0),
      Contains("until is required in faults[0].random when the scenario has no duration"));
  CHECK_THAT(errors_of(kHour + "faults:\n  - random: {kinds: [node_down], targets: [leader], mtbf: 1m, mttr: 1s, "
                               "from: 10m, until: 10m}\n")
                 .at(0),
             Contains("until must be after from"));
  const Scenario s = load_ok(kMinimal +
                             "faults:\n  - random: {kinds: [node_down], targets: [leader], mtbf: 1m, "
                             "mttr: 1s, until: 2h}\n");
  CHECK(s.faults.at(0).random->until_us == 2 * kUsPerH);
}

TEST_CASE("random faults: at most 1000 faults expected in the window") {
  // 1000 minutes over a 1-minute mtbf is exactly 1000: allowed; one minute more is not.
  load_ok(kMinimal +
          "faults:\n  - random: {kinds: [node_down], targets: [leader], mtbf: 1m, mttr: 1s, until: "
          "1000m}\n");
  CHECK_THAT(errors_of(kMinimal + "faults:\n  - random: {kinds: [node_down], targets: [leader], mtbf: 1m, mttr: 1s, "
                                  "until: 1001m}\n")
                 .at(0),
             Contains("mtbf is too short for this window: more than 1000 faults expected"));
}

}  // namespace
}  // namespace ccrsim
