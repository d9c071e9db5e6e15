#pragma once
// The shard task's range tracker (ShardReplicationChangesTracker.kt): hands out disjoint, contiguous ranges of
// seq_nos to the readers, re-queues failed or short ranges with priority, and holds readers back once everything
// the leader is known to have has been requested, so that only one reader long-polls an idle shard.
#include <cstdint>
#include <deque>
#include <optional>

#include "model/replication/seq_range.h"

namespace ccrsim {

class ChangesTracker {
 public:
  // Starts after the follower's checkpoint; the leader's checkpoint is assumed equal until a response says more.
  explicit ChangesTracker(std::int64_t follower_checkpoint)
      : already_requested_(follower_checkpoint), leader_checkpoint_(follower_checkpoint) {}

  // The next range to fetch, or nullopt when the reader must wait (poll_interval) for a response to land.
  std::optional<SeqRange> request_batch(std::int64_t batch_size);
  // A response for `requested` arrived carrying ops up to `received_to` (requested.from - 1 when empty).
  void batch_fetched(SeqRange requested, std::int64_t received_to, std::int64_t leader_checkpoint);
  // The fetch of `requested` failed.
  void batch_failed(SeqRange requested);

  // Whether request_batch() would hand out a range now.
  bool has_work() const { return !missing_.empty() || already_requested_ <= leader_checkpoint_; }
  std::int64_t already_requested() const { return already_requested_; }
  std::int64_t leader_checkpoint() const { return leader_checkpoint_; }
  std::size_t missing_count() const { return missing_.size(); }

 private:
  std::int64_t already_requested_;
  std::int64_t leader_checkpoint_;
  std::deque<SeqRange> missing_;
};

}  // namespace ccrsim
