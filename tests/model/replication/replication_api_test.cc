#include <catch2/catch.hpp>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;

std::string reason_of(const RestResponse& r) {
  return r.body["error"]["reason"].get<std::string>();
}

TEST_CASE("start - status - pause - resume - stop: texts and shapes") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  f.run_until(kUsPerS);
  auto started = f.start("follower-01", "leader-01");
  CHECK(started.status == 200);
  CHECK(started.body == json{{"acknowledged", true}});
  CHECK(f.follower().find_index("follower-01")->replication_block());

  json s = f.status("follower-01");
  CHECK(s["status"] == "SYNCING");
  CHECK(s["reason"] == "User initiated");
  CHECK(s["syncing_details"] == json{{"leader_checkpoint", -1}, {"follower_checkpoint", -1}, {"seq_no", 0}});
  CHECK_FALSE(s.contains("shard_replication_details"));
  json verbose = f.call("GET _plugins/_replication/follower-01/_status?verbose=true").body;
  CHECK(verbose["shard_replication_details"][0]["shard_id"] == "[follower-01][0]");
  CHECK(verbose["shard_replication_details"][0].contains("syncing_task_details"));

  auto again = f.start("follower-01", "leader-01");
  CHECK(again.status == 400);
  CHECK(reason_of(again) == "Cant use same index again for replication. Delete the index:follower-01");

  auto resume_running = f.call("POST _plugins/_replication/follower-01/_resume", json::object());
  CHECK(resume_running.status == 400);
  CHECK(reason_of(resume_running) == "Replication on Index follower-01 is already running");

  auto paused = f.call("POST _plugins/_replication/follower-01/_pause", json{{"reason", "I want to pause!"}});
  CHECK(paused.status == 200);
  s = f.status("follower-01");
  CHECK(s == json{{"status", "PAUSED"},
                  {"reason", "I want to pause!"},
                  {"leader_alias", "source"},
                  {"leader_index", "leader-01"},
                  {"follower_index", "follower-01"}});
  CHECK(f.follower().find_index("follower-01")->replication_block());  // the block stays while paused
  auto twice = f.call("POST _plugins/_replication/follower-01/_pause");
  CHECK(twice.status == 400);
  CHECK(reason_of(twice) == "Index follower-01 is already paused");
  CHECK(f.call("PUT _plugins/_replication/follower-01/_update", json{{"settings", {{"index.number_of_replicas", 2}}}})
            .status == 200);

  auto resumed = f.call("POST _plugins/_replication/follower-01/_resume", json::object());
  CHECK(resumed.status == 200);
  CHECK(f.status("follower-01")["status"] == "SYNCING");
  CHECK(f.status("follower-01")["reason"] == "User initiated");

  auto stopped = f.call("POST _plugins/_replication/follower-01/_stop", json::object());
  CHECK(stopped.status == 200);
  CHECK(f.status("follower-01") == json{{"status", "REPLICATION NOT IN PROGRESS"}});
  CHECK_FALSE(f.follower().find_index("follower-01")->replication_block());
  auto stop_again = f.call("POST _plugins/_replication/follower-01/_stop", json::object());
  CHECK(stop_again.status == 400);
  CHECK(reason_of(stop_again) == "No replication in progress for index:follower-01");
  CHECK(f.service().entries().size() == 1);
  CHECK(f.service().status_string(*f.service().entries()[0]) == "STOPPED");
}

