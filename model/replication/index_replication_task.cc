#include "model/replication/index_replication_task.h"

#include <algorithm>
#include <cassert>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/leader_connection.h"
#include "model/security/access_control.h"
#include "scenario/engine_versions.h"

namespace ccrsim {

namespace {
constexpr std::uint64_t kKindMask = 0xF;
constexpr int kSlotShift = 4;
constexpr std::uint64_t kSlotMask = 0xFF;
constexpr int kShardShift = 12;
constexpr std::uint64_t kShardMask = 0xFFFF;
constexpr int kGenerationShift = 28;
constexpr std::uint64_t kGenerationMask = 0xFFFFFFFFULL;
constexpr int kChunkAttempts = 5;
constexpr sim_time_us kFirstChunkRetryUs = 10 * kUsPerS;
constexpr sim_time_us kConnectTimeoutUs = ShardReplicationTask::kConnectTimeoutUs;
constexpr sim_time_us kRemoteRequestTimeoutUs = 60 * kUsPerS;  // the plugin's remote-repo request timeout

// Leader settings the metadata sync never copies (facts §6); the restore leaves them out as well.
bool block_listed(const std::string& key) {
  static const char* const kKeys[] = {
      "plugins.replication.translog.retention_lease.pruning.enabled",
      "blocks.read_only",
      "blocks.read",
      "blocks.write",
      "blocks.metadata",
      "blocks.read_only_allow_delete",
      "routing.rebalance.enable",
      "routing.allocation.enable",
      "soft_deletes.retention_lease.period",
      "write.wait_for_active_shards",
  };
  for (const char* k : kKeys) {
    if (key == k) return true;
  }
  return false;
}

std::string strip_index_prefix(const std::string& key) {
  return key.rfind("index.", 0) == 0 ? key.substr(6) : key;
}
}  // namespace

IndexReplicationTask::IndexReplicationTask(ReplicationContext& ctx, ReplicationEntry& entry)
    : ctx_(ctx), entry_(entry) {}

IndexReplicationTask::~IndexReplicationTask() {
  cancel();
}

std::uint64_t IndexReplicationTask::arg_for(Kind kind, int shard, int slot) const {
  return (static_cast<std::uint64_t>(generation_) << kGenerationShift) |
         (static_cast<std::uint64_t>(shard) << kShardShift) | (static_cast<std::uint64_t>(slot) << kSlotShift) |
         static_cast<std::uint64_t>(kind);
}

// The leader can be asked: the alias still names an ACTIVE connection and the network path is up.
bool IndexReplicationTask::leader_reachable() {
  return leader_alias_resolves(ctx_.world.connections(), entry_.follower_domain, entry_.leader_alias) &&
         ctx_.transport.reachable(entry_.follower_domain, entry_.leader_domain);
}

void IndexReplicationTask::move_to(IndexTaskState next) {
  assert(legal_task_transition(state_, next));
  if (ctx_.world.trace().enabled()) {
    ctx_.world.trace().log(ctx_.now(), "replication",
                           ctx_.world.domain(entry_.follower_domain).name() + "/" + entry_.follower_index + " task " +
                               to_string(state_) + " -> " + to_string(next));
  }
  state_ = next;
  ctx_.sim().mix_fingerprint(0x5245504cULL ^ (static_cast<std::uint64_t>(entry_.id) << 8) ^
                             static_cast<std::uint64_t>(next));
  ctx_.control.task_state_changed(entry_);
}

void IndexReplicationTask::start() {
  settings_ = resolve_replication_settings(ctx_.world.domain(entry_.follower_domain));
  if (ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index) != nullptr) {
    move_to(IndexTaskState::kInitFollow);
    init_follow();
    return;
  }
  begin_restore();
}

void IndexReplicationTask::cancel() {
  cancelled_ = true;
  ++generation_;
  ctx_.sim().cancel(monitor_event_);
  ctx_.sim().cancel(metadata_event_);
  for (auto& shard_chunks : chunks_) {
    for (Chunk& c : shard_chunks) {
      ctx_.sim().cancel(c.event);
      if (c.transfer.valid()) ctx_.transport.cancel_transfer(c.transfer);
      c.transfer = TransferId{};
    }
  }
  for (auto& task : shard_tasks_) task->cancel();
}

