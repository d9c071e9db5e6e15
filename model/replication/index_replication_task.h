#pragma once
// One follower index's replication (IndexReplicationTask.kt): INIT -> RESTORING (the bootstrap, RemoteRestore) ->
// INIT_FOLLOW (write block, shard tasks) -> FOLLOWING -> MONITORING (every 5 s: failed shard tasks -> auto-pause).
// A resume starts at INIT and goes straight to INIT_FOLLOW. Once monitoring, the metadata sync copies the leader's
// settings (minus the block-list, overlaid with the user's overrides) and aliases every metadata_sync_interval.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/replication/index_task_events.h"
#include "model/replication/remote_restore.h"
#include "model/replication/replication_context.h"
#include "model/replication/replication_settings.h"
#include "model/replication/replication_state.h"
#include "model/replication/shard_replication_task.h"
#include "sim/event_queue.h"

namespace ccrsim {

class IndexReplicationTask final : public EventTarget, private RemoteRestoreOwner {
 public:
  static constexpr sim_time_us kMonitorIntervalUs = 5 * kUsPerS;

  IndexReplicationTask(ReplicationContext& ctx, ReplicationEntry& entry);
  ~IndexReplicationTask() override;

  // INIT: a follower index that already exists (resume) goes to INIT_FOLLOW, otherwise the restore starts.
  void start();
  void cancel();
  // The leader index may have changed outside the writers' schedule: shard tasks re-check their long polls.
  void poke_shards();

  // Node loss (faults): the shard tasks of `shards` stop now; the monitoring loop starts them again at its first
  // pass at or after `restart_at_us` (kTimeNever: only after restart_lost_shards_now).
  void shards_lost(const std::vector<int>& shards, sim_time_us restart_at_us);
  // While restoring: the restores of `shards` start again elsewhere (RemoteRestore::restores_lost).
  void restores_lost(const std::vector<int>& shards, sim_time_us reallocated_at_us);
  void restart_lost_shards_now();

  IndexTaskState state() const { return state_; }
  bool restore_in_progress() const { return state_ == IndexTaskState::kInit || state_ == IndexTaskState::kRestoring; }
  const std::vector<ShardBootstrap>& bootstrap() const { return restore_.bootstrap(); }
  const std::vector<std::unique_ptr<ShardReplicationTask>>& shard_tasks() const { return shard_tasks_; }

  void on_event(std::uint64_t arg) override;

 private:
  // RemoteRestoreOwner
  void restore_started() override;
  void restore_finished() override;
  void restore_failed(const std::string& reason) override;

  std::uint64_t arg_for(IndexTaskEvent kind) const { return IndexTaskEventArg::pack(kind, 0, 0, generation_); }
  bool leader_reachable();
  void move_to(IndexTaskState next);
  void init_follow();
  void monitor();
  bool leader_deleted_with_delete_index() const;
  void sync_metadata();
  void schedule_metadata_sync();
  std::string auto_pause_reason() const;
  void restart_lost_shards(sim_time_us now_us);

  ReplicationContext& ctx_;
  ReplicationEntry& entry_;
  IndexTaskState state_ = IndexTaskState::kInit;
  std::uint32_t generation_ = 1;
  bool cancelled_ = false;
  ReplicationSettings settings_;
  RemoteRestore restore_;
  std::vector<std::unique_ptr<ShardReplicationTask>> shard_tasks_;
  EventHandle monitor_event_;
  EventHandle metadata_event_;
  std::uint64_t leader_generation_seen_ = 0;
  std::vector<sim_time_us> shard_restart_at_us_;  // per shard: kTimeNever unless its task was lost with a node
};

}  // namespace ccrsim
