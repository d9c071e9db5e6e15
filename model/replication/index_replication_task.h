#pragma once
// One follower index's replication (IndexReplicationTask.kt): INIT -> RESTORING (bootstrap: the leader's store is
// copied shard by shard in recovery.chunk_size chunks, max_concurrent_file_chunks in flight per shard, as network
// transfers leader -> follower) -> INIT_FOLLOW (write block, shard tasks) -> FOLLOWING -> MONITORING (every 5 s:
// failed shard tasks -> auto-pause). A resume starts at INIT and goes straight to INIT_FOLLOW. Once monitoring, the
// metadata sync copies the leader's settings (minus the block-list, overlaid with the user's overrides) and aliases
// every metadata_sync_interval.
#include <cstdint>
#include <memory>
#include <vector>

#include "model/replication/replication_context.h"
#include "model/replication/replication_settings.h"
#include "model/replication/replication_state.h"
#include "model/replication/shard_replication_task.h"
#include "sim/event_queue.h"

namespace ccrsim {

// Bootstrap progress of one follower shard (the recovery stats _status prints).
struct ShardBootstrap {
  std::int64_t bytes_total = 0;
  std::int64_t bytes_requested = 0;
  std::int64_t bytes_recovered = 0;
  std::int64_t files_total = 0;  // one "file" per chunk: the simulator does not model segment files
  std::int64_t files_recovered = 0;
  std::int64_t snapshot_seq_no = -1;  // the safe commit's max seq_no: history up to here arrives with the store
  bool done = false;
  sim_time_us start_us = 0;
  sim_time_us end_us = -1;
};

class IndexReplicationTask final : public EventTarget {
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
  // While restoring: the restores of `shards` (primaries on lost follower nodes) start again from scratch on
  // another node at `reallocated_at_us` (kTimeNever: once the nodes are back), as a snapshot restore does when
  // its node leaves (RestoreService waits for the shard to be restored elsewhere; no failure is recorded).
  void restores_lost(const std::vector<int>& shards, sim_time_us reallocated_at_us);
  void restart_lost_shards_now();

  IndexTaskState state() const { return state_; }
  bool restore_in_progress() const { return state_ == IndexTaskState::kInit || state_ == IndexTaskState::kRestoring; }
  const std::vector<ShardBootstrap>& bootstrap() const { return bootstrap_; }
  const std::vector<std::unique_ptr<ShardReplicationTask>>& shard_tasks() const { return shard_tasks_; }

  void on_event(std::uint64_t arg) override;

 private:
  bool leader_reachable();
  enum class Kind : std::uint64_t {
    kChunkRequestArrives = 1,
    kChunkArrived,
    kChunkRetry,
    kMonitor,
    kMetadataSync,
    kStoreMetadataArrives,  // GetStoreMetadata reached the leader primary
    kStoreMetadataReturned,
    kStoreMetadataRetry,
    kChunkTimedOut,  // a restore request (store metadata or chunk) to an unreachable leader timed out
  };
  struct Chunk {
    bool busy = false;
    std::int64_t bytes = 0;
    int attempt = 0;
    sim_time_us sent_us = 0;  // when the current request left the follower
    EventHandle event;
    TransferId transfer;
  };

  std::uint64_t arg_for(Kind kind, int shard, int slot) const;
  void move_to(IndexTaskState next);
  void begin_restore();
  void create_follower_index(const Index& leader);
  // GetStoreMetadata (one round trip per shard, before any chunk): the leader takes a safe commit and the lease.
  void request_store_metadata(int shard);
  void on_store_metadata_arrives(int shard);
  void on_store_metadata_returned(int shard);
  void fill_chunks(int shard);
  void send_chunk_request(int shard, int slot);
  void on_chunk_request_arrives(int shard, int slot);
  void on_chunk_arrived(int shard, int slot, bool failed);
  void chunk_failed(int shard, int slot);
  bool leader_primary_unavailable(const Index& leader, int shard) const;
  // The leader is unreachable: a new request fails after the connect timeout, one in flight after the remote
  // request timeout counted from its sending (docs/faults.md). One timer each.
  void chunk_unreachable(int shard, int slot, bool in_flight);
  bool file_chunk_denied() const;
  void finish_shard_restore(int shard);
  bool follower_deleted() const;
  void fail_deleted_follower();
  void init_follow();
  void monitor();
  bool leader_deleted_with_delete_index() const;
  void sync_metadata();
  void schedule_metadata_sync();
  std::string auto_pause_reason() const;

  ReplicationContext& ctx_;
  ReplicationEntry& entry_;
  IndexTaskState state_ = IndexTaskState::kInit;
  std::uint32_t generation_ = 1;
  bool cancelled_ = false;
  ReplicationSettings settings_;
  std::vector<ShardBootstrap> bootstrap_;
  std::string follower_uuid_;  // of the index the restore writes into; a deleted (or recreated) one fails it
  std::vector<std::vector<Chunk>> chunks_;  // per shard, max_concurrent_file_chunks slots
  std::vector<std::unique_ptr<ShardReplicationTask>> shard_tasks_;
  EventHandle monitor_event_;
  EventHandle metadata_event_;
  std::uint64_t leader_generation_seen_ = 0;
  std::vector<std::uint8_t> restore_waiting_;     // per shard: its restore waits for the lost nodes to return
  std::vector<sim_time_us> shard_restart_at_us_;  // per shard: kTimeNever unless its task was lost with a node
  void restart_lost_shards(sim_time_us now_us);
};

}  // namespace ccrsim