void IndexReplicationTask::create_follower_index(const Index& leader) {
  Domain& follower_domain = ctx_.world.domain(entry_.follower_domain);
  int replicas = leader.number_of_replicas();
  json settings = json::object();
  for (const auto& [key, value] : leader.settings().items()) {
    if (!block_listed(key)) settings[key] = value;
  }
  for (const auto& [key, value] : entry_.settings_overrides.items()) {
    const std::string k = strip_index_prefix(key);
    if (k == "number_of_replicas") {
      if (auto n = parse_integer(value)) replicas = static_cast<int>(*n);
      continue;
    }
    if (k == "number_of_shards") continue;  // the follower always has the leader's primaries
    settings[k] = value.is_string() ? value : json(value.dump());
  }
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

void IndexReplicationTask::begin_restore() {
  Domain& leader_domain = ctx_.world.domain(entry_.leader_domain);
  leader_domain.catch_up_writes(ctx_.now());
  Index* leader = leader_domain.find_index(entry_.leader_index);
  assert(leader != nullptr);  // the start request validated it an instant ago
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
  move_to(IndexTaskState::kRestoring);
  for (int s = 0; s < shards && !cancelled_; ++s) request_store_metadata(s);
}

// Slot 0 of the shard's chunk slots carries the metadata round trip: no chunk is in flight before it returns.
void IndexReplicationTask::request_store_metadata(int shard) {
  Chunk& c = chunks_[static_cast<std::size_t>(shard)][0];
  c.sent_us = ctx_.now();
  if (!leader_reachable()) {
    chunk_unreachable(shard, 0, false);
    return;
  }
  const sim_time_us latency = ctx_.transport.message_latency_us(entry_.follower_domain, entry_.leader_domain);
  c.event = ctx_.sim().schedule_in(latency, this, arg_for(Kind::kStoreMetadataArrives, shard, 0));
}

void IndexReplicationTask::on_store_metadata_arrives(int shard) {
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
  chunks_[static_cast<std::size_t>(shard)][0].event =
      ctx_.sim().schedule_in(latency, this, arg_for(Kind::kStoreMetadataReturned, shard, 0));
}

void IndexReplicationTask::on_store_metadata_returned(int shard) {
  chunks_[static_cast<std::size_t>(shard)][0].attempt = 0;
  if (bootstrap_[static_cast<std::size_t>(shard)].bytes_total == 0) {
    finish_shard_restore(shard);  // an empty shard gets an empty store at once
    return;
  }
  fill_chunks(shard);
}

void IndexReplicationTask::fill_chunks(int shard) {
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

void IndexReplicationTask::send_chunk_request(int shard, int slot) {
  Chunk& c = chunks_[static_cast<std::size_t>(shard)][static_cast<std::size_t>(slot)];
  c.sent_us = ctx_.now();
  if (!leader_reachable()) {
    chunk_unreachable(shard, slot, false);
    return;
  }
  const sim_time_us latency = ctx_.transport.message_latency_us(entry_.follower_domain, entry_.leader_domain);
  c.event = ctx_.sim().schedule_in(latency, this, arg_for(Kind::kChunkRequestArrives, shard, slot));
}

void IndexReplicationTask::on_chunk_request_arrives(int shard, int slot) {
  Chunk& c = chunks_[static_cast<std::size_t>(shard)][static_cast<std::size_t>(slot)];
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
                                             arg_for(Kind::kChunkArrived, shard, slot));
}

// A chunk is read on the leader as leader_cluster_role, behind the leader's IAM policy (model/security). A denial
// fails the attempt like any other chunk failure; retries end in FAILED.
bool IndexReplicationTask::file_chunk_denied() const {
  const World& world = ctx_.world;
  return file_chunk_denial(world.domain(entry_.leader_domain), world.domain(entry_.follower_domain),
                           entry_.leader_index, entry_.leader_cluster_role)
      .has_value();
}

void IndexReplicationTask::chunk_failed(int shard, int slot) {
  Chunk& c = chunks_[static_cast<std::size_t>(shard)][static_cast<std::size_t>(slot)];
  if (c.attempt + 1 < kChunkAttempts) {
    const sim_time_us sleep = kFirstChunkRetryUs << c.attempt;
    ++c.attempt;
    const bool metadata_phase = !c.busy;  // no chunk taken yet: the GetStoreMetadata round trip failed
    c.event = ctx_.sim().schedule_in(
        sleep, this, arg_for(metadata_phase ? Kind::kStoreMetadataRetry : Kind::kChunkRetry, shard, slot));
    return;
  }
  // The restore of this shard failed: the index task goes to FAILED with the shard's failure reason.
  const std::string reason = "[" + entry_.follower_index + "][" + std::to_string(shard) +
                             "] failed to restore from remote repository replication-remote-repo-" +
                             entry_.leader_alias;
  cancel();
  move_to(IndexTaskState::kFailed);
  ctx_.control.fail(entry_, reason);
}

// The leader primary serving the restore is on a lost node and no replica took over yet: the request fails as
// shard-not-available and the retry helper tries again (10, 20, 40, 80 s); a leader without replicas whose node
// stays down longer fails the shard's restore, and with it the bootstrap.
bool IndexReplicationTask::leader_primary_unavailable(const Index& leader, int shard) const {
  return !ctx_.world.domain(entry_.leader_domain).primary_available(leader, shard, ctx_.now());
}

void IndexReplicationTask::chunk_unreachable(int shard, int slot, bool in_flight) {
  Chunk& c = chunks_[static_cast<std::size_t>(shard)][static_cast<std::size_t>(slot)];
  const sim_time_us at =
      in_flight ? std::max(ctx_.now(), c.sent_us + kRemoteRequestTimeoutUs) : ctx_.now() + kConnectTimeoutUs;
  c.event = ctx_.sim().schedule_at(at, this, arg_for(Kind::kChunkTimedOut, shard, slot));
}

void IndexReplicationTask::on_chunk_arrived(int shard, int slot, bool failed) {
  Chunk& c = chunks_[static_cast<std::size_t>(shard)][static_cast<std::size_t>(slot)];
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

void IndexReplicationTask::finish_shard_restore(int shard) {
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
  move_to(IndexTaskState::kInitFollow);
  init_follow();
}

// The follower index carries no replication block while it is restored, so a user may delete it. OpenSearch's
// RestoreService then marks the restore's shards failed with "index was deleted", and the task, seeing the restore
// fail, goes FAILED with that reason (fuzz finding regression-follower-deleted-while-restoring).
bool IndexReplicationTask::follower_deleted() const {
  const Index* follower = ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index);
  return follower == nullptr || follower->uuid() != follower_uuid_;
}

void IndexReplicationTask::fail_deleted_follower() {
  cancel();
  move_to(IndexTaskState::kFailed);
  ctx_.control.fail(entry_, "index was deleted");
}

void IndexReplicationTask::init_follow() {
  Index* follower = ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index);
  assert(follower != nullptr);
  follower->set_replication_block(true);
  const Index* leader = ctx_.world.domain(entry_.leader_domain).find_index(entry_.leader_index);
  leader_generation_seen_ = leader != nullptr ? leader->generation() : 0;
  shard_tasks_.clear();
  for (int s = 0; s < follower->number_of_shards(); ++s) {
    shard_tasks_.push_back(std::make_unique<ShardReplicationTask>(ctx_, entry_, s));
  }
  move_to(IndexTaskState::kFollowing);
  for (auto& task : shard_tasks_) {
    if (cancelled_) return;
    task->start();
  }
  if (cancelled_) return;
  move_to(IndexTaskState::kMonitoring);
  monitor_event_ = ctx_.sim().schedule_in(kMonitorIntervalUs, this, arg_for(Kind::kMonitor, 0, 0));
  schedule_metadata_sync();
}

