#include "scenario/workload_reader.h"

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

TEST_CASE("workload: a writer's domain - index - rate and its defaults") {
  const Scenario s = load_ok(kMinimal + R"(workload:
  - {domain: leader, index: logs, rate: 250/s}
  - {domain: leader, index: metrics, rate: 10/s, doc_size: 2kb, from: 1m, until: 5m, arrival: poisson}
)");
  REQUIRE(s.workload.size() == 2);
  const WorkloadSpec& a = s.workload[0];
  CHECK(a.domain == "leader");
  CHECK(a.index == "logs");
  CHECK(a.rate_per_s == Approx(250));
  CHECK(a.doc_size_bytes == 1024);
  CHECK(a.from_us == 0);
  CHECK_FALSE(a.until_us.has_value());
  CHECK(a.arrival == Arrival::kUniform);
  CHECK_FALSE(a.rollover.has_value());
  const WorkloadSpec& b = s.workload[1];
  CHECK(b.doc_size_bytes == 2048);
  CHECK(b.from_us == kUsPerMin);
  CHECK(b.until_us == 5 * kUsPerMin);
  CHECK(b.arrival == Arrival::kPoisson);
}

TEST_CASE("workload: domain - index and rate are required") {
  const Lines lines = errors_of(kMinimal + "workload:\n  - {doc_size: 1kb}\n");
  REQUIRE(lines.size() == 3);
  CHECK_THAT(lines[0] + lines[1] + lines[2], Contains("domain") && Contains("index") && Contains("rate"));
}

TEST_CASE("workload: until must come after from - arrival is uniform or poisson") {
  const Lines lines = errors_of(
      kMinimal + "workload:\n  - {domain: leader, index: a, rate: 1/s, from: 2m, until: 2m, arrival: burst}\n");
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Contains("until (") && Contains(") must be after from ("));
  CHECK_THAT(lines[1], Contains("arrival must be uniform or poisson, got 'burst'"));
}

TEST_CASE("workload: the index must be a valid index name and the domain declared") {
  const Lines lines = errors_of(kMinimal + "workload:\n  - {domain: nowhere, index: Logs, rate: 1/s}\n");
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Contains("'nowhere'"));
  CHECK_THAT(lines[1], Contains("Logs"));
}

TEST_CASE("workload: a rollover needs whole seconds and a name with {n} that makes valid index names") {
  const Scenario s = load_ok(kMinimal +
                             "duration: 1d\nworkload:\n  - {domain: leader, index: logs, rate: 1/s, "
                             "rollover: {every: 10m, name: 'logs-{n}'}}\n");
  REQUIRE(s.workload.at(0).rollover.has_value());
  CHECK(s.workload[0].rollover->every_us == 10 * kUsPerMin);
  CHECK(s.workload[0].rollover->name_pattern == "logs-{n}");

  const Lines lines = errors_of(kMinimal + R"(workload:
  - {domain: leader, index: a, rate: 1/s, rollover: {every: 1500ms, name: 'a-{n}'}}
  - {domain: leader, index: b, rate: 1/s, rollover: {every: 1m, name: 'b-1'}}
  - {domain: leader, index: c, rate: 1/s, rollover: {every: 1m, name: '_c-{n}'}}
)");
  REQUIRE(lines.size() == 3);
  CHECK_THAT(lines[0], Contains("rollover every must be a whole number of seconds, at least 1s, got '1500ms'"));
  CHECK_THAT(lines[1], Contains("rollover name must contain '{n}', got 'b-1'"));
  CHECK_THAT(lines[2], Contains("rollover name '_c-{n}' gives index names that"));
}

TEST_CASE("workload: a rollover may create at most 10000 indices over the writer's span") {
  // 10 000 one-second periods fit exactly; one more second does not.
  load_ok(kMinimal +
          "duration: 10000s\nworkload:\n  - {domain: leader, index: a, rate: 1/s, rollover: {every: 1s, "
          "name: 'a-{n}'}}\n");
  const Lines lines = errors_of(kMinimal +
                                "duration: 10001s\nworkload:\n  - {domain: leader, index: a, rate: 1/s, "
                                "rollover: {every: 1s, name: 'a-{n}'}}\n");
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Contains("rollover would create 10001 indices") && Contains("at most 10000 per workload entry"));
  // Unbounded, the writer runs as long as the longest run allowed (365 days).
  CHECK_THAT(errors_of(kMinimal + "workload:\n  - {domain: leader, index: a, rate: 1/s, rollover: {every: 10m, name: "
                                  "'a-{n}'}}\n")
                 .at(0),
             Contains("rollover would create 52560 indices (every 10m from 0s to 365d)"));
  // The writer's own until bounds it even when the run is long.
  load_ok(kMinimal +
          "duration: 100000s\nworkload:\n  - {domain: leader, index: a, rate: 1/s, until: 5000s, rollover: "
          "{every: 1s, name: 'a-{n}'}}\n");
}

}  // namespace
}  // namespace ccrsim
