#include "model/replication/remote_restore.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/follower_metadata.h"
#include "model/replication/leader_connection.h"
#include "model/replication/retry_policy.h"
#include "model/security/access_control.h"
#include "sim/assert.h"

namespace ccrsim {

RemoteRestore::RemoteRestore(ReplicationContext& ctx, ReplicationEntry& entry, RemoteRestoreOwner& owner)
    : ctx_(ctx), entry_(entry), owner_(owner) {}

RemoteRestore::~RemoteRestore() {
  cancel();
}

// The leader can be asked: the alias still names an ACTIVE connection and the network path is up.
bool RemoteRestore::leader_reachable() const {
  return leader_alias_resolves(ctx_.world.connections(), entry_.follower_domain, entry_.leader_alias) &&
         ctx_.transport.reachable(entry_.follower_domain, entry_.leader_domain);
}

void RemoteRestore::cancel() {
  cancelled_ = true;
  ++generation_;
  for (auto& shard_chunks : chunks_) {
    for (Chunk& c : shard_chunks) {
      ctx_.sim().cancel(c.event);
      if (c.transfer.valid()) ctx_.transport.cancel_transfer(c.transfer);
      c.transfer = TransferId{};
    }
  }
}

void RemoteRestore::create_follower_index(const Index& leader) {
  Domain& follower_domain = ctx_.world.domain(entry_.follower_domain);
  int replicas = leader.number_of_replicas();
  json settings = follower_settings(leader, entry_.settings_overrides, "", replicas);
  Index& follower =
      follower_domain.create_index(entry_.follower_index, leader.number_of_shards(), replicas, ctx_.now());
  follower.settings() = std::move(settings);
  follower.mappings() = leader.mappings();
  for (const auto& [alias, definition] : leader.aliases()) {
    json def = definition;
    if (def.contains("is_write_index")) def["is_write_index"] = false;  // STRIP_WRITE_INDEX
    follower.aliases()[alias] = def;
  }
  follower.set_refresh_interval_us(leader.refresh_interval_us());
  follower.set_follower_of(entry_.leader_alias + ":" + entry_.leader_index);
  follower_uuid_ = follower.uuid();
}

void RemoteRestore::begin(const ReplicationSettings& settings) {
  settings_ = settings;
  Domain& leader_domain = ctx_.world.domain(entry_.leader_domain);
  leader_domain.catch_up_writes(ctx_.now());
  Index* leader = leader_domain.find_index(entry_.leader_index);
  CCRSIM_ASSERT(leader != nullptr);  // the start request validated it an instant ago
  leader->settings()["plugins.replication.translog.retention_lease.pruning.enabled"] = "true";
  leader->settings()["translog.generation_threshold_size"] = "32mb";
  create_follower_index(*leader);
  entry_.bootstrap_start_us = ctx_.now();
  entry_.bytes_bootstrapped = 0;
  const int shards = leader->number_of_shards();
  bootstrap_.assign(static_cast<std::size_t>(shards), ShardBootstrap{});
  chunks_.assign(static_cast<std::size_t>(shards),
                 std::vector<Chunk>(static_cast<std::size_t>(settings_.max_concurrent_file_chunks)));
  for (ShardBootstrap& b : bootstrap_) b.start_us = ctx_.now();
  restoring_ = true;
  owner_.restore_started();
  for (int s = 0; s < shards && !cancelled_; ++s) request_store_metadata(s);
}

// Slot 0 of the shard's chunk slots carries the metadata round trip: no chunk is in flight before it returns.
void RemoteRestore::request_store_metadata(int shard) {
  Chunk& c = chunk(shard, 0);
  c.sent_us = ctx_.now();
  if (!leader_reachable()) {
    chunk_unreachable(shard, 0, false);
    return;
  }
  const sim_time_us latency = ctx_.transport.message_latency_us(entry_.follower_domain, entry_.leader_domain);
  c.event = ctx_.sim().schedule_in(latency, this, arg_for(IndexTaskEvent::kStoreMetadataArrives, shard, 0));
}

void RemoteRestore::on_store_metadata_arrives(int shard) {
  Domain& leader_domain = ctx_.world.domain(entry_.leader_domain);
  leader_domain.catch_up_writes(ctx_.now());
  const Index* leader = leader_domain.find_index(entry_.leader_index);
  if (!leader_reachable()) {
    chunk_unreachable(shard, 0, true);
    return;
  }
  if (leader == nullptr || leader->uuid() != entry_.leader_index_uuid || leader_primary_unavailable(*leader, shard)) {
    chunk_failed(shard, 0);
    return;
  }
  // The safe commit holds everything written so far, and a RETAIN_ALL lease is added, not renewed during bootstrap.
  ShardBootstrap& b = bootstrap_[static_cast<std::size_t>(shard)];
  b.snapshot_seq_no = leader->shard(shard).max_seq_no();
  b.bytes_total = leader->shard(shard).store_bytes();
  b.files_total = (b.bytes_total + settings_.chunk_size_bytes - 1) / settings_.chunk_size_bytes;
  ctx_.leases.add(lease_key(entry_, shard), -1, ctx_.now());
  const sim_time_us latency = ctx_.transport.message_latency_us(entry_.leader_domain, entry_.follower_domain);
  chunk(shard, 0).event =
      ctx_.sim().schedule_in(latency, this, arg_for(IndexTaskEvent::kStoreMetadataReturned, shard, 0));
}

void RemoteRestore::on_store_metadata_returned(int shard) {
  chunk(shard, 0).attempt = 0;
  if (bootstrap_[static_cast<std::size_t>(shard)].bytes_total == 0) {
    finish_shard_restore(shard);  // an empty shard gets an empty store at once
    return;
  }
  fill_chunks(shard);
}

void RemoteRestore::fill_chunks(int shard) {
  ShardBootstrap& b = bootstrap_[static_cast<std::size_t>(shard)];
  auto& slots = chunks_[static_cast<std::size_t>(shard)];
  for (int slot = 0; slot < static_cast<int>(slots.size()) && b.bytes_requested < b.bytes_total; ++slot) {
    Chunk& c = slots[static_cast<std::size_t>(slot)];
    if (c.busy) continue;
    c.busy = true;
    c.bytes = std::min(settings_.chunk_size_bytes, b.bytes_total - b.bytes_requested);
    c.attempt = 0;
    b.bytes_requested += c.bytes;
    send_chunk_request(shard, slot);
  }
}

void RemoteRestore::send_chunk_request(int shard, int slot) {
  Chunk& c = chunk(shard, slot);
  c.sent_us = ctx_.now();
  if (!leader_reachable()) {
    chunk_unreachable(shard, slot, false);
    return;
  }
  const sim_time_us latency = ctx_.transport.message_latency_us(entry_.follower_domain, entry_.leader_domain);
  c.event = ctx_.sim().schedule_in(latency, this, arg_for(IndexTaskEvent::kChunkRequestArrives, shard, slot));
}

void RemoteRestore::on_chunk_request_arrives(int shard, int slot) {
  Chunk& c = chunk(shard, slot);
  const Index* leader = ctx_.world.domain(entry_.leader_domain).find_index(entry_.leader_index);
  if (!leader_reachable()) {
    chunk_unreachable(shard, slot, true);
    return;
  }
  if (leader == nullptr || leader->uuid() != entry_.leader_index_uuid || leader_primary_unavailable(*leader, shard) ||
      file_chunk_denied()) {
    chunk_failed(shard, slot);
    return;
  }
  c.transfer = ctx_.transport.start_transfer(entry_.leader_domain, entry_.follower_domain, c.bytes, this,
                                             arg_for(IndexTaskEvent::kChunkArrived, shard, slot));
}

// A chunk is read on the leader as leader_cluster_role, behind the leader's IAM policy (model/security). A denial
// fails the attempt like any other chunk failure; retries end in FAILED.
bool RemoteRestore::file_chunk_denied() const {
  const World& world = ctx_.world;
  return file_chunk_denial(world.domain(entry_.leader_domain), world.domain(entry_.follower_domain),
                           entry_.leader_index, entry_.leader_cluster_role)
      .has_value();
}

void RemoteRestore::chunk_failed(int shard, int slot) {
  Chunk& c = chunk(shard, slot);
  if (RetryPolicy::may_retry(c.attempt)) {
    const sim_time_us sleep = RetryPolicy::sleep_after(c.attempt);
    ++c.attempt;
    const bool metadata_phase = !c.busy;  // no chunk taken yet: the GetStoreMetadata round trip failed
    c.event = ctx_.sim().schedule_in(
        sleep, this,
        arg_for(metadata_phase ? IndexTaskEvent::kStoreMetadataRetry : IndexTaskEvent::kChunkRetry, shard, slot));
    return;
  }
  // The restore of this shard failed: the index task goes to FAILED with the shard's failure reason.
  owner_.restore_failed("[" + entry_.follower_index + "][" + std::to_string(shard) +
                        "] failed to restore from remote repository replication-remote-repo-" + entry_.leader_alias);
}

// The leader primary serving the restore is on a lost node and no replica took over yet: the request fails as
// shard-not-available and the retry helper tries again (10, 20, 40, 80 s); a leader without replicas whose node
// stays down longer fails the shard's restore, and with it the bootstrap.
bool RemoteRestore::leader_primary_unavailable(const Index& leader, int shard) const {
  return !ctx_.world.domain(entry_.leader_domain).primary_available(leader, shard, ctx_.now());
}

void RemoteRestore::chunk_unreachable(int shard, int slot, bool in_flight) {
  Chunk& c = chunk(shard, slot);
  const sim_time_us at = in_flight ? std::max(ctx_.now(), c.sent_us + RetryPolicy::kRequestTimeoutUs)
                                   : ctx_.now() + RetryPolicy::kConnectTimeoutUs;
  c.event = ctx_.sim().schedule_at(at, this, arg_for(IndexTaskEvent::kChunkTimedOut, shard, slot));
}

void RemoteRestore::on_chunk_arrived(int shard, int slot, bool failed) {
  Chunk& c = chunk(shard, slot);
  c.transfer = TransferId{};
  if (failed) {
    entry_.bytes_lost_in_flight += c.bytes;  // the chunk is requested again
    chunk_unreachable(shard, slot, true);
    return;
  }
  ShardBootstrap& b = bootstrap_[static_cast<std::size_t>(shard)];
  b.bytes_recovered += c.bytes;
  entry_.bytes_bootstrapped += c.bytes;
  ++b.files_recovered;
  c.busy = false;
  if (b.bytes_recovered >= b.bytes_total) {
    finish_shard_restore(shard);
    return;
  }
  fill_chunks(shard);
}

void RemoteRestore::finish_shard_restore(int shard) {
  ShardBootstrap& b = bootstrap_[static_cast<std::size_t>(shard)];
  b.done = true;
  b.end_us = ctx_.now();
  ctx_.probes.status_may_have_changed(entry_, ctx_.now());  // the first shard's end makes the status SYNCING
  b.files_recovered = b.files_total;
  Index* follower = ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index);
  const Index* leader = ctx_.world.domain(entry_.leader_domain).find_index(entry_.leader_index);
  if (follower != nullptr && leader != nullptr && b.snapshot_seq_no >= 0) {
    // The copied commit carries the history up to the snapshot; it is not "replicated" (no delivery samples).
    follower->apply_replicated(shard, *leader, 0, b.snapshot_seq_no, ctx_.now());
  }
  // The restored shard opens on the copied commit: its documents are searchable at once, not at the next refresh.
  if (follower != nullptr) follower->force_refresh(ctx_.now());
  const bool all_done =
      std::all_of(bootstrap_.begin(), bootstrap_.end(), [](const ShardBootstrap& x) { return x.done; });
  if (!all_done) return;
  entry_.bootstrap_end_us = ctx_.now();
  restoring_ = false;
  owner_.restore_finished();
}

