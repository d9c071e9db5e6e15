#include "model/replication/pending_replies.h"

#include <catch2/catch.hpp>
#include <optional>
#include <vector>

namespace ccrsim {
namespace {

TEST_CASE("a waiting reply is answered from its own event once the task reaches the target state") {
  Simulator sim;
  PendingReplies replies(sim);
  std::optional<RestResponse> answer;
  replies.wait_for(0, IndexTaskState::kFollowing, [&](RestResponse r) { answer = std::move(r); });
  replies.task_reached(0, IndexTaskState::kRestoring);   // not far enough
  replies.task_reached(1, IndexTaskState::kMonitoring);  // another entry
  sim.run_until(kUsPerS);
  CHECK_FALSE(answer);
  replies.task_reached(0, IndexTaskState::kMonitoring);  // past the target counts
  CHECK_FALSE(answer);                                   // delivered by an event, not inside the task's callback
  sim.run_until(2 * kUsPerS);
  REQUIRE(answer);
  CHECK(answer->status == 200);
  CHECK(answer->body == json{{"acknowledged", true}});
  sim.run_until(kUsPerMin);  // the cancelled timeout does not answer a second time
  CHECK(answer->status == 200);
}

TEST_CASE("a waiting reply times out after 30 s and a failed task reaches nothing") {
  Simulator sim;
  PendingReplies replies(sim);
  std::optional<RestResponse> answer;
  replies.wait_for(0, IndexTaskState::kRestoring, [&](RestResponse r) { answer = std::move(r); });
  replies.task_reached(0, IndexTaskState::kFailed);
  sim.run_until(PendingReplies::kWaitTimeoutUs - 1);
  CHECK_FALSE(answer);
  sim.run_until(PendingReplies::kWaitTimeoutUs);
  REQUIRE(answer);
  CHECK(answer->status == 500);
  CHECK(answer->body["error"]["reason"] == "Timed out when waiting for persistent task after 30s");
}

TEST_CASE("continuations run after their delay in time order") {
  Simulator sim;
  PendingReplies replies(sim);
  std::vector<int> ran;
  replies.after(2 * kUsPerMs, [&] { ran.push_back(2); });
  replies.after(kUsPerMs, [&] {
    ran.push_back(1);
    replies.after(0, [&] { ran.push_back(3); });  // scheduled from a continuation
  });
  sim.run_until(kUsPerMs);
  CHECK(ran == std::vector<int>{1, 3});
  sim.run_until(kUsPerS);
  CHECK(ran == std::vector<int>{1, 3, 2});
}

TEST_CASE("task states rank in their order and failed ones reach nothing") {
  CHECK(task_state_rank(IndexTaskState::kInit) < task_state_rank(IndexTaskState::kRestoring));
  CHECK(task_state_rank(IndexTaskState::kRestoring) < task_state_rank(IndexTaskState::kInitFollow));
  CHECK(task_state_rank(IndexTaskState::kFollowing) < task_state_rank(IndexTaskState::kMonitoring));
  CHECK(task_state_rank(IndexTaskState::kFailed) < task_state_rank(IndexTaskState::kInit));
  CHECK(task_state_rank(IndexTaskState::kCompleted) < task_state_rank(IndexTaskState::kInit));
}

}  // namespace
}  // namespace ccrsim