void IndexReplicationTask::schedule_metadata_sync() {
  const sim_time_us interval =
      resolve_replication_settings(ctx_.world.domain(entry_.follower_domain)).metadata_sync_interval_us;
  metadata_event_ = ctx_.sim().schedule_in(interval, this, arg_for(Kind::kMetadataSync, 0, 0));
}

void IndexReplicationTask::sync_metadata() {
  schedule_metadata_sync();
  if (!leader_reachable()) return;  // errors are only logged
  const Index* leader = ctx_.world.domain(entry_.leader_domain).find_index(entry_.leader_index);
  Index* follower = ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index);
  if (leader == nullptr || follower == nullptr || leader->uuid() != entry_.leader_index_uuid) return;
  // Settings: the leader's (minus the block-list) overlaid with the overrides; follower keys not desired go away.
  json desired = json::object();
  for (const auto& [key, value] : leader->settings().items()) {
    if (!block_listed(key) && key != "translog.generation_threshold_size") desired[key] = value;
  }
  int replicas = leader->number_of_replicas();
  for (const auto& [key, value] : entry_.settings_overrides.items()) {
    const std::string k = strip_index_prefix(key);
    if (k == "number_of_replicas") {
      if (auto n = parse_integer(value)) replicas = static_cast<int>(*n);
      continue;
    }
    if (k == "number_of_shards") continue;
    desired[k] = value.is_string() ? value : json(value.dump());
  }
  // An auto-expanding follower keeps its own replica count (#1661).
  if (!follower->settings().contains("auto_expand_replicas")) follower->set_number_of_replicas(replicas);
  follower->settings() = std::move(desired);
  // Aliases: mirrored, with the write flag stored as false.
  follower->aliases().clear();
  for (const auto& [alias, definition] : leader->aliases()) {
    json def = definition;
    if (def.contains("is_write_index")) def["is_write_index"] = false;
    follower->aliases()[alias] = def;
  }
  // Mappings: the full leader mapping is put when an existing follower property differs from the leader's.
  const json& lp = leader->mappings().contains("properties") ? leader->mappings()["properties"] : json::object();
  const json& fp = follower->mappings().contains("properties") ? follower->mappings()["properties"] : json::object();
  bool differs = false;
  for (const auto& [name, def] : fp.items()) differs = differs || (lp.contains(name) && lp[name] != def);
  if (differs) follower->mappings() = leader->mappings();
}