// The follower index carries no replication block while it is restored, so a user may delete it. OpenSearch's
// RestoreService then marks the restore's shards failed with "index was deleted", and the task, seeing the restore
// fail, goes FAILED with that reason (fuzz finding regression-follower-deleted-while-restoring).
bool RemoteRestore::follower_deleted() const {
  const Index* follower = ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index);
  return follower == nullptr || follower->uuid() != follower_uuid_;
}

void RemoteRestore::restores_lost(const std::vector<int>& shards, sim_time_us reallocated_at_us) {
  restore_waiting_.resize(bootstrap_.size(), 0);
  for (int s : shards) {
    if (s < 0 || s >= static_cast<int>(bootstrap_.size())) continue;
    ShardBootstrap& b = bootstrap_[static_cast<std::size_t>(s)];
    if (b.done) continue;  // the restored primary opened its copy already (replicas recover it locally)
    // What the lost node had copied, and the chunks in flight to it, are fetched again.
    std::int64_t lost = b.bytes_recovered;
    for (Chunk& c : chunks_[static_cast<std::size_t>(s)]) {
      ctx_.sim().cancel(c.event);
      if (c.transfer.valid()) ctx_.transport.cancel_transfer(c.transfer);
      if (c.busy) lost += c.bytes;
      c = Chunk{};
    }
    entry_.bytes_lost_in_flight += lost;
    entry_.bytes_bootstrapped -= b.bytes_recovered;
    const sim_time_us start_us = b.start_us;
    b = ShardBootstrap{};
    b.start_us = start_us;
    if (reallocated_at_us == kTimeNever) {
      restore_waiting_[static_cast<std::size_t>(s)] = 1;
      continue;
    }
    chunk(s, 0).event =
        ctx_.sim().schedule_at(reallocated_at_us, this, arg_for(IndexTaskEvent::kStoreMetadataRetry, s, 0));
  }
}

