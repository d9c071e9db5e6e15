#include "model/replication/changes_tracker.h"

#include <algorithm>
#include <cassert>

namespace ccrsim {

std::optional<SeqRange> ChangesTracker::request_batch(std::int64_t batch_size) {
  if (!missing_.empty()) {
    SeqRange r = missing_.front();
    missing_.pop_front();
    return r;
  }
  // Equal means "caught up": one more batch is handed out and becomes the long poll.
  if (already_requested_ > leader_checkpoint_) return std::nullopt;
  const SeqRange r{already_requested_ + 1, already_requested_ + batch_size};
  already_requested_ = r.to;
  return r;
}

void ChangesTracker::batch_fetched(SeqRange requested, std::int64_t received_to, std::int64_t leader_checkpoint) {
  assert(received_to <= requested.to);
  assert(received_to >= requested.from - 1);
  if (received_to < requested.to) {
    if (already_requested_ == requested.to) {
      already_requested_ = received_to;  // the last range handed out: move the cursor back
    } else {
      missing_.push_back(SeqRange{received_to + 1, requested.to});
    }
  }
  leader_checkpoint_ = std::max(leader_checkpoint_, leader_checkpoint);
}

void ChangesTracker::batch_failed(SeqRange requested) {
  if (already_requested_ == requested.to) {
    already_requested_ = requested.from - 1;
  } else {
    missing_.push_back(requested);
  }
}

}  // namespace ccrsim
