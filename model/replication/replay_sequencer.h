#pragma once
// The follower's in-order replay (TranslogSequencer.kt): fetched batches may arrive out of order; they are
// dispatched strictly in seq_no order (each must start at the dispatch high watermark + 1), with up to
// concurrent_writers_per_shard replays in flight. Replays may finish in any order; the shard's checkpoint only
// moves over a contiguous prefix of finished batches, which is what applied() hands back.
#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "model/replication/seq_range.h"

namespace ccrsim {

// The ranges one finished replay makes applicable: nearly always one, so they are kept inline rather than
// allocated once per replayed batch.
using ApplicableRanges = boost::container::small_vector<SeqRange, 4>;

class ReplaySequencer {
 public:
  explicit ReplaySequencer(std::int64_t applied_checkpoint)
      : dispatched_upto_(applied_checkpoint), applied_upto_(applied_checkpoint) {}

  // A non-empty fetched batch. Batches overlapping what is already buffered or dispatched are a bug.
  void add(SeqRange batch);
  // The next batch to replay if one is in order and a writer is free (then counted as in flight).
  std::optional<SeqRange> next_dispatch(int writers);
  // A replay finished; returns the ranges that became applicable, in order (possibly none).
  ApplicableRanges finished(SeqRange batch);

  // The batch continuing the dispatched prefix is buffered: a replay could start now if a writer were free.
  bool ready() const;
  int in_flight() const { return unfinished_; }  // a finished replay frees its writer at once
  std::int64_t applied_upto() const { return applied_upto_; }
  std::int64_t dispatched_upto() const { return dispatched_upto_; }
  std::size_t buffered() const { return buffered_.size(); }

 private:
  std::int64_t dispatched_upto_;
  std::int64_t applied_upto_;
  int unfinished_ = 0;
  struct Running {
    SeqRange batch;
    bool finished = false;
  };
  // Both hold a handful of batches (at most the readers' and the writers' counts), and one batch passes through
  // them per fetch round trip: small vectors scanned linearly cost less than node-based maps and never allocate
  // in a steady state.
  std::vector<SeqRange> buffered_;  // fetched, not yet dispatched; any order
  std::vector<Running> running_;    // dispatched, in dispatch (= seq_no) order
};

}  // namespace ccrsim
