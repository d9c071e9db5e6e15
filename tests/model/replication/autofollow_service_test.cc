#include "model/replication/autofollow_service.h"

#include <catch2/catch.hpp>

#include "model/rest/core_apis.h"
#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;
using testing::ReplicationFixtureOptions;

// The replication fixture plus the auto-follow rules, with one router serving the core, replication and auto-follow
// APIs.
class AutofollowFixture {
 public:
  explicit AutofollowFixture(const ReplicationFixtureOptions& options = {}) : f(options), rules(f.service()) {
    register_core_apis(router);
    register_replication_api(router, f.service());
    register_autofollow_api(router, rules);
  }

  RestResponse call(const std::string& line, std::optional<json> body = std::nullopt,
                    DomainId on = ReplicationFixture::kFollower) {
    RestRequest request;
    std::string error;
    if (!parse_request_line(line, request, error)) return opensearch_error(400, "test", error);
    request.body = std::move(body);
    std::optional<RestResponse> answer;
    router.dispatch(f.world(), on, request, [&answer](RestResponse r) { answer = std::move(r); });
    const sim_time_us deadline = f.sim().now() + 5 * kUsPerMin;
    while (!answer && f.sim().step(deadline)) {
    }
    return answer ? *answer : opensearch_error(599, "test", "no answer");
  }
  RestResponse add_rule(const std::string& name, const std::string& pattern, json extra = json::object()) {
    json body = {{"leader_alias", "source"}, {"name", name}, {"pattern", pattern}};
    for (const auto& [k, v] : extra.items()) body[k] = v;
    return call("POST _plugins/_replication/_autofollow", body);
  }
  RestResponse delete_rule(const std::string& name) {
    return call("DELETE _plugins/_replication/_autofollow", json{{"leader_alias", "source"}, {"name", name}});
  }
  json stats() { return call("GET _plugins/_replication/autofollow_stats").body; }
  std::string status(const std::string& index) { return f.status(index)["status"].get<std::string>(); }
  void put_setting(const std::string& key, json value) {
    REQUIRE(call("PUT _cluster/settings", json{{"persistent", {{key, value}}}}).status == 200);
  }

  ReplicationFixture f;
  AutofollowService rules;
  RestRouter router;
};

// Rule `rule-1` (`logs-*`) that has started logs-1, now SYNCING.
void rule_with_one_syncing_index(AutofollowFixture& a) {
  a.f.leader_index("logs-1", 1);
  REQUIRE(a.add_rule("rule-1", "logs-*").status == 200);
  a.f.run_until(a.f.sim().now() + 5 * kUsPerS);
  REQUIRE(a.status("logs-1") == "SYNCING");
}

std::string reason_of(const RestResponse& r) {
  return r.body["error"]["reason"].get<std::string>();
}

TEST_CASE("a rule replicates existing and new matching indices", "[autofollow]") {
  AutofollowFixture a;
  a.f.leader_index("leader_index-1", 1);
  a.f.leader_index("other", 1);
  auto created = a.add_rule("rule-1", "leader_index*");
  CHECK(created.status == 200);
  CHECK(created.body == json{{"acknowledged", true}});
  a.f.run_until(a.f.sim().now() + 5 * kUsPerS);
  CHECK(a.status("leader_index-1") == "SYNCING");
  CHECK(a.status("other") == "REPLICATION NOT IN PROGRESS");

  a.f.leader_index("leader_index-2", 1);
  a.f.run_until(a.f.sim().now() + 31 * kUsPerS);
  CHECK(a.status("leader_index-2") == "SYNCING");

  json s = a.stats();
  CHECK(s.size() == 5);
  CHECK(s["num_success_start_replication"] == 2);
  CHECK(s["num_failed_start_replication"] == 0);
  CHECK(s["num_failed_leader_calls"] == 0);
  CHECK(s["failed_indices"] == json::array());
  REQUIRE(s["autofollow_stats"].size() == 1);
  const json& rule = s["autofollow_stats"][0];
  CHECK(rule["name"] == "rule-1");
  CHECK(rule["pattern"] == "leader_index*");
  CHECK(rule["leader_alias"] == "source");
  CHECK(rule["num_success_start_replication"] == 2);
  CHECK(rule["last_execution_time"].get<std::int64_t>() > 0);
  for (const auto& e : a.f.service().entries()) CHECK(e->started_by == "autofollow:rule-1");
}

