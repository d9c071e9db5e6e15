#pragma once
// The replication API's answers that wait on simulated time. A start or resume waits for its index task to reach a
// state (RESTORING, or FOLLOWING with wait_for_restore) and fails after kWaitTimeoutUs; a request that makes round
// trips to the leader first continues after them. Answers are delivered from events of their own: a responder may
// run the next scenario step, which must not find a task half-way through its own callback.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "model/replication/replication_state.h"
#include "model/rest/rest_response.h"
#include "model/rest/rest_router.h"
#include "sim/event_queue.h"
#include "sim/simulator.h"

namespace ccrsim {

class PendingReplies final : public EventTarget {
 public:
  // The API's wait for the index task (start: RESTORING, or FOLLOWING with wait_for_restore; resume: FOLLOWING).
  static constexpr sim_time_us kWaitTimeoutUs = 30 * kUsPerS;

  explicit PendingReplies(Simulator& sim) : sim_(sim) {}
  ~PendingReplies() override;
  PendingReplies(const PendingReplies&) = delete;
  PendingReplies& operator=(const PendingReplies&) = delete;

  // Answers `done` with {"acknowledged": true} once the task of entry `entry_id` reaches `target` (task_reached),
  // or with the wait-timeout error after kWaitTimeoutUs.
  void wait_for(int entry_id, IndexTaskState target, Responder done);
  // The task of entry `entry_id` is now in `state`: the waits it satisfies are answered.
  void task_reached(int entry_id, IndexTaskState state);
  // Runs `fn` after `delay_us` of simulated time (requests waiting on round trips to the leader).
  void after(sim_time_us delay_us, std::function<void()> fn);

  void on_event(std::uint64_t arg) override;

 private:
  struct Waiter {
    int entry_id = 0;
    IndexTaskState target = IndexTaskState::kRestoring;
    Responder done;
    EventHandle timeout;
    bool answered = false;
    std::optional<RestResponse> pending;  // answer delivered by a kRespond event
  };

  void answer(std::size_t w, RestResponse response);

  Simulator& sim_;
  std::vector<Waiter> waiters_;
  std::vector<std::function<void()>> deferred_;  // by id; emptied once run
};

// How far along the task states are, for "reached at least": INIT < RESTORING < INIT_FOLLOW < FOLLOWING <
// MONITORING; FAILED and COMPLETED reach nothing.
int task_state_rank(IndexTaskState state);

}  // namespace ccrsim
