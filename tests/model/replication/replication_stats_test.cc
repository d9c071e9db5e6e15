#include "model/replication/replication_stats.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;

std::vector<std::string> keys(const json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

class NoControl final : public ReplicationControl {
 public:
  void auto_pause(ReplicationEntry&, const std::string&) override {}
  void fail(ReplicationEntry&, const std::string&) override {}
  void task_state_changed(ReplicationEntry&) override {}
  void complete_after_leader_deleted(ReplicationEntry&) override {}
};

TEST_CASE("follower_stats counts indices by state and sums the shard tasks' counters") {
  ReplicationFixture f;
  Index& leader = f.leader_index("leader-01", 2);
  for (int s = 0; s < 2; ++s) leader.shard(s).append_synthetic(10, 0, 0, 1000);
  f.leader_index("leader-02", 1);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  REQUIRE(f.start("follower-02", "leader-02").status == 200);
  REQUIRE(f.call("POST _plugins/_replication/follower-02/_pause", json::object()).status == 200);
  f.run_until(f.sim().now() + kUsPerMin);
  const json body = follower_stats_response(f.service().entries(), ReplicationFixture::kFollower).body;
  CHECK(body["num_syncing_indices"] == 1);
  CHECK(body["num_paused_indices"] == 1);
  CHECK(body["num_shard_tasks"] == 2);
  CHECK(body["num_index_tasks"] == 1);
  CHECK(keys(body["index_stats"]) == std::vector<std::string>{"follower-01"});
  CHECK(keys(body["index_stats"]["follower-01"]) ==
        std::vector<std::string>{"operations_written", "operations_read", "failed_read_requests",
                                 "throttled_read_requests", "failed_write_requests", "throttled_write_requests",
                                 "follower_checkpoint", "leader_checkpoint", "total_write_time_millis"});
  CHECK(body["follower_checkpoint"] == body["index_stats"]["follower-01"]["follower_checkpoint"]);
  CHECK(follower_stats_response(f.service().entries(), ReplicationFixture::kLeader).body["num_index_tasks"] == 0);
}

TEST_CASE("leader_stats counts an index while a follower fetched within five minutes and holds a lease") {
  ReplicationFixture f;
  Index& leader = f.leader_index("leader-01", 1);
  NetworkTransport transport(f.network());
  NoControl control;
  ReplicationContext ctx(f.world(), transport, control);
  ReplicationEntry entry;
  entry.follower_domain = ReplicationFixture::kFollower;
  entry.follower_index = "follower-01";
  entry.leader_domain = ReplicationFixture::kLeader;
  entry.leader_index = "leader-01";
  entry.leader_index_uuid = leader.uuid();
  LeaderShardStats& s = ctx.leader_stats[ReplicationFixture::kLeader]["leader-01"][0];
  s.operations_read = 10;
  s.bytes_read = 1000;
  s.read_time_us = 7 * kUsPerMs;
  s.last_fetch_us = 0;
  CHECK(leader_stats_response(ctx, ReplicationFixture::kLeader).body["num_replicated_indices"] == 0);  // no lease
  ctx.leases.add(lease_key(entry, 0), -1, 0);
  json body = leader_stats_response(ctx, ReplicationFixture::kLeader).body;
  CHECK(body["num_replicated_indices"] == 1);
  CHECK(body["operations_read"] == 10);
  CHECK(body["operations_read_translog"] == 10);
  CHECK(body["total_read_time_translog_millis"] == 7);
  CHECK(body["index_stats"]["leader-01"]["bytes_read"] == 1000);
  f.run_until(5 * kUsPerMin + 1);
  CHECK(leader_stats_response(ctx, ReplicationFixture::kLeader).body["num_replicated_indices"] == 0);
}

}  // namespace
}  // namespace ccrsim
