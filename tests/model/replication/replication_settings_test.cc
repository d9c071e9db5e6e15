#include "model/replication/replication_settings.h"

#include <catch2/catch.hpp>

#include "model/domain.h"
#include "model/index.h"

namespace ccrsim {
namespace {

TEST_CASE("replication settings default to the plugin's values") {
  DomainSpec spec;
  spec.name = "follower";
  Domain d(spec, 1);
  const ReplicationSettings s = resolve_replication_settings(d);
  CHECK(s.chunk_size_bytes == 10 * 1024 * 1024);
  CHECK(s.max_concurrent_file_chunks == 5);
  CHECK(s.ops_batch_size == 50000);
  CHECK(s.concurrent_readers_per_shard == 2);
  CHECK(s.concurrent_writers_per_shard == 2);
  CHECK(s.poll_interval_us == 50 * kUsPerMs);
  CHECK(s.metadata_sync_interval_us == 60 * kUsPerS);
  CHECK(s.lease_max_failure_duration_us == kUsPerH);
  CHECK_FALSE(s.block_start);
  CHECK(s.autofollow_fetch_poll_interval_us == 30 * kUsPerS);
  CHECK(s.autofollow_retry_poll_interval_us == kUsPerH);
  CHECK(s.autofollow_trigger_size == 3);
  CHECK_FALSE(s.replicate_delete_index);
}

TEST_CASE("scenario settings - then persistent - then transient win") {
  DomainSpec spec;
  spec.name = "follower";
  spec.settings["plugins.replication.follower.index.ops_batch_size"] = 1000;
  spec.settings["plugins.replication.follower.index.recovery.chunk_size"] = "100mb";
  spec.settings["plugins.replication.follower.metadata_sync_interval"] = "5s";
  Domain d(spec, 1);
  CHECK(resolve_replication_settings(d).ops_batch_size == 1000);
  CHECK(resolve_replication_settings(d).chunk_size_bytes == 100LL * 1024 * 1024);
  CHECK(resolve_replication_settings(d).metadata_sync_interval_us == 5 * kUsPerS);
  d.persistent_settings()["plugins.replication.follower.index.ops_batch_size"] = "2000";
  CHECK(resolve_replication_settings(d).ops_batch_size == 2000);
  d.transient_settings()["plugins.replication.follower.index.ops_batch_size"] = 3000;
  CHECK(resolve_replication_settings(d).ops_batch_size == 3000);
  d.transient_settings()["plugins.replication.follower.block.start"] = "true";
  CHECK(resolve_replication_settings(d).block_start);
  // Out of range: ignored (PUT _cluster/settings would have refused it).
  d.transient_settings()["plugins.replication.follower.index.ops_batch_size"] = 4;
  CHECK(resolve_replication_settings(d).ops_batch_size == 50000);
}

TEST_CASE("setting validation messages and parsers") {
  CHECK(validate_replication_setting("plugins.replication.follower.index.ops_batch_size", 4) ==
        "Failed to parse value [4] for setting [plugins.replication.follower.index.ops_batch_size] must be >= 16");
  CHECK_FALSE(validate_replication_setting("plugins.replication.follower.index.ops_batch_size", 16));
  CHECK(validate_replication_setting("plugins.replication.follower.metadata_sync_interval", "1s").has_value());
  CHECK(validate_replication_setting("plugins.replication.follower.poll_interval", "2s").has_value());
  CHECK_FALSE(validate_replication_setting("plugins.replication.follower.poll_interval", "1s"));
  CHECK(validate_replication_setting("plugins.replication.autofollow.concurrent_replication_jobs_trigger_size", 101)
            .has_value());
  CHECK(validate_replication_setting("plugins.replication.follower.block.start", "yes").has_value());
  CHECK_FALSE(validate_replication_setting("cluster.routing.allocation.enable", "none"));
  CHECK(is_replication_setting("plugins.replication.follower.concurrent_writers_per_shard"));
  CHECK(parse_duration_us(json("12h")) == 12 * kUsPerH);
  CHECK(parse_duration_us(json("50ms")) == 50 * kUsPerMs);
  CHECK(parse_duration_us(json("1d")) == kUsPerDay);
  CHECK_FALSE(parse_duration_us(json("60")));
  CHECK(parse_byte_size(json("1gb")) == 1024LL * 1024 * 1024);
  CHECK(parse_byte_size(json(4096)) == 4096);
}

TEST_CASE("index-level overrides") {
  Index follower("f", "u", 1, 0, 0);
  ReplicationSettings s;
  CHECK(effective_ops_batch_size(follower, s) == 50000);
  follower.settings()["plugins.replication.follower.ops_batch_size"] = "100";
  CHECK(effective_ops_batch_size(follower, s) == 100);
  Index leader("l", "u", 1, 0, 0);
  CHECK(retention_lease_period_us(leader) == 12 * kUsPerH);
  leader.settings()["soft_deletes.retention_lease.period"] = "1s";
  CHECK(retention_lease_period_us(leader) == kUsPerS);
  CHECK(soft_deletes_enabled(leader));
  leader.settings()["soft_deletes.enabled"] = "false";
  CHECK_FALSE(soft_deletes_enabled(leader));
}

}  // namespace
}  // namespace ccrsim

namespace ccrsim {
namespace {

TEST_CASE(
    "replication settings: readers - writers and file chunks per shard above 255 are refused as a simulator limit") {
  for (const char* key :
       {setting_keys::kReadersPerShard, setting_keys::kWritersPerShard, setting_keys::kMaxConcurrentFileChunks}) {
    CHECK_FALSE(validate_replication_setting(key, 255));
    const std::optional<std::string> problem = validate_replication_setting(key, 256);
    REQUIRE(problem.has_value());
    CHECK(problem->find("ccrsim simulates at most 255") != std::string::npos);
    CHECK(problem->find(key) != std::string::npos);
  }
  CHECK_FALSE(validate_replication_setting(setting_keys::kOpsBatchSize, 1'000'000));  // no such limit there
}

}  // namespace
}  // namespace ccrsim
