#include "model/replication/follower_metadata.h"

#include <catch2/catch.hpp>

#include "model/index.h"

namespace ccrsim {
namespace {

Index leader_with_settings() {
  Index leader("leader-01", "uuid-l", 2, 1, 0);
  leader.settings() = json{{"blocks.write", "true"},
                           {"refresh_interval", "5s"},
                           {"translog.generation_threshold_size", "32mb"},
                           {"routing.allocation.enable", "none"}};
  return leader;
}

TEST_CASE("the block-list keeps blocks - routing and lease settings on the leader") {
  CHECK(block_listed_setting("blocks.write"));
  CHECK(block_listed_setting("plugins.replication.translog.retention_lease.pruning.enabled"));
  CHECK(block_listed_setting("write.wait_for_active_shards"));
  CHECK_FALSE(block_listed_setting("refresh_interval"));
  CHECK_FALSE(block_listed_setting("index.blocks.write"));  // leader settings are stored without the prefix
  CHECK(strip_index_prefix("index.refresh_interval") == "refresh_interval");
  CHECK(strip_index_prefix("refresh_interval") == "refresh_interval");
}

TEST_CASE("follower settings: the leader's minus the block-list overlaid with the overrides") {
  const Index leader = leader_with_settings();
  int replicas = leader.number_of_replicas();
  const json overrides = {{"index.number_of_replicas", 3}, {"index.number_of_shards", 9}, {"codec", "best"}};
  const json settings = follower_settings(leader, overrides, "", replicas);
  CHECK(settings ==
        json{{"refresh_interval", "5s"}, {"translog.generation_threshold_size", "32mb"}, {"codec", "best"}});
  CHECK(replicas == 3);  // number_of_shards is never overridden: the follower has the leader's primaries

  int sync_replicas = leader.number_of_replicas();
  const json synced =
      follower_settings(leader, json{{"max_result_window", 10}}, "translog.generation_threshold_size", sync_replicas);
  CHECK(synced == json{{"refresh_interval", "5s"}, {"max_result_window", "10"}});  // non-strings stored as text
  CHECK(sync_replicas == 1);
}

TEST_CASE("the metadata sync mirrors settings and aliases and puts the mapping when a property differs") {
  Index leader = leader_with_settings();
  leader.aliases()["logs"] = json{{"is_write_index", true}};
  leader.mappings() = json{{"properties", {{"a", {{"type", "keyword"}}}}}};
  leader.set_number_of_replicas(2);
  Index follower("follower-01", "uuid-f", 2, 1, 0);
  follower.settings() = json{{"stale", "x"}};
  follower.aliases()["old"] = json::object();
  follower.mappings() = json{{"properties", {{"a", {{"type", "text"}}}}}};
  sync_follower_metadata(leader, follower, json::object());
  CHECK(follower.settings() == json{{"refresh_interval", "5s"}});
  CHECK(follower.number_of_replicas() == 2);
  CHECK(follower.aliases().size() == 1);
  CHECK(follower.aliases().at("logs") == json{{"is_write_index", false}});
  CHECK(follower.mappings() == leader.mappings());

  Index auto_expanding("follower-02", "uuid-g", 2, 1, 0);
  auto_expanding.settings() = json{{"auto_expand_replicas", "0-all"}};
  sync_follower_metadata(leader, auto_expanding, json::object());
  CHECK(auto_expanding.number_of_replicas() == 1);  // keeps its own count
}

}  // namespace
}  // namespace ccrsim