TEST_CASE("start validation order and texts") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  auto no_body = f.call("PUT _plugins/_replication/follower-01/_start");
  CHECK(no_body.status == 400);
  CHECK(reason_of(no_body) == "request body or source parameter is required");
  auto unknown = f.call("PUT _plugins/_replication/follower-01/_start",
                        json{{"leader_alias", "source"}, {"leader_index", "leader-01"}, {"bogus", 1}});
  CHECK(unknown.status == 400);
  auto missing = f.call("PUT _plugins/_replication/follower-01/_start", json::object());
  CHECK(reason_of(missing) ==
        "Validation Failed: 1: Mandatory params [leader_alias, leader_index] are missing for the request;");
  auto upper = f.call("PUT _plugins/_replication/Follower/_start",
                      json{{"leader_alias", "source"}, {"leader_index", "leader-01"}});
  CHECK(reason_of(upper) == "Validation Failed: 1: Value Follower must be lowercase;");
  auto partial = f.call("PUT _plugins/_replication/follower-01/_start",
                        json{{"leader_alias", "source"},
                             {"leader_index", "leader-01"},
                             {"use_roles", {{"leader_cluster_role", "all_access"}}}});
  CHECK(reason_of(partial) == "Validation Failed: 1: Need roles for leader_cluster_role and follower_cluster_role;");
  auto alias = f.call("PUT _plugins/_replication/follower-01/_start",
                      json{{"leader_alias", "does_not_exist"}, {"leader_index", "leader-01"}});
  CHECK(alias.status == 404);
  CHECK(reason_of(alias) == "no such remote cluster: [does_not_exist]");
  auto missing_leader = f.start("follower-01", "does_not_exist");
  CHECK(missing_leader.status == 404);
  CHECK(reason_of(missing_leader) == "no such index [does_not_exist]");
  f.follower().create_index("follower-01", 1, 1, 0);
  auto exists = f.start("follower-01", "leader-01");
  CHECK(reason_of(exists) == "Cant use same index again for replication. Delete the index:follower-01");
  f.follower().persistent_settings()["plugins.replication.follower.block.start"] = true;
  auto blocked = f.start("follower-02", "leader-01");
  CHECK(blocked.status == 403);
  CHECK(reason_of(blocked) == "[FORBIDDEN] Replication START block is set");
  CHECK(f.call("GET _plugins/_replication/nothing/_status").body == json{{"status", "REPLICATION NOT IN PROGRESS"}});
  auto pause_plain = f.call("POST _plugins/_replication/follower-01/_pause");
  CHECK(reason_of(pause_plain) == "No replication in progress for index:follower-01");
}

TEST_CASE("start with missing fields reports only that (no name checks after it)") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  auto missing = f.call("PUT _plugins/_replication/Follower/_start", json::object());
  CHECK(missing.status == 400);
  CHECK(reason_of(missing) ==
        "Validation Failed: 1: Mandatory params [leader_alias, leader_index] are missing for the request;");
  auto one = f.call("PUT _plugins/_replication/Follower/_start",
                    json{{"leader_alias", "source"}, {"use_roles", {{"leader_cluster_role", "all_access"}}}});
  CHECK(reason_of(one) == "Validation Failed: 1: Mandatory params [leader_index] are missing for the request;");
  auto both_names =
      f.call("PUT _plugins/_replication/Follower/_start", json{{"leader_alias", "source"}, {"leader_index", "Leader"}});
  CHECK(reason_of(both_names) ==
        "Validation Failed: 1: Value Leader must be lowercase;2: Value Follower must be lowercase;");
}

TEST_CASE("update validates the settings before the replication state") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  f.run_until(kUsPerS);
  auto bad_plain =
      f.call("PUT _plugins/_replication/nothing/_update", json{{"settings", {{"number_of_replicas", -1}}}});
  CHECK(bad_plain.status == 400);
  CHECK(reason_of(bad_plain) == "Failed to parse value [-1] for setting [index.number_of_replicas] must be >= 0");
  auto good_plain =
      f.call("PUT _plugins/_replication/nothing/_update", json{{"settings", {{"number_of_replicas", 1}}}});
  CHECK(reason_of(good_plain) == "No replication in progress for index:nothing");
  CHECK(f.start("follower-01", "leader-01").status == 200);
  auto bad = f.call("PUT _plugins/_replication/follower-01/_update", json{{"index.refresh_interval", "soon"}});
  CHECK(bad.status == 400);
  CHECK(bad.body["error"]["type"] == "illegal_argument_exception");
  CHECK(f.call("PUT _plugins/_replication/follower-01/_update", json{{"index", {{"number_of_replicas", 2}}}}).status ==
        200);
}

