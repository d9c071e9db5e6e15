#include "model/replication/replication_state.h"

#include <catch2/catch.hpp>

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

// Facts §2.4, one row per cell of the table.
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

}  // namespace
}  // namespace ccrsim
