#include "model/replication/replication_stats.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/index_replication_task.h"

namespace ccrsim {

namespace {

constexpr sim_time_us kLeaderStatsActiveUs = 5 * kUsPerMin;
constexpr std::int64_t kTranslogRetentionCapBytes = 512LL * 1024 * 1024;

// The nine counters follower_stats prints per index and, in the same order, for the whole node.
void write_follower_counters(json& out, const FollowerShardStats& c) {
  out["operations_written"] = c.operations_written;
  out["operations_read"] = c.operations_read;
  out["failed_read_requests"] = c.failed_read_requests;
  out["throttled_read_requests"] = c.throttled_read_requests;
  out["failed_write_requests"] = c.failed_write_requests;
  out["throttled_write_requests"] = 0;
  out["follower_checkpoint"] = c.follower_checkpoint;
  out["leader_checkpoint"] = c.leader_checkpoint;
  out["total_write_time_millis"] = c.total_write_time_us / kUsPerMs;
}

// The leader-side counters of one index, or of the whole node: the same seven keys in both places.
struct LeaderCounters {
  std::int64_t operations_read = 0;
  std::int64_t translog_size_bytes = 0;
  std::int64_t read_time_ms = 0;
  std::int64_t bytes_read = 0;

  LeaderCounters& operator+=(const LeaderCounters& o) {
    operations_read += o.operations_read;
    translog_size_bytes += o.translog_size_bytes;
    read_time_ms += o.read_time_ms;
    bytes_read += o.bytes_read;
    return *this;
  }
  // Every read is counted as a translog read: the simulator does not model Lucene fallbacks.
  void write(json& out) const {
    out["operations_read"] = operations_read;
    out["translog_size_bytes"] = translog_size_bytes;
    out["operations_read_lucene"] = 0;
    out["operations_read_translog"] = operations_read;
    out["total_read_time_lucene_millis"] = 0;
    out["total_read_time_translog_millis"] = read_time_ms;
    out["bytes_read"] = bytes_read;
  }
};

}  // namespace

RestResponse follower_stats_response(const std::vector<std::unique_ptr<ReplicationEntry>>& entries, DomainId follower) {
  std::int64_t syncing = 0, bootstrapping = 0, paused = 0, failed = 0, shard_tasks = 0;
  FollowerShardStats total = FollowerShardStats::zero();
  json index_stats = json::object();
  for (const auto& entry : entries) {
    if (entry->stopped || entry->follower_domain != follower) continue;
    if (entry->overall == OverallState::kPaused) ++paused;
    if (entry->overall == OverallState::kFailed) ++failed;
    if (entry->overall != OverallState::kRunning) continue;
    const auto* task = entry->task.get();
    const bool live = task != nullptr && !task->shard_tasks().empty();
    (live ? syncing : bootstrapping) += 1;
    if (!live) continue;
    FollowerShardStats sum = FollowerShardStats::zero();
    for (const auto& shard : task->shard_tasks()) {
      ++shard_tasks;
      sum += shard->stats();
    }
    json st = json::object();
    write_follower_counters(st, sum);
    index_stats[entry->follower_index] = std::move(st);
    total += sum;
  }
  json body = json::object();
  body["num_syncing_indices"] = syncing;
  body["num_bootstrapping_indices"] = bootstrapping;
  body["num_paused_indices"] = paused;
  body["num_failed_indices"] = failed;
  body["num_shard_tasks"] = shard_tasks;
  body["num_index_tasks"] = syncing + bootstrapping;
  write_follower_counters(body, total);
  body["index_stats"] = std::move(index_stats);
  return RestResponse::ok(std::move(body));
}

RestResponse leader_stats_response(ReplicationContext& ctx, DomainId leader) {
  Domain& domain = ctx.world.domain(leader);
  const sim_time_us now = ctx.now();
  domain.catch_up_writes(now);
  std::int64_t indices = 0;
  LeaderCounters total;
  json index_stats = json::object();
  auto found = ctx.leader_stats.find(leader);
  if (found != ctx.leader_stats.end()) {
    for (const auto& [name, shards] : found->second) {
      const Index* index = domain.find_index(name);
      if (index == nullptr) continue;
      LeaderCounters per_index;
      bool any = false;
      for (const auto& [n, s] : shards) {
        const bool active = s.last_fetch_us >= 0 && now - s.last_fetch_us <= kLeaderStatsActiveUs;
        if (!active || n >= index->number_of_shards() || !ctx.leases.any_on(leader, index->uuid(), n)) continue;
        any = true;
        per_index.operations_read += s.operations_read;
        per_index.bytes_read += s.bytes_read;
        per_index.read_time_ms += s.read_time_us / kUsPerMs;
        per_index.translog_size_bytes += std::min(index->shard(n).store_bytes(), kTranslogRetentionCapBytes);
      }
      if (!any) continue;
      ++indices;
      total += per_index;
      json st = json::object();
      per_index.write(st);
      index_stats[name] = std::move(st);
    }
  }
  json body = json::object();
  body["num_replicated_indices"] = indices;
  total.write(body);
  body["index_stats"] = std::move(index_stats);
  return RestResponse::ok(std::move(body));
}

}  // namespace ccrsim