TEST_CASE("security on: start without use_roles is refused") {
  testing::ReplicationFixtureOptions options;
  options.fine_grained_access_control = true;
  ReplicationFixture f(options);
  f.leader_index("leader-01", 1);
  auto r = f.start("follower-01", "leader-01");
  CHECK(r.status == 403);
  CHECK(reason_of(r) == "Follower roles are mandatory for replication");
}

TEST_CASE("empty N-shard index: checkpoints are -N - seq_no 0") {
  ReplicationFixture f;
  f.leader_index("leader-01", 3);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  json s = f.status("follower-01");
  CHECK(s["syncing_details"] == json{{"leader_checkpoint", -3}, {"follower_checkpoint", -3}, {"seq_no", 0}});
  CHECK(f.follower().find_index("follower-01")->number_of_shards() == 3);
}

TEST_CASE("pause while restoring is refused - status shows bootstrap details") {
  testing::ReplicationFixtureOptions options;
  options.bandwidth_bytes_per_s = 1e6;  // 1 MB/s: 50 MB take ~50 s
  ReplicationFixture f(options);
  Index& leader = f.leader_index("leader-01", 1);
  leader.shard(0).append_synthetic(50'000, 0, 0, 1000);
  auto r = f.start("follower-01", "leader-01", false);
  REQUIRE(r.status == 200);
  json s = f.status("follower-01");
  CHECK(s["status"] == "BOOTSTRAPPING");
  CHECK(s["bootstrap_details"]["bytes_total"] == 0);  // the store's size is known once GetStoreMetadata returns
  f.run_until(f.sim().now() + kUsPerS);
  s = f.status("follower-01");
  CHECK(s["status"] == "BOOTSTRAPPING");
  CHECK(s["bootstrap_details"]["bytes_total"] == 50'000'000);
  CHECK_FALSE(f.follower().find_index("follower-01")->replication_block());  // no block during bootstrap
  auto p = f.call("POST _plugins/_replication/follower-01/_pause");
  CHECK(p.status == 500);
  CHECK(reason_of(p) ==
        "Index is in restore phase currently for index: follower-01. You can pause after restore completes.");
  f.run_until(5 * kUsPerMin);
  CHECK(f.status("follower-01")["status"] == "SYNCING");
  CHECK(f.follower().find_index("follower-01")->shard(0).max_seq_no() == 49'999);
  CHECK(f.follower().find_index("follower-01")->replication_block());
  const ReplicationEntry& e = *f.service().entries()[0];
  CHECK(e.bootstrap_s() > 40.0);
  CHECK(e.bootstrap_s() < 80.0);
}

TEST_CASE("stop while restoring deletes the follower index") {
  testing::ReplicationFixtureOptions options;
  options.bandwidth_bytes_per_s = 1e6;
  ReplicationFixture f(options);
  f.leader_index("leader-01", 1).shard(0).append_synthetic(50'000, 0, 0, 1000);
  REQUIRE(f.start("follower-01", "leader-01", false).status == 200);
  CHECK(f.call("POST _plugins/_replication/follower-01/_stop", json::object()).status == 200);
  CHECK(f.follower().find_index("follower-01") == nullptr);
  f.run_until(5 * kUsPerMin);
  CHECK(f.follower().find_index("follower-01") == nullptr);
}

TEST_CASE("wait_for_restore longer than 30 s times out") {
  testing::ReplicationFixtureOptions options;
  options.bandwidth_bytes_per_s = 1e6;
  ReplicationFixture f(options);
  f.leader_index("leader-01", 1).shard(0).append_synthetic(50'000, 0, 0, 1000);
  auto r = f.start("follower-01", "leader-01", true);
  CHECK(r.status == 500);
  CHECK(reason_of(r) == "Timed out when waiting for persistent task after 30s");
}

}  // namespace
}  // namespace ccrsim
