#include "model/replication/replication_status.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;
using testing::ReplicationFixtureOptions;

std::vector<std::string> keys(const json& object) {
  std::vector<std::string> out;
  for (const auto& [key, value] : object.items()) out.push_back(key);
  return out;
}

ReplicationFixtureOptions slow_link() {
  ReplicationFixtureOptions o;
  o.bandwidth_bytes_per_s = 1e4;  // the bootstrap takes minutes
  return o;
}

TEST_CASE("the running status of a bootstrap: keys in the plugin's order and the recovery sums") {
  ReplicationFixture f(slow_link());
  Index& leader = f.leader_index("leader-01", 2);
  for (int s = 0; s < 2; ++s) leader.shard(s).append_synthetic(100, 0, 0, 1000);
  REQUIRE(f.start("follower-01", "leader-01", false).status == 200);
  f.run_until(f.sim().now() + kUsPerS);
  NetworkTransport transport(f.network());
  ReplicationStatusView view(f.world(), transport);
  const ReplicationEntry& e = *f.service().entries()[0];
  CHECK(view.status_string(e) == "BOOTSTRAPPING");
  const json body = view.status(&e, ReplicationFixture::kFollower, true).body;
  CHECK(keys(body) == std::vector<std::string>{"status", "reason", "leader_alias", "leader_index", "follower_index",
                                               "bootstrap_details", "shard_replication_details"});
  CHECK(keys(body["bootstrap_details"]) == std::vector<std::string>{"bytes_total", "bytes_recovered", "bytes_percent",
                                                                    "files_total", "files_recovered", "files_percent",
                                                                    "start_time", "running_time"});
  CHECK(body["bootstrap_details"]["bytes_total"] == 2 * leader.shard(0).store_bytes());
  CHECK(body["shard_replication_details"][1]["shard_id"] == "[follower-01][1]");
  CHECK(body["shard_replication_details"][1].contains("bootstrap_task_details"));
  CHECK_FALSE(view.status(&e, ReplicationFixture::kFollower, false).body.contains("shard_replication_details"));
}

TEST_CASE("the sampled numbers of a syncing replication: checkpoints - lags and the status string") {
  ReplicationFixture f;
  Index& leader = f.leader_index("leader-01", 1);
  leader.shard(0).append_synthetic(50, 0, 0, 1000);
  f.add_workload("leader-01", 100, kUsPerS, kUsPerMin);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  NetworkTransport transport(f.network());
  ReplicationStatusView view(f.world(), transport);
  const ReplicationEntry& e = *f.service().entries()[0];
  f.run_until(2 * kUsPerMin);
  const ReplicationSample caught_up = view.sample(e);
  CHECK(caught_up.status == "SYNCING");
  CHECK(caught_up.running);
  CHECK(caught_up.lag_ops == 0);
  CHECK(caught_up.lag_time_us == 0);
  CHECK(caught_up.leader_checkpoint == leader.shard(0).global_checkpoint());
  CHECK(caught_up.follower_checkpoint == caught_up.leader_checkpoint);
  CHECK(view.status(nullptr, ReplicationFixture::kFollower, false).body ==
        json{{"status", "REPLICATION NOT IN PROGRESS"}});
}

}  // namespace
}  // namespace ccrsim
