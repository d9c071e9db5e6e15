#include "model/replication/replay_sequencer.h"

#include <algorithm>
#include <cassert>

namespace ccrsim {

void ReplaySequencer::add(SeqRange batch) {
  assert(!batch.empty());
  assert(batch.from > dispatched_upto_);
  assert(std::none_of(buffered_.begin(), buffered_.end(), [&](const SeqRange& b) { return b.from == batch.from; }));
  buffered_.push_back(batch);
}

bool ReplaySequencer::ready() const {
  return std::any_of(buffered_.begin(), buffered_.end(),
                     [&](const SeqRange& b) { return b.from == dispatched_upto_ + 1; });
}

std::optional<SeqRange> ReplaySequencer::next_dispatch(int writers) {
  if (in_flight() >= writers) return std::nullopt;
  const auto it = std::find_if(buffered_.begin(), buffered_.end(),
                               [&](const SeqRange& b) { return b.from == dispatched_upto_ + 1; });
  if (it == buffered_.end()) return std::nullopt;
  const SeqRange batch = *it;
  buffered_.erase(it);
  dispatched_upto_ = batch.to;
  running_.push_back({batch, false});
  ++unfinished_;
  return batch;
}

ApplicableRanges ReplaySequencer::finished(SeqRange batch) {
  const auto it =
      std::find_if(running_.begin(), running_.end(), [&](const Running& r) { return r.batch.from == batch.from; });
  assert(it != running_.end());
  assert(!it->finished);
  it->finished = true;
  --unfinished_;
  // Running batches are contiguous from applied_upto_ + 1 (dispatch is in order), so the finished prefix applies.
  const auto prefix_end = std::find_if(running_.begin(), running_.end(), [](const Running& r) { return !r.finished; });
  ApplicableRanges out;
  for (auto r = running_.begin(); r != prefix_end; ++r) {
    assert(r->batch.from == applied_upto_ + 1);
    applied_upto_ = r->batch.to;
    out.push_back(r->batch);
  }
  running_.erase(running_.begin(), prefix_end);
  return out;
}

}  // namespace ccrsim
