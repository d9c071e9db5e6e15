#include "model/replication/index_replication_task.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/follower_metadata.h"
#include "model/replication/leader_connection.h"
#include "scenario/engine_versions.h"
#include "sim/assert.h"

namespace ccrsim {

IndexReplicationTask::IndexReplicationTask(ReplicationContext& ctx, ReplicationEntry& entry)
    : ctx_(ctx), entry_(entry), restore_(ctx, entry, *this) {}

IndexReplicationTask::~IndexReplicationTask() {
  cancel();
}

// The leader can be asked: the alias still names an ACTIVE connection and the network path is up.
bool IndexReplicationTask::leader_reachable() {
  return leader_alias_resolves(ctx_.world.connections(), entry_.follower_domain, entry_.leader_alias) &&
         ctx_.transport.reachable(entry_.follower_domain, entry_.leader_domain);
}

void IndexReplicationTask::move_to(IndexTaskState next) {
  CCRSIM_ASSERT(legal_task_transition(state_, next));
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
  restore_.begin(settings_);
}

void IndexReplicationTask::cancel() {
  cancelled_ = true;
  ++generation_;
  ctx_.sim().cancel(monitor_event_);
  ctx_.sim().cancel(metadata_event_);
  restore_.cancel();
  for (auto& task : shard_tasks_) task->cancel();
}

void IndexReplicationTask::restore_started() {
  move_to(IndexTaskState::kRestoring);
}

void IndexReplicationTask::restore_finished() {
  move_to(IndexTaskState::kInitFollow);
  init_follow();
}

void IndexReplicationTask::restore_failed(const std::string& reason) {
  cancel();
  move_to(IndexTaskState::kFailed);
  ctx_.control.fail(entry_, reason);
}

void IndexReplicationTask::init_follow() {
  Index* follower = ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index);
  CCRSIM_ASSERT(follower != nullptr);
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
  monitor_event_ = ctx_.sim().schedule_in(kMonitorIntervalUs, this, arg_for(IndexTaskEvent::kMonitor));
  schedule_metadata_sync();
}

void IndexReplicationTask::schedule_metadata_sync() {
  const sim_time_us interval =
      resolve_replication_settings(ctx_.world.domain(entry_.follower_domain)).metadata_sync_interval_us;
  metadata_event_ = ctx_.sim().schedule_in(interval, this, arg_for(IndexTaskEvent::kMetadataSync));
}

void IndexReplicationTask::sync_metadata() {
  schedule_metadata_sync();
  if (!leader_reachable()) return;  // errors are only logged
  const Index* leader = ctx_.world.domain(entry_.leader_domain).find_index(entry_.leader_index);
  Index* follower = ctx_.world.domain(entry_.follower_domain).find_index(entry_.follower_index);
  if (leader == nullptr || follower == nullptr || leader->uuid() != entry_.leader_index_uuid) return;
  sync_follower_metadata(*leader, *follower, entry_.settings_overrides);
}

std::string IndexReplicationTask::auto_pause_reason() const {
  const EngineVersion version =
      engine_version_or_default(ctx_.world.domain(entry_.follower_domain).spec().engine_version);
  std::string reason = version.opensearch_at_least(2, 8) ? "AutoPaused:  + " : "AutoPaused: ";
  for (const auto& task : shard_tasks_) {
    if (!task->failed()) continue;
    reason += "[[" + entry_.follower_index + "][" + std::to_string(task->shard()) + "] - " +
              task->failure_class_name() + " - \"" + task->failure_message() + "\"], ";
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
    return t->failed() && t->failure_class() == ShardFailureClass::kIndexNotFound && t->failure_message() == missing;
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
  restore_.restores_lost(shards, reallocated_at_us);
}

void IndexReplicationTask::restart_lost_shards_now() {
  if (state_ == IndexTaskState::kRestoring && !cancelled_) restore_.restart_waiting_now();
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
  monitor_event_ = ctx_.sim().schedule_in(kMonitorIntervalUs, this, arg_for(IndexTaskEvent::kMonitor));
}

// The restore's events go to the restore; the task has the monitoring pass and the metadata sync.
void IndexReplicationTask::on_event(std::uint64_t arg) {
  if (!IndexTaskEventArg::current(arg, generation_) || cancelled_) return;
  switch (IndexTaskEventArg::kind(arg)) {
    case IndexTaskEvent::kMonitor:
      return monitor();
    case IndexTaskEvent::kMetadataSync:
      return sync_metadata();
    default:
      return;
  }
}

}  // namespace ccrsim