std::string IndexReplicationTask::auto_pause_reason() const {
  const EngineVersion version =
      engine_version_or_default(ctx_.world.domain(entry_.follower_domain).spec().engine_version);
  std::string reason = version.opensearch_at_least(2, 8) ? "AutoPaused:  + " : "AutoPaused: ";
  for (const auto& task : shard_tasks_) {
    if (!task->failed()) continue;
    reason += "[[" + entry_.follower_index + "][" + std::to_string(task->shard()) + "] - " + task->failure_class() +
              " - \"" + task->failure_message() + "\"], ";
  }
  return reason;
}

void IndexReplicationTask::poke_shards() {
  for (auto& task : shard_tasks_) task->poke();
}

bool IndexReplicationTask::leader_deleted_with_delete_index() const {
  const Domain& follower_domain = ctx_.world.domain(entry_.follower_domain);
  const EngineVersion version = engine_version_or_default(follower_domain.spec().engine_version);
  if (!version.opensearch_at_least(3, 3)) return false;  // the setting exists from 3.3 on
  if (!resolve_replication_settings(follower_domain).replicate_delete_index) return false;
  const std::string missing = "no such index [" + entry_.leader_index + "]";
  return std::any_of(shard_tasks_.begin(), shard_tasks_.end(), [&](const auto& t) {
    return t->failed() && t->failure_class() == "org.opensearch.index.IndexNotFoundException" &&
           t->failure_message() == missing;
  });
}

void IndexReplicationTask::shards_lost(const std::vector<int>& shards, sim_time_us restart_at_us) {
  if (shard_tasks_.empty()) return;  // still bootstrapping: the restore's own retries deal with the lost node
  shard_restart_at_us_.resize(shard_tasks_.size(), kTimeNever);
  for (int s : shards) {
    if (s < 0 || s >= static_cast<int>(shard_tasks_.size())) continue;
    shard_tasks_[static_cast<std::size_t>(s)]->cancel();
    shard_restart_at_us_[static_cast<std::size_t>(s)] = restart_at_us;
  }
}

