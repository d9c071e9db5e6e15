#include "scenario/checks_reader.h"

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

TEST_CASE("checks: a time metric's limit is a duration kept in seconds - a count metric's a number") {
  const Scenario s = load_ok(kMinimal + R"(checks:
  - {metric: lag_time_p99, max: 1500ms}
  - {name: replicated, metric: ops_replicated, min: 1000, replication: follower/logs}
  - {metric: lag_ops_max, eq: 0}
)");
  REQUIRE(s.checks.size() == 3);
  CHECK(s.checks[0].name == "lag_time_p99");  // the name defaults to the metric
  CHECK(s.checks[0].limit_is_time);
  CHECK(s.checks[0].bound == CheckBound::kMax);
  CHECK(s.checks[0].limit == Approx(1.5));
  CHECK(s.checks[1].name == "replicated");
  CHECK_FALSE(s.checks[1].limit_is_time);
  CHECK(s.checks[1].bound == CheckBound::kMin);
  CHECK(s.checks[1].limit == 1000);
  CHECK(s.checks[1].replication == std::optional<std::string>("follower/logs"));
  CHECK_FALSE(s.checks[1].fault.has_value());
  CHECK(s.checks[2].bound == CheckBound::kEq);
  CHECK(s.checks[2].pos.line == 6);
}

TEST_CASE("checks: exactly one of max - min or eq") {
  const Lines none = errors_of(kMinimal + "checks:\n  - {metric: rto}\n");
  REQUIRE(none.size() == 1);
  CHECK_THAT(none[0], Contains("s.yaml:4:") && Contains("a check needs one of max, min or eq"));
  const Lines two = errors_of(kMinimal + "checks:\n  - {metric: rto, max: 1s, eq: 2s}\n");
  REQUIRE(two.size() == 1);
  CHECK_THAT(two[0], Contains("a check has exactly one of max, min or eq, got 'max' and 'eq'"));
}

TEST_CASE("checks: an unknown metric lists the metrics and says nothing of its limit") {
  const Lines lines = errors_of(kMinimal + "checks:\n  - {metric: lag_p99, max: fast}\n");
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Contains("unknown metric 'lag_p99' (metrics are: ") && Contains("lag_time_p99"));
}

TEST_CASE("checks: a count limit must not be negative - a time limit must be a duration") {
  CHECK_THAT(errors_of(kMinimal + "checks:\n  - {metric: ops_replicated, min: -1}\n").at(0),
             Contains("min must not be negative, got '-1'"));
  const Lines time = errors_of(kMinimal + "checks:\n  - {metric: rto, max: 5}\n");
  REQUIRE(time.size() == 1);
  CHECK_THAT(time[0], Contains("s.yaml:4:"));
}

TEST_CASE("checks: the replication is follower-domain/follower-index of a declared domain") {
  for (const std::string bad : {"follower", "/logs", "follower/"}) {
    INFO(bad);
    std::string message = "replication must look like 'follower-domain/follower-index', got '";
    message += bad;
    message += "'";
    CHECK_THAT(errors_of(kMinimal + "checks:\n  - {metric: rto, max: 1s, replication: '" + bad + "'}\n").at(0),
               Contains(message));
  }
  CHECK_THAT(errors_of(kMinimal + "checks:\n  - {metric: rto, max: 1s, replication: other/logs}\n").at(0),
             Contains("unknown domain 'other' (domains are: leader, follower)"));
}

TEST_CASE("checks: a fault must be one of the scenario's faults") {
  CHECK_THAT(errors_of(kMinimal + "checks:\n  - {metric: recovery_time, max: 1m, fault: cut}\n").at(0),
             Contains("unknown fault 'cut' (there are no faults)"));
}

TEST_CASE("checks: unknown keys and a missing metric") {
  const Lines lines = errors_of(kMinimal + "checks:\n  - {max: 1s, limit: 2}\n");
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0] + lines[1], Contains("unknown key 'limit' in checks[0]") && Contains("metric"));
}

}  // namespace
}  // namespace ccrsim
