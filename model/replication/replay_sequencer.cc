#include "model/replication/replay_sequencer.h"

#include <cassert>

namespace ccrsim {

void ReplaySequencer::add(SeqRange batch) {
  assert(!batch.empty());
  assert(batch.from > dispatched_upto_);
  [[maybe_unused]] const bool inserted = buffered_.emplace(batch.from, batch).second;
  assert(inserted);
}

std::optional<SeqRange> ReplaySequencer::next_dispatch(int writers) {
  if (in_flight() >= writers) return std::nullopt;
  auto it = buffered_.find(dispatched_upto_ + 1);
  if (it == buffered_.end()) return std::nullopt;
  const SeqRange batch = it->second;
  buffered_.erase(it);
  dispatched_upto_ = batch.to;
  running_[batch.from] = false;
  ++unfinished_;
  running_range_[batch.from] = batch;
  return batch;
}

std::vector<SeqRange> ReplaySequencer::finished(SeqRange batch) {
  auto it = running_.find(batch.from);
  assert(it != running_.end());
  assert(!it->second);
  it->second = true;
  --unfinished_;
  std::vector<SeqRange> out;
  // Running batches are contiguous from applied_upto_ + 1 (dispatch is in order), so the finished prefix applies.
  while (!running_.empty() && running_.begin()->second) {
    const SeqRange r = running_range_.at(running_.begin()->first);
    assert(r.from == applied_upto_ + 1);
    applied_upto_ = r.to;
    out.push_back(r);
    running_range_.erase(running_.begin()->first);
    running_.erase(running_.begin());
  }
  return out;
}

}  // namespace ccrsim