void RemoteRestore::restart_waiting_now() {
  for (std::size_t s = 0; s < restore_waiting_.size() && restoring_ && !cancelled_; ++s) {
    if (restore_waiting_[s] == 0) continue;
    restore_waiting_[s] = 0;
    request_store_metadata(static_cast<int>(s));
  }
}

void RemoteRestore::on_event(std::uint64_t arg) {
  const bool transfer_failed = (arg & kTransferFailed) != 0;
  arg &= ~kTransferFailed;
  if (!IndexTaskEventArg::current(arg, generation_) || cancelled_) return;
  const int slot = IndexTaskEventArg::slot(arg);
  const int shard = IndexTaskEventArg::shard(arg);
  if (restoring_ && follower_deleted()) {
    owner_.restore_failed("index was deleted");
    return;
  }
  switch (IndexTaskEventArg::kind(arg)) {
    case IndexTaskEvent::kChunkRequestArrives:
      return on_chunk_request_arrives(shard, slot);
    case IndexTaskEvent::kChunkArrived:
      return on_chunk_arrived(shard, slot, transfer_failed);
    case IndexTaskEvent::kChunkRetry:
      return send_chunk_request(shard, slot);
    case IndexTaskEvent::kStoreMetadataArrives:
      return on_store_metadata_arrives(shard);
    case IndexTaskEvent::kStoreMetadataReturned:
      return on_store_metadata_returned(shard);
    case IndexTaskEvent::kStoreMetadataRetry:
      return request_store_metadata(shard);
    case IndexTaskEvent::kChunkTimedOut:
      return chunk_failed(shard, slot);
    case IndexTaskEvent::kMonitor:
    case IndexTaskEvent::kMetadataSync:
      return;  // the index task's own events
  }
}

}  // namespace ccrsim
