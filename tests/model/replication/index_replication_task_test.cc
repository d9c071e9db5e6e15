#include <catch2/catch.hpp>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;
using testing::ReplicationFixtureOptions;

TEST_CASE("start settings override the leader's - the metadata sync mirrors settings and aliases") {
  ReplicationFixture f;
  Index& leader = f.leader_index("leader-01", 1);
  leader.settings()["refresh_interval"] = "5s";
  leader.settings()["routing.allocation.enable"] = "none";  // block-listed: never copied
  leader.aliases()["write-alias"] = json{{"is_write_index", true}};
  auto r = f.call("PUT _plugins/_replication/follower-01/_start?wait_for_restore=true",
                  json{{"leader_alias", "source"},
                       {"leader_index", "leader-01"},
                       {"settings", {{"index", {{"number_of_replicas", 3}}}}}});
  REQUIRE(r.status == 200);
  Index& follower = *f.follower().find_index("follower-01");
  CHECK(follower.number_of_replicas() == 3);
  CHECK(follower.settings()["refresh_interval"] == "5s");
  CHECK_FALSE(follower.settings().contains("routing.allocation.enable"));
  CHECK(follower.aliases().at("write-alias") == json{{"is_write_index", false}});
  CHECK(follower.follower_of() == "source:leader-01");

  leader.set_number_of_replicas(2);
  leader.settings()["refresh_interval"] = "10s";
  leader.aliases()["new-alias"] = json::object();
  REQUIRE(f.call("PUT _plugins/_replication/follower-01/_update", json{{"settings", {{"search.idle.after", "10s"}}}})
              .status == 200);
  f.run_until(f.sim().now() + 61 * kUsPerS);
  CHECK(follower.number_of_replicas() == 2);  // the override set was replaced: replicas follow the leader again
  CHECK(follower.settings()["refresh_interval"] == "10s");
  CHECK(follower.settings()["search.idle.after"] == "10s");
  CHECK(follower.aliases().count("new-alias") == 1);
  REQUIRE(f.call("PUT _plugins/_replication/follower-01/_update", json::object()).status == 200);
  f.run_until(f.sim().now() + 61 * kUsPerS);
  CHECK_FALSE(follower.settings().contains("search.idle.after"));
}

TEST_CASE("replicate.delete_index on 3.3+: a deleted leader deletes the follower") {
  ReplicationFixtureOptions options;
  options.engine_version = "OpenSearch_3.3";
  ReplicationFixture f(options);
  f.leader_index("leader-01", 1);
  f.leader_index("leader-02", 1);
  f.follower().persistent_settings()["plugins.replication.replicate.delete_index"] = true;
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  REQUIRE(f.start("follower-02", "leader-02").status == 200);
  f.leader().delete_index("leader-01");
  f.service().notify_leader_changed(ReplicationFixture::kLeader, "leader-01");
  f.run_until(f.sim().now() + 30 * kUsPerS);
  CHECK(f.follower().find_index("follower-01") == nullptr);
  CHECK(f.status("follower-01") == json{{"status", "REPLICATION NOT IN PROGRESS"}});
  CHECK(f.status("follower-02")["status"] == "SYNCING");
}

TEST_CASE("replicate.delete_index is ignored before 3.3") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  f.follower().persistent_settings()["plugins.replication.replicate.delete_index"] = true;
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.leader().delete_index("leader-01");
  f.service().notify_leader_changed(ReplicationFixture::kLeader, "leader-01");
  f.run_until(f.sim().now() + 30 * kUsPerS);
  CHECK(f.follower().find_index("follower-01") != nullptr);
  CHECK(f.status("follower-01")["status"] == "PAUSED");
}

TEST_CASE("a bootstrap longer than the lease period pauses at the first renewal") {
  ReplicationFixtureOptions options;
  options.bandwidth_bytes_per_s = 1e6;
  ReplicationFixture f(options);
  Index& leader = f.leader_index("leader-01", 1);
  leader.settings()["soft_deletes.retention_lease.period"] = "30s";
  leader.shard(0).append_synthetic(60'000, 0, 0, 1000);  // 60 MB at 1 MB/s
  REQUIRE(f.start("follower-01", "leader-01", false).status == 200);
  f.run_until(3 * kUsPerMin);
  json s = f.status("follower-01");
  CHECK(s["status"] == "PAUSED");
  CHECK(s["reason"].get<std::string>().find("org.opensearch.index.seqno.RetentionLeaseNotFoundException") !=
        std::string::npos);
  CHECK(s["reason"].get<std::string>().find("retention lease with ID [replication:123456789012:follower-domain:") !=
        std::string::npos);
}

}  // namespace
}  // namespace ccrsim

namespace ccrsim {
namespace {

TEST_CASE("force_resume (3.8+) re-bootstraps when the leases are gone") {
  testing::ReplicationFixtureOptions options;
  options.engine_version = "OpenSearch_3.8";
  testing::ReplicationFixture f(options);
  Index& leader = f.leader_index("leader-01", 1);
  leader.settings()["soft_deletes.retention_lease.period"] = "1m";
  f.add_workload("leader-01", 10, 0, 6 * kUsPerMin);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(30 * kUsPerS);
  REQUIRE(f.call("POST _plugins/_replication/follower-01/_pause").status == 200);
  f.run_until(5 * kUsPerMin);
  CHECK(f.call("POST _plugins/_replication/follower-01/_resume", json::object()).status == 404);
  auto forced = f.call("POST _plugins/_replication/follower-01/_resume", json{{"force_resume", true}});
  CHECK(forced.status == 200);
  f.run_until(8 * kUsPerMin);
  CHECK(f.status("follower-01")["status"] == "SYNCING");
  f.leader().catch_up_writes(f.sim().now());
  CHECK(f.follower().find_index("follower-01")->shard(0).max_seq_no() == leader.shard(0).max_seq_no());
  CHECK(f.service().entries().size() == 1);
  const ReplicationSample s = f.service().sample(*f.service().entries()[0]);
  CHECK(s.running);
  CHECK(s.lag_ops == 0);
}

TEST_CASE("force_resume is an unknown field before 3.8") {
  testing::ReplicationFixture f;
  f.leader_index("leader-01", 1);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  REQUIRE(f.call("POST _plugins/_replication/follower-01/_pause").status == 200);
  CHECK(f.call("POST _plugins/_replication/follower-01/_resume", json{{"force_resume", true}}).status == 400);
}

}  // namespace
}  // namespace ccrsim

namespace ccrsim {
namespace {

TEST_CASE("capacity: leader reads and follower replays take time") {
  for (int which = 0; which < 2; ++which) {
    testing::ReplicationFixtureOptions options;
    (which == 0 ? options.leader_read_rate_per_s : options.follower_index_rate_per_s) = 2000;
    testing::ReplicationFixture f(options);
    f.leader_index("leader-01", 1);
    f.add_workload("leader-01", 5000, kUsPerS, 11 * kUsPerS);  // 50 000 ops in 10 s
    REQUIRE(f.start("follower-01", "leader-01").status == 200);
    f.run_until(20 * kUsPerS);
    const ReplicationEntry& e = *f.service().entries()[0];
    INFO("which " << which);
    CHECK(f.service().ops_lag(e) > 10'000);  // 2 000 ops/s cannot keep up with 5 000/s
    f.run_until(40 * kUsPerS);
    CHECK(f.service().ops_lag(e) == 0);  // ~25 s of work in all
  }
}

}  // namespace
}  // namespace ccrsim