void IndexReplicationTask::restores_lost(const std::vector<int>& shards, sim_time_us reallocated_at_us) {
  if (state_ != IndexTaskState::kRestoring) return;
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
    chunks_[static_cast<std::size_t>(s)][0].event =
        ctx_.sim().schedule_at(reallocated_at_us, this, arg_for(Kind::kStoreMetadataRetry, s, 0));
  }
}

void IndexReplicationTask::restart_lost_shards_now() {
  for (std::size_t s = 0; s < restore_waiting_.size() && state_ == IndexTaskState::kRestoring && !cancelled_; ++s) {
    if (restore_waiting_[s] == 0) continue;
    restore_waiting_[s] = 0;
    request_store_metadata(static_cast<int>(s));
  }
  for (sim_time_us& at : shard_restart_at_us_) at = std::min(at, ctx_.now());
  restart_lost_shards(ctx_.now());
}

// A lost shard task starts again from the follower shard's checkpoint (the promoted copy has every replayed
// operation), so nothing is skipped or applied twice; its in-memory stats start from zero, as on a new node.
void IndexReplicationTask::restart_lost_shards(sim_time_us now_us) {
  for (std::size_t s = 0; s < shard_restart_at_us_.size() && !cancelled_; ++s) {
    if (shard_restart_at_us_[s] > now_us) continue;
    shard_restart_at_us_[s] = kTimeNever;
    shard_tasks_[s] = std::make_unique<ShardReplicationTask>(ctx_, entry_, static_cast<int>(s));
    shard_tasks_[s]->start();
  }
}

void IndexReplicationTask::monitor() {
  restart_lost_shards(ctx_.now());
  if (cancelled_) return;
  const bool any_failed =
      std::any_of(shard_tasks_.begin(), shard_tasks_.end(), [](const auto& t) { return t->failed(); });
  if (any_failed && leader_deleted_with_delete_index()) {
    move_to(IndexTaskState::kCompleted);
    ctx_.control.complete_after_leader_deleted(entry_);  // cancels this task
    return;
  }
  if (any_failed) {
    ctx_.control.auto_pause(entry_, auto_pause_reason());  // cancels this task
    return;
  }
  // The leader changed outside the writers' schedule (explicit write, close, delete): long polls look again.
  const Index* leader = ctx_.world.domain(entry_.leader_domain).find_index(entry_.leader_index);
  const bool changed = leader == nullptr || leader->closed() || leader->uuid() != entry_.leader_index_uuid ||
                       leader->generation() != leader_generation_seen_;
  if (changed) {
    if (leader != nullptr) leader_generation_seen_ = leader->generation();
    poke_shards();
  }
  if (cancelled_) return;
  monitor_event_ = ctx_.sim().schedule_in(kMonitorIntervalUs, this, arg_for(Kind::kMonitor, 0, 0));
}

void IndexReplicationTask::on_event(std::uint64_t arg) {
  const bool transfer_failed = (arg & kTransferFailed) != 0;
  arg &= ~kTransferFailed;
  if (((arg >> kGenerationShift) & kGenerationMask) != (generation_ & kGenerationMask) || cancelled_) return;
  const auto kind = static_cast<Kind>(arg & kKindMask);
  const int slot = static_cast<int>((arg >> kSlotShift) & kSlotMask);
  const int shard = static_cast<int>((arg >> kShardShift) & kShardMask);
  if (state_ == IndexTaskState::kRestoring && follower_deleted()) {
    fail_deleted_follower();
    return;
  }
  switch (kind) {
    case Kind::kChunkRequestArrives:
      on_chunk_request_arrives(shard, slot);
      break;
    case Kind::kChunkArrived:
      on_chunk_arrived(shard, slot, transfer_failed);
      break;
    case Kind::kChunkRetry:
      send_chunk_request(shard, slot);
      break;
    case Kind::kMonitor:
      monitor();
      break;
    case Kind::kMetadataSync:
      sync_metadata();
      break;
    case Kind::kStoreMetadataArrives:
      on_store_metadata_arrives(shard);
      break;
    case Kind::kStoreMetadataReturned:
      on_store_metadata_returned(shard);
      break;
    case Kind::kStoreMetadataRetry:
      request_store_metadata(shard);
      break;
    case Kind::kChunkTimedOut:
      chunk_failed(shard, slot);
      break;
  }
}

}  // namespace ccrsim
