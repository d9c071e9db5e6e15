#include "model/replication/changes_tracker.h"

#include <algorithm>

#include "sim/assert.h"

namespace ccrsim {

std::optional<SeqRange> ChangesTracker::request_batch(std::int64_t batch_size) {
  CCRSIM_ASSERT(batch_size > 0);
  if (!missing_.empty()) {
    SeqRange r = missing_.front();
    missing_.pop_front();
    CCRSIM_ASSERT(!r.empty());
    CCRSIM_ASSERT(r.to <= already_requested_);  // a re-queued range lies below the cursor
    return r;
  }
  // Equal means "caught up": one more batch is handed out and becomes the long poll.
  if (already_requested_ > leader_checkpoint_) return std::nullopt;
  const SeqRange r{already_requested_ + 1, already_requested_ + batch_size};
  already_requested_ = r.to;
  CCRSIM_ASSERT(r.count() == batch_size);
  return r;
}

void ChangesTracker::batch_fetched(SeqRange requested, std::int64_t received_to, std::int64_t leader_checkpoint) {
  CCRSIM_ASSERT(!requested.empty());
  CCRSIM_ASSERT(requested.to <= already_requested_);  // a range handed out lies at or below the cursor
  CCRSIM_ASSERT(received_to <= requested.to);
  CCRSIM_ASSERT(received_to >= requested.from - 1);
  if (received_to < requested.to) {
    if (already_requested_ == requested.to) {
      already_requested_ = received_to;  // the last range handed out: move the cursor back
    } else {
      missing_.push_back(SeqRange{received_to + 1, requested.to});
    }
  }
  const std::int64_t before = leader_checkpoint_;
  leader_checkpoint_ = std::max(leader_checkpoint_, leader_checkpoint);
  CCRSIM_ASSERT(leader_checkpoint_ >= before);  // the known leader checkpoint never moves back
}

void ChangesTracker::batch_failed(SeqRange requested) {
  CCRSIM_ASSERT(!requested.empty());
  CCRSIM_ASSERT(requested.to <= already_requested_);  // only a range handed out can fail
  if (already_requested_ == requested.to) {
    already_requested_ = requested.from - 1;
  } else {
    missing_.push_back(requested);
  }
  CCRSIM_ASSERT(already_requested_ >= requested.from - 1);
}

}  // namespace ccrsim
