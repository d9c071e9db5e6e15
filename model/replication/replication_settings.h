#pragma once
// The replication plugin's settings (docs/replication.md "Settings") with their defaults and ranges, resolved per
// domain from the cluster settings (transient, persistent, then the scenario's `settings:`), plus the index-level
// overrides the plugin reads from the follower or leader index. An out-of-range or unparsable value never reaches the
// plugin: validate_replication_setting() gives the error PUT _cluster/settings must answer, and resolution falls back
// to the default for values that slipped through (scenario files are validated by the loader).
#include <cstdint>
#include <optional>
#include <string>

#include "sim/json.h"
#include "sim/time.h"

namespace ccrsim {

class Domain;
class Index;

namespace setting_keys {
inline constexpr char kChunkSize[] = "plugins.replication.follower.index.recovery.chunk_size";
inline constexpr char kMaxConcurrentFileChunks[] =
    "plugins.replication.follower.index.recovery.max_concurrent_file_chunks";
inline constexpr char kOpsBatchSize[] = "plugins.replication.follower.index.ops_batch_size";
inline constexpr char kReadersPerShard[] = "plugins.replication.follower.concurrent_readers_per_shard";
inline constexpr char kWritersPerShard[] = "plugins.replication.follower.concurrent_writers_per_shard";
inline constexpr char kPollInterval[] = "plugins.replication.follower.poll_interval";
inline constexpr char kMetadataSyncInterval[] = "plugins.replication.follower.metadata_sync_interval";
inline constexpr char kLeaseMaxFailureDuration[] = "plugins.replication.follower.retention_lease_max_failure_duration";
inline constexpr char kBlockStart[] = "plugins.replication.follower.block.start";
inline constexpr char kAutofollowFetchPollInterval[] = "plugins.replication.autofollow.fetch_poll_interval";
inline constexpr char kAutofollowRetryPollInterval[] = "plugins.replication.autofollow.retry_poll_interval";
inline constexpr char kAutofollowTriggerSize[] =
    "plugins.replication.autofollow.concurrent_replication_jobs_trigger_size";
inline constexpr char kReplicateDeleteIndex[] = "plugins.replication.replicate.delete_index";
inline constexpr char kLeaderThreadPoolSize[] = "plugins.replication.leader.thread_pool.size";
inline constexpr char kLeaderThreadPoolQueueSize[] = "plugins.replication.leader.thread_pool.queue_size";
inline constexpr char kBulkBatchSize[] = "plugins.replication.follower.bulk_batch_size";
inline constexpr char kBulkPollTimeout[] = "plugins.replication.follower.bulk_poll_timeout";
// Index-scoped keys as Index::settings() stores them (without the "index." prefix).
inline constexpr char kIndexOpsBatchSize[] = "plugins.replication.follower.ops_batch_size";
inline constexpr char kIndexLeaseRetentionPeriod[] = "soft_deletes.retention_lease.period";
inline constexpr char kIndexPruningEnabled[] = "plugins.replication.translog.retention_lease.pruning.enabled";
inline constexpr char kIndexRetentionSize[] = "plugins.replication.translog.retention_size";
inline constexpr char kIndexSoftDeletesEnabled[] = "soft_deletes.enabled";
}  // namespace setting_keys

struct ReplicationSettings {
  std::int64_t chunk_size_bytes = 10LL * 1024 * 1024;
  int max_concurrent_file_chunks = 5;  // the docs' 4 is wrong (docs/replication.md "Checked against the plugin's
  // source")
  std::int64_t ops_batch_size = 50'000;
  int concurrent_readers_per_shard = 2;
  int concurrent_writers_per_shard = 2;
  sim_time_us poll_interval_us = 50 * kUsPerMs;
  sim_time_us metadata_sync_interval_us = 60 * kUsPerS;
  sim_time_us lease_max_failure_duration_us = kUsPerH;
  bool block_start = false;
  sim_time_us autofollow_fetch_poll_interval_us = 30 * kUsPerS;
  sim_time_us autofollow_retry_poll_interval_us = kUsPerH;
  int autofollow_trigger_size = 3;
  bool replicate_delete_index = false;  // only read on engines >= 3.3
  int leader_thread_pool_size = 0;      // 0: 1.5 x processors + 1
  int leader_thread_pool_queue_size = 1000;
  int bulk_batch_size = 10;
  int bulk_poll_timeout_min = 15;
};

// Effective plugin settings of a domain now.
ReplicationSettings resolve_replication_settings(const Domain& domain);

// Whether `key` is one of the plugin's cluster settings.
bool is_replication_setting(const std::string& key);
// Error text for an invalid value of a plugin setting (nullopt when valid or not a plugin setting).
std::optional<std::string> validate_replication_setting(const std::string& key, const json& value);

// ops per GetChanges for one follower index: the index-level override wins over the cluster setting.
std::int64_t effective_ops_batch_size(const Index& follower, const ReplicationSettings& settings);
// The leader index's retention lease period (core default 12h).
sim_time_us retention_lease_period_us(const Index& leader);
// index.soft_deletes.enabled (default true since 7.0 indices).
bool soft_deletes_enabled(const Index& index);

// Parsers for OpenSearch's setting syntax. Durations need a unit ("60s", "50ms", "12h", "1d"; "-1" and "0"
// allowed bare); byte sizes accept a bare number of bytes or a unit ("10mb", "1gb").
std::optional<sim_time_us> parse_duration_us(const json& value);
std::optional<std::int64_t> parse_byte_size(const json& value);
std::optional<std::int64_t> parse_integer(const json& value);
std::optional<bool> parse_boolean(const json& value);

}  // namespace ccrsim