TEST_CASE("last_execution_time advances between polls", "[autofollow]") {
  AutofollowFixture a;
  REQUIRE(a.add_rule("rule-1", "x*").status == 200);
  a.f.run_until(a.f.sim().now() + kUsPerS);
  const auto first = a.stats()["autofollow_stats"][0]["last_execution_time"].get<std::int64_t>();
  a.f.run_until(a.f.sim().now() + 31 * kUsPerS);
  const auto second = a.stats()["autofollow_stats"][0]["last_execution_time"].get<std::int64_t>();
  CHECK(first > 0);
  CHECK(second >= first + 30'000);
}

TEST_CASE("rule creation errors are the plugin's", "[autofollow]") {
  AutofollowFixture a;
  REQUIRE(a.add_rule("rule-1", "leader*").status == 200);
  auto again = a.add_rule("rule-1", "other*");
  CHECK(again.status == 500);
  CHECK(again.body["error"]["type"] == "exception");
  CHECK(reason_of(again) == "Exisiting autofollow replication rule cannot be recreated/updated");
  CHECK(a.add_rule("rule-2", "leader*").status == 200);  // a new name with the same pattern is fine

  auto unknown = a.call("POST _plugins/_replication/_autofollow",
                        json{{"leader_alias", "does_not_exist"}, {"name", "r"}, {"pattern", "x*"}});
  CHECK(unknown.status == 404);
  CHECK(reason_of(unknown) == "no such remote cluster: [does_not_exist]");

  auto bad_name = a.add_rule("Rule_Upper", "x*");
  CHECK(bad_name.status == 400);
  CHECK(reason_of(bad_name) == "Validation Failed: 1: Value Rule_Upper must be lowercase;");
  auto dot_name = a.add_rule(".rule", "x*");
  CHECK(reason_of(dot_name) == "Validation Failed: 1: Value .rule must not start with '.';");

  auto comma = a.add_rule("r", "a*,b*");
  CHECK(comma.status == 400);
  CHECK(reason_of(comma) ==
        "Validation Failed: 1: Autofollow pattern: a*,b* must not contain the following "
        "characters [ , \", *, \\, <, |, ,, >, /, ?];");
  CHECK(reason_of(a.add_rule("r", "-leader")) ==
        "Validation Failed: 1: Autofollow pattern: -leader must not start with '_' or '-';");
  auto missing = a.call("POST _plugins/_replication/_autofollow", json{{"leader_alias", "source"}, {"name", "r"}});
  CHECK(reason_of(missing) == "Validation Failed: 1: Missing pattern;");
  auto no_name = a.call("POST _plugins/_replication/_autofollow", json{{"leader_alias", "source"}, {"pattern", "x"}});
  CHECK(reason_of(no_name) == "Validation Failed: 1: Missing connection or name in the request;");
  auto roles = a.add_rule("r", "x*", json{{"use_roles", {{"leader_cluster_role", "all_access"}}}});
  CHECK(reason_of(roles) == "Validation Failed: 1: Need roles for leader_cluster_role and follower_cluster_role;");
  auto unexpected = a.call("DELETE _plugins/_replication/_autofollow",
                           json{{"leader_alias", "source"}, {"name", "rule-1"}, {"pattern", "x*"}});
  CHECK(reason_of(unexpected) == "Validation Failed: 1: Unexpected pattern;");
  auto field = a.add_rule("r", "x*", json{{"follower_index_pattern", "{{leader_index}}-replica"}});
  CHECK(field.status == 400);
}

TEST_CASE("deleting a missing rule depends on the engine version", "[autofollow]") {
  SECTION("2.11 succeeds") {
    AutofollowFixture a;
    CHECK(a.delete_rule("nope").status == 200);
  }
  SECTION("2.15 answers 500") {
    ReplicationFixtureOptions options;
    options.engine_version = "OpenSearch_2.15";
    AutofollowFixture a(options);
    auto r = a.delete_rule("nope");
    CHECK(r.status == 500);
    CHECK(reason_of(r) == "Autofollow replication rule source:nope does not exist");
  }
  SECTION("3.3 answers 500") {
    ReplicationFixtureOptions options;
    options.engine_version = "OpenSearch_3.3";
    AutofollowFixture a(options);
    CHECK(a.delete_rule("nope").status == 500);
  }
}

TEST_CASE("deleting a rule stops new replications only", "[autofollow]") {
  AutofollowFixture a;
  rule_with_one_syncing_index(a);
  CHECK(a.delete_rule("rule-1").status == 200);
  CHECK(a.stats()["autofollow_stats"] == json::array());
  a.f.leader_index("logs-2", 1);
  a.f.run_until(a.f.sim().now() + 2 * kUsPerMin);
  CHECK(a.status("logs-1") == "SYNCING");
  CHECK(a.f.follower().find_index("logs-1")->replication_block());
  CHECK(a.status("logs-2") == "REPLICATION NOT IN PROGRESS");
  CHECK(a.f.follower().find_index("logs-2") == nullptr);
}

TEST_CASE("a follower stopped and deleted is replicated again at the next poll", "[autofollow]") {
  AutofollowFixture a;
  rule_with_one_syncing_index(a);
  REQUIRE(a.call("POST _plugins/_replication/logs-1/_stop", json::object()).status == 200);
  a.f.run_until(a.f.sim().now() + 40 * kUsPerS);
  CHECK(a.status("logs-1") == "REPLICATION NOT IN PROGRESS");  // the index still exists: skipped silently
  REQUIRE(a.call("DELETE logs-1").status == 200);
  a.f.run_until(a.f.sim().now() + 31 * kUsPerS);
  CHECK(a.status("logs-1") == "SYNCING");
  CHECK(a.stats()["num_success_start_replication"] == 2);
  CHECK(a.stats()["num_failed_start_replication"] == 0);
}

TEST_CASE("dot-indices fail validation and are retried every retry_poll_interval", "[autofollow]") {
  AutofollowFixture a;
  a.put_setting("plugins.replication.autofollow.retry_poll_interval", "1m");
  a.f.leader_index(".kibana_1", 1);
  a.f.leader_index("app", 1);
  REQUIRE(a.add_rule("all", "*").status == 200);
  a.f.run_until(a.f.sim().now() + 5 * kUsPerS);
  json s = a.stats();
  CHECK(s["failed_indices"] == json::array({".kibana_1"}));
  CHECK(s["num_failed_start_replication"] == 1);
  CHECK(s["num_success_start_replication"] == 1);
  // The next poll does not retry it: the count of the latest poll is 0 again.
  a.f.run_until(a.f.sim().now() + 31 * kUsPerS);
  s = a.stats();
  CHECK(s["num_failed_start_replication"] == 0);
  CHECK(s["failed_indices"] == json::array({".kibana_1"}));
  // After the clear it fails again, for ever.
  a.f.run_until(a.f.sim().now() + 2 * kUsPerMin);
  const AutofollowTask& task = *a.rules.tasks().front();
  REQUIRE(task.failures().size() == 1);
  CHECK(task.failures()[0].count >= 2);
  CHECK(task.failures()[0].reason == "Validation Failed: 1: Value .kibana_1 must not start with '.';");
  CHECK(a.status(".kibana_1") == "REPLICATION NOT IN PROGRESS");
}

TEST_CASE("the start block keeps an index in failed_indices until the retry after the block is lifted",
          "[autofollow]") {
  AutofollowFixture a;
  a.put_setting("plugins.replication.autofollow.retry_poll_interval", "1m");
  a.put_setting("plugins.replication.follower.block.start", true);
  a.f.leader_index("leader-1", 1);
  REQUIRE(a.add_rule("rule-1", "leader-*").status == 200);
  a.f.run_until(a.f.sim().now() + 5 * kUsPerS);
  CHECK(a.stats()["failed_indices"] == json::array({"leader-1"}));
  CHECK(a.rules.tasks().front()->failures()[0].reason == "[FORBIDDEN] Replication START block is set");
  a.put_setting("plugins.replication.follower.block.start", false);
  a.f.run_until(a.f.sim().now() + 2 * kUsPerMin);
  CHECK(a.status("leader-1") == "SYNCING");
  CHECK(a.stats()["failed_indices"] == json::array());
}

TEST_CASE("concurrent_replication_jobs_trigger_size bounds the starts of one poll", "[autofollow]") {
  AutofollowFixture a;
  a.put_setting("plugins.replication.autofollow.concurrent_replication_jobs_trigger_size", 1);
  a.f.leader_index("leader-1", 1);
  a.f.leader_index("leader-2", 1);
  REQUIRE(a.add_rule("rule-1", "leader-*").status == 200);
  a.f.run_until(a.f.sim().now() + 5 * kUsPerS);
  CHECK(a.f.service().entries().size() == 1);
  a.f.run_until(a.f.sim().now() + 31 * kUsPerS);
  CHECK(a.f.service().entries().size() == 2);
}

TEST_CASE("rule settings apply to every follower it creates", "[autofollow]") {
  AutofollowFixture a;
  a.f.leader_index("leader-1", 1);
  REQUIRE(a.add_rule("rule-1", "leader-*", json{{"settings", {{"index.number_of_replicas", 3}}}}).status == 200);
  a.f.run_until(a.f.sim().now() + 5 * kUsPerS);
  REQUIRE(a.f.follower().find_index("leader-1") != nullptr);
  CHECK(a.f.follower().find_index("leader-1")->number_of_replicas() == 3);
}

TEST_CASE("an index replicated by hand is not started twice by a rule", "[autofollow]") {
  AutofollowFixture a;
  a.f.leader_index("leader-1", 1);
  a.f.run_until(kUsPerS);
  REQUIRE(a.f.start("leader-1", "leader-1").status == 200);
  REQUIRE(a.add_rule("rule-1", "leader-*").status == 200);
  a.f.run_until(a.f.sim().now() + 2 * kUsPerMin);
  CHECK(a.f.service().entries().size() == 1);
  CHECK(a.stats()["num_failed_start_replication"] == 0);
  CHECK(a.stats()["num_success_start_replication"] == 0);
}

TEST_CASE("a failed leader call is counted and nothing starts", "[autofollow]") {
  AutofollowFixture a;
  a.f.leader_index("leader-1", 1);
  REQUIRE(a.add_rule("rule-1", "leader-*").status == 200);
  a.f.world().connections().all().front().status = ConnectionStatus::kDeleted;
  a.f.run_until(a.f.sim().now() + 65 * kUsPerS);
  CHECK(a.stats()["num_failed_leader_calls"].get<int>() >= 2);
  CHECK(a.f.service().entries().empty());
}

TEST_CASE("an idle rule costs a bounded number of events per poll whatever the index count", "[autofollow]") {
  AutofollowFixture a;
  // Matching leader indices whose names exist on the follower (plain indices): listed and skipped every poll.
  for (int i = 0; i < 300; ++i) {
    const std::string name = "idx-" + std::to_string(i);
    a.f.leader_index(name, 1);
    a.f.follower().create_index(name, 1, 1, 0);
  }
  REQUIRE(a.add_rule("rule-1", "idx-*").status == 200);
  const std::uint64_t before = a.f.sim().events_processed();
  a.f.run_until(a.f.sim().now() + 10 * kUsPerMin);
  const std::uint64_t events = a.f.sim().events_processed() - before;
  CHECK(events <= 2 * 20 + 2);  // a poll and its listing answer per 30 s
  CHECK(a.f.service().entries().empty());
}

}  // namespace
}  // namespace ccrsim
