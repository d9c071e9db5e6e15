#include "app/autofollow_results.h"

#include <catch2/catch.hpp>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

TEST_CASE("autofollow_results gives per index the delay from leader creation to SYNCING", "[autofollow]") {
  testing::ReplicationFixture f;
  AutofollowService rules(f.service());
  f.leader_index("logs-1", 1);
  AutofollowRule rule;
  rule.follower = testing::ReplicationFixture::kFollower;
  rule.leader_alias = "source";
  rule.name = "logs";
  rule.pattern = "logs-*";
  std::optional<RestResponse> answer;
  rules.create(rule, [&answer](RestResponse r) { answer = std::move(r); });
  f.run_until(20 * kUsPerS);
  REQUIRE(answer);
  REQUIRE(answer->status == 200);
  f.leader().create_index("logs-2", 1, 1, f.sim().now());
  const sim_time_us created_us = f.sim().now();
  f.leader().create_index(".hidden-ish", 1, 1, f.sim().now());  // matches no pattern: never listed
  f.run_until(f.sim().now() + 40 * kUsPerS);

  const std::vector<AutofollowRuleResult> results = autofollow_results(rules, f.service());
  REQUIRE(results.size() == 1);
  const AutofollowRuleResult& r = results[0];
  CHECK(r.name == "logs");
  CHECK(r.follower_domain == "follower-domain");
  CHECK(r.successes == 2);
  CHECK(r.failures == 0);
  CHECK_FALSE(r.deleted_us);
  CHECK(r.polls >= 2);
  REQUIRE(r.started.size() == 2);
  CHECK(r.started[0].leader_index == "logs-1");
  CHECK(r.started[0].leader_created_us == 0);
  const AutofollowIndexResult& second = r.started[1];
  CHECK(second.leader_index == "logs-2");
  CHECK(second.leader_created_us == created_us);
  REQUIRE(second.syncing_us);
  CHECK(*second.syncing_us > second.started_us);
  CHECK(second.started_us > created_us);
  // Found at the next poll: within one fetch_poll_interval plus the round trips.
  CHECK(*second.syncing_us - created_us <= 31 * kUsPerS);
  CHECK(*second.syncing_us ==
        f.service().active_entry(testing::ReplicationFixture::kFollower, "logs-2")->bootstrap_end_us);
}

}  // namespace
}  // namespace ccrsim
