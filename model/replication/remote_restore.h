#pragma once
// The bootstrap of a follower index (the plugin's remote restore through its replication-remote-repo): the
// follower index is created from the leader's metadata, then each leader shard's store is copied. A shard first
// asks GetStoreMetadata (one round trip: the leader takes a safe commit and a RETAIN_ALL lease), then fetches its
// store in recovery.chunk_size chunks, max_concurrent_file_chunks in flight, as network transfers leader ->
// follower. Failed requests are retried by the retry helper (RetryPolicy); a shard whose retries run out fails the
// restore. The index task (IndexReplicationTask) owns the restore and hears of its start, end and failure.
#include <cstdint>
#include <string>
#include <vector>

#include "model/replication/index_task_events.h"
#include "model/replication/replication_context.h"
#include "model/replication/replication_settings.h"
#include "sim/event_queue.h"

namespace ccrsim {

class Index;

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

// What the restore tells the index task that owns it.
class RemoteRestoreOwner {
 public:
  virtual ~RemoteRestoreOwner() = default;
  // The follower index exists and the shards' restores are about to begin (the task is RESTORING).
  virtual void restore_started() = 0;
  // Every shard is restored.
  virtual void restore_finished() = 0;
  // The restore failed for good with this reason (the follower index was deleted, or a shard's retries ran out).
  virtual void restore_failed(const std::string& reason) = 0;
};

class RemoteRestore final : public EventTarget {
 public:
  RemoteRestore(ReplicationContext& ctx, ReplicationEntry& entry, RemoteRestoreOwner& owner);
  ~RemoteRestore() override;
  RemoteRestore(const RemoteRestore&) = delete;
  RemoteRestore& operator=(const RemoteRestore&) = delete;

  // Creates the follower index and starts every shard's restore (the start request validated the leader).
  void begin(const ReplicationSettings& settings);
  void cancel();

  // The restores of `shards` (primaries on lost follower nodes) start again from scratch on another node at
  // `reallocated_at_us` (kTimeNever: once the nodes are back), as a snapshot restore does when its node leaves
  // (RestoreService waits for the shard to be restored elsewhere; no failure is recorded).
  void restores_lost(const std::vector<int>& shards, sim_time_us reallocated_at_us);
  // The lost nodes are back: the restores waiting for them start again now.
  void restart_waiting_now();

  const std::vector<ShardBootstrap>& bootstrap() const { return bootstrap_; }

  void on_event(std::uint64_t arg) override;

 private:
  struct Chunk {
    bool busy = false;
    std::int64_t bytes = 0;
    int attempt = 0;
    sim_time_us sent_us = 0;  // when the current request left the follower
    EventHandle event;
    TransferId transfer;
  };

  std::uint64_t arg_for(IndexTaskEvent kind, int shard, int slot) const {
    return IndexTaskEventArg::pack(kind, shard, slot, generation_);
  }
  Chunk& chunk(int shard, int slot) { return chunks_[static_cast<std::size_t>(shard)][static_cast<std::size_t>(slot)]; }
  bool leader_reachable() const;
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

  ReplicationContext& ctx_;
  ReplicationEntry& entry_;
  RemoteRestoreOwner& owner_;
  ReplicationSettings settings_;
  std::uint32_t generation_ = 1;
  bool cancelled_ = false;
  bool restoring_ = false;  // from the start of the shards' restores until every shard is restored
  std::vector<ShardBootstrap> bootstrap_;
  std::string follower_uuid_;  // of the index the restore writes into; a deleted (or recreated) one fails it
  std::vector<std::vector<Chunk>> chunks_;     // per shard, max_concurrent_file_chunks slots
  std::vector<std::uint8_t> restore_waiting_;  // per shard: its restore waits for the lost nodes to return
};

}  // namespace ccrsim
