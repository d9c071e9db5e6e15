#include "model/replication/pending_replies.h"

#include "model/replication/replication_errors.h"
#include "model/replication/service_events.h"

namespace ccrsim {

int task_state_rank(IndexTaskState s) {
  switch (s) {
    case IndexTaskState::kInit:
      return 0;
    case IndexTaskState::kRestoring:
      return 1;
    case IndexTaskState::kInitFollow:
      return 2;
    case IndexTaskState::kFollowing:
      return 3;
    case IndexTaskState::kMonitoring:
      return 4;
    case IndexTaskState::kFailed:
    case IndexTaskState::kCompleted:
      return -1;
  }
  return -1;
}

PendingReplies::~PendingReplies() {
  for (Waiter& w : waiters_) sim_.cancel(w.timeout);
}

void PendingReplies::wait_for(int entry_id, IndexTaskState target, Responder done) {
  Waiter w;
  w.entry_id = entry_id;
  w.target = target;
  w.done = std::move(done);
  const auto id = static_cast<std::uint64_t>(waiters_.size());
  w.timeout = sim_.schedule_in(kWaitTimeoutUs, this, ServiceEventArg::pack(ServiceEvent::kWaitTimeout, id));
  waiters_.push_back(std::move(w));
}

void PendingReplies::answer(std::size_t w, RestResponse response) {
  Waiter& waiter = waiters_[w];
  if (waiter.answered) return;
  waiter.answered = true;
  sim_.cancel(waiter.timeout);
  waiter.pending = std::move(response);
  sim_.schedule_in(0, this, ServiceEventArg::pack(ServiceEvent::kRespond, w));
}

void PendingReplies::task_reached(int entry_id, IndexTaskState state) {
  for (std::size_t w = 0; w < waiters_.size(); ++w) {
    if (waiters_[w].answered || waiters_[w].entry_id != entry_id) continue;
    if (task_state_rank(state) >= task_state_rank(waiters_[w].target)) answer(w, acknowledged());
  }
}

void PendingReplies::after(sim_time_us delay_us, std::function<void()> fn) {
  const std::uint64_t id = deferred_.size();
  deferred_.push_back(std::move(fn));
  sim_.schedule_in(delay_us, this, ServiceEventArg::pack(ServiceEvent::kDeferred, id));
}

void PendingReplies::on_event(std::uint64_t arg) {
  const std::size_t id = ServiceEventArg::id(arg);
  switch (ServiceEventArg::kind(arg)) {
    case ServiceEvent::kWaitTimeout:
      if (id < waiters_.size() && !waiters_[id].answered) {
        waiters_[id].answered = true;
        Responder done = std::move(waiters_[id].done);
        done(replication_errors::wait_timed_out());
      }
      break;
    case ServiceEvent::kDeferred:
      if (id < deferred_.size() && deferred_[id]) {
        std::function<void()> fn = std::move(deferred_[id]);
        deferred_[id] = nullptr;
        fn();
      }
      break;
    case ServiceEvent::kRespond:
      if (id < waiters_.size() && waiters_[id].pending) {
        RestResponse response = std::move(*waiters_[id].pending);
        waiters_[id].pending.reset();
        Responder done = std::move(waiters_[id].done);
        done(std::move(response));
      }
      break;
    case ServiceEvent::kCollect:
      break;  // the service's own event
  }
}

}  // namespace ccrsim
