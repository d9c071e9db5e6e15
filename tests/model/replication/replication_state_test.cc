#include "model/replication/replication_state.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>

namespace ccrsim {
namespace {

using P = ReplicationPhase;
using A = UserAction;
using O = OverallState;
using R = RefusalReason;

struct Cell {
  P phase;
  A action;
  bool allowed;
  O next;
  R refusal;
};

// docs/replication.md "What each action does in each state", one row per cell of the table.
const Cell kTable[] = {
    {P::kNone, A::kStart, true, O::kRunning, R::kNone},
    {P::kNone, A::kPause, false, O::kNone, R::kNoReplicationInProgress},
    {P::kNone, A::kResume, false, O::kNone, R::kNoReplicationInProgress},
    {P::kNone, A::kStop, false, O::kNone, R::kNoReplicationInProgress},
    {P::kNone, A::kUpdate, false, O::kNone, R::kNoReplicationInProgress},
    {P::kRestoring, A::kStart, false, O::kRunning, R::kFollowerIndexExists},
    {P::kRestoring, A::kPause, false, O::kRunning, R::kRestorePhase},
    {P::kRestoring, A::kResume, false, O::kRunning, R::kAlreadyRunning},
    {P::kRestoring, A::kStop, true, O::kNone, R::kNone},
    {P::kRestoring, A::kUpdate, true, O::kRunning, R::kNone},
    {P::kFollowing, A::kStart, false, O::kRunning, R::kFollowerIndexExists},
    {P::kFollowing, A::kPause, true, O::kPaused, R::kNone},
    {P::kFollowing, A::kResume, false, O::kRunning, R::kAlreadyRunning},
    {P::kFollowing, A::kStop, true, O::kNone, R::kNone},
    {P::kFollowing, A::kUpdate, true, O::kRunning, R::kNone},
    {P::kPaused, A::kStart, false, O::kPaused, R::kFollowerIndexExists},
    {P::kPaused, A::kPause, false, O::kPaused, R::kAlreadyPaused},
    {P::kPaused, A::kResume, true, O::kRunning, R::kNone},
    {P::kPaused, A::kStop, true, O::kNone, R::kNone},
    {P::kPaused, A::kUpdate, true, O::kPaused, R::kNone},
    {P::kFailed, A::kStart, false, O::kFailed, R::kFollowerIndexExists},
    {P::kFailed, A::kPause, false, O::kFailed, R::kCannotPauseInState},
    {P::kFailed, A::kResume, false, O::kFailed, R::kAlreadyRunning},
    {P::kFailed, A::kStop, true, O::kNone, R::kNone},
    {P::kFailed, A::kUpdate, false, O::kFailed, R::kCannotUpdateInState},
};

TEST_CASE("replication transition table - cell by cell") {
  for (const Cell& c : kTable) {
    INFO("phase " << static_cast<int>(c.phase) << " action " << to_string(c.action));
    const TransitionOutcome out = decide(c.phase, c.action);
    CHECK(out.allowed == c.allowed);
    CHECK(out.next == c.next);
    CHECK(out.refusal == c.refusal);
  }
}

TEST_CASE("RUNNING splits into restoring and following") {
  CHECK(phase_of(O::kRunning, true) == P::kRestoring);
  CHECK(phase_of(O::kRunning, false) == P::kFollowing);
  CHECK(phase_of(O::kPaused, true) == P::kPaused);
  CHECK(phase_of(O::kNone, false) == P::kNone);
  CHECK(phase_of(O::kFailed, false) == P::kFailed);
}

TEST_CASE("index task transitions follow facts 2.1") {
  using S = IndexTaskState;
  CHECK(legal_task_transition(S::kInit, S::kRestoring));
  CHECK(legal_task_transition(S::kInit, S::kInitFollow));
  CHECK(legal_task_transition(S::kRestoring, S::kInitFollow));
  CHECK(legal_task_transition(S::kRestoring, S::kFailed));
  CHECK(legal_task_transition(S::kInitFollow, S::kFollowing));
  CHECK(legal_task_transition(S::kFollowing, S::kMonitoring));
  CHECK(legal_task_transition(S::kMonitoring, S::kInitFollow));
  CHECK(legal_task_transition(S::kMonitoring, S::kCompleted));
  CHECK_FALSE(legal_task_transition(S::kRestoring, S::kFollowing));
  CHECK_FALSE(legal_task_transition(S::kInitFollow, S::kRestoring));
  CHECK_FALSE(legal_task_transition(S::kCompleted, S::kInit));
  CHECK_FALSE(legal_task_transition(S::kFailed, S::kFailed));
  CHECK_FALSE(legal_task_transition(S::kFollowing, S::kRestoring));
}

TEST_CASE("overall state moves are the user actions and the service's own - nothing else") {
  // Every move the service makes today: start, pause and auto-pause, failure, resume, stop, completion.
  CHECK(legal_overall_transition(O::kNone, O::kRunning));
  CHECK(legal_overall_transition(O::kRunning, O::kPaused));
  CHECK(legal_overall_transition(O::kRunning, O::kFailed));
  CHECK(legal_overall_transition(O::kRunning, O::kNone));
  CHECK(legal_overall_transition(O::kPaused, O::kRunning));
  CHECK(legal_overall_transition(O::kPaused, O::kNone));
  CHECK(legal_overall_transition(O::kFailed, O::kNone));
  // Forbidden: FAILED is left only by a stop, a paused replication does not fail, nothing starts paused.
  CHECK_FALSE(legal_overall_transition(O::kFailed, O::kRunning));
  CHECK_FALSE(legal_overall_transition(O::kFailed, O::kPaused));
  CHECK_FALSE(legal_overall_transition(O::kPaused, O::kFailed));
  CHECK_FALSE(legal_overall_transition(O::kNone, O::kPaused));
  CHECK_FALSE(legal_overall_transition(O::kNone, O::kFailed));
  for (O s : {O::kNone, O::kRunning, O::kPaused, O::kFailed}) CHECK_FALSE(legal_overall_transition(s, s));
  O state = O::kNone;
  transition(state, O::kRunning);
  transition(state, O::kPaused);
  CHECK(state == O::kPaused);
}

TEST_CASE("an illegal overall move aborts instead of going through") {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (std::freopen("/dev/null", "w", stderr) == nullptr) _exit(3);
    O state = O::kFailed;
    transition(state, O::kRunning);  // FAILED is left only by a stop
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGABRT);
}

TEST_CASE("every move the decision table allows is a legal overall move") {
  for (P phase : {P::kNone, P::kRestoring, P::kFollowing, P::kPaused, P::kFailed}) {
    for (A action : {A::kStart, A::kPause, A::kResume, A::kStop, A::kUpdate}) {
      const TransitionOutcome out = decide(phase, action);
      const O from = phase == P::kNone     ? O::kNone
                     : phase == P::kPaused ? O::kPaused
                     : phase == P::kFailed ? O::kFailed
                                           : O::kRunning;
      INFO("phase " << static_cast<int>(phase) << " action " << to_string(action));
      CHECK((!out.allowed || out.next == from || legal_overall_transition(from, out.next)));
    }
  }
}

}  // namespace
}  // namespace ccrsim
