#include "model/replication/replay_sequencer.h"

#include <algorithm>

#include "sim/assert.h"

namespace ccrsim {

void ReplaySequencer::add(SeqRange batch) {
  CCRSIM_ASSERT(!batch.empty());
  CCRSIM_ASSERT(batch.from > dispatched_upto_);  // never a range already dispatched or applied
  CCRSIM_ASSERT(dispatched_upto_ >= applied_upto_);
  CCRSIM_ASSERT_SLOW(
      std::none_of(buffered_.begin(), buffered_.end(), [&](const SeqRange& b) { return b.from == batch.from; }));
  buffered_.push_back(batch);
}

bool ReplaySequencer::ready() const {
  return std::any_of(buffered_.begin(), buffered_.end(),
                     [&](const SeqRange& b) { return b.from == dispatched_upto_ + 1; });
}

std::optional<SeqRange> ReplaySequencer::next_dispatch(int writers) {
  CCRSIM_ASSERT(writers > 0);
  CCRSIM_ASSERT(unfinished_ >= 0);
  if (in_flight() >= writers) return std::nullopt;
  const auto it = std::find_if(buffered_.begin(), buffered_.end(),
                               [&](const SeqRange& b) { return b.from == dispatched_upto_ + 1; });
  if (it == buffered_.end()) return std::nullopt;
  const SeqRange batch = *it;
  CCRSIM_ASSERT(batch.to >= batch.from);
  buffered_.erase(it);
  dispatched_upto_ = batch.to;
  running_.push_back({batch, false});
  ++unfinished_;
  CCRSIM_ASSERT(unfinished_ <= writers);
  CCRSIM_ASSERT(static_cast<std::size_t>(unfinished_) <= running_.size());
  return batch;
}

ApplicableRanges ReplaySequencer::finished(SeqRange batch) {
  const auto it =
      std::find_if(running_.begin(), running_.end(), [&](const Running& r) { return r.batch.from == batch.from; });
  CCRSIM_ASSERT(it != running_.end());
  CCRSIM_ASSERT(!it->finished);  // each replay finishes once
  CCRSIM_ASSERT(it->batch.to == batch.to);
  it->finished = true;
  --unfinished_;
  CCRSIM_ASSERT(unfinished_ >= 0);
  // Running batches are contiguous from applied_upto_ + 1 (dispatch is in order), so the finished prefix applies.
  const auto prefix_end = std::find_if(running_.begin(), running_.end(), [](const Running& r) { return !r.finished; });
  ApplicableRanges out;
  for (auto r = running_.begin(); r != prefix_end; ++r) {
    CCRSIM_ASSERT(r->batch.from == applied_upto_ + 1);
    applied_upto_ = r->batch.to;
    out.push_back(r->batch);
  }
  running_.erase(running_.begin(), prefix_end);
  CCRSIM_ASSERT(applied_upto_ <= dispatched_upto_);
  CCRSIM_ASSERT(running_.empty() || running_.front().batch.from == applied_upto_ + 1);  // nothing applied is kept
  return out;
}

}  // namespace ccrsim
