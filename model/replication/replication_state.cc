#include "model/replication/replication_state.h"

#include "sim/assert.h"

namespace ccrsim {

namespace {

bool valid(OverallState state) {
  return state == OverallState::kNone || state == OverallState::kRunning || state == OverallState::kPaused ||
         state == OverallState::kFailed;
}

}  // namespace

const char* to_string(OverallState state) {
  switch (state) {
    case OverallState::kNone:
      return "NONE";
    case OverallState::kRunning:
      return "RUNNING";
    case OverallState::kPaused:
      return "PAUSED";
    case OverallState::kFailed:
      return "FAILED";
  }
  return "NONE";
}

const char* to_string(IndexTaskState state) {
  switch (state) {
    case IndexTaskState::kInit:
      return "INIT";
    case IndexTaskState::kRestoring:
      return "RESTORING";
    case IndexTaskState::kInitFollow:
      return "INIT_FOLLOW";
    case IndexTaskState::kFollowing:
      return "FOLLOWING";
    case IndexTaskState::kMonitoring:
      return "MONITORING";
    case IndexTaskState::kFailed:
      return "FAILED";
    case IndexTaskState::kCompleted:
      return "COMPLETED";
  }
  return "INIT";
}

const char* to_string(UserAction action) {
  switch (action) {
    case UserAction::kStart:
      return "start";
    case UserAction::kPause:
      return "pause";
    case UserAction::kResume:
      return "resume";
    case UserAction::kStop:
      return "stop";
    case UserAction::kUpdate:
      return "update";
  }
  return "start";
}

ReplicationPhase phase_of(OverallState overall, bool restore_in_progress) {
  CCRSIM_ASSERT(valid(overall));
  CCRSIM_ASSERT(!restore_in_progress || overall != OverallState::kNone);  // no restore without a replication
  switch (overall) {
    case OverallState::kNone:
      return ReplicationPhase::kNone;
    case OverallState::kRunning:
      return restore_in_progress ? ReplicationPhase::kRestoring : ReplicationPhase::kFollowing;
    case OverallState::kPaused:
      return ReplicationPhase::kPaused;
    case OverallState::kFailed:
      return ReplicationPhase::kFailed;
  }
  return ReplicationPhase::kNone;
}

namespace {

TransitionOutcome allow(OverallState next) {
  CCRSIM_ASSERT(valid(next));
  return TransitionOutcome{true, next, RefusalReason::kNone};
}
TransitionOutcome refuse(RefusalReason why, OverallState stays) {
  CCRSIM_ASSERT(valid(stays));
  return TransitionOutcome{false, stays, why};
}

TransitionOutcome decide_none(UserAction action) {
  if (action == UserAction::kStart) return allow(OverallState::kRunning);
  return refuse(RefusalReason::kNoReplicationInProgress, OverallState::kNone);
}

TransitionOutcome decide_running(UserAction action, bool restoring) {
  constexpr OverallState kStay = OverallState::kRunning;
  switch (action) {
    case UserAction::kStart:
      return refuse(RefusalReason::kFollowerIndexExists, kStay);
    case UserAction::kPause:
      return restoring ? refuse(RefusalReason::kRestorePhase, kStay) : allow(OverallState::kPaused);
    case UserAction::kResume:
      return refuse(RefusalReason::kAlreadyRunning, kStay);
    case UserAction::kStop:
      return allow(OverallState::kNone);
    case UserAction::kUpdate:
      return allow(kStay);
  }
  return refuse(RefusalReason::kNone, kStay);
}

TransitionOutcome decide_paused(UserAction action) {
  constexpr OverallState kStay = OverallState::kPaused;
  switch (action) {
    case UserAction::kStart:
      return refuse(RefusalReason::kFollowerIndexExists, kStay);
    case UserAction::kPause:
      return refuse(RefusalReason::kAlreadyPaused, kStay);
    case UserAction::kResume:
      return allow(OverallState::kRunning);  // lease checks come after the table
    case UserAction::kStop:
      return allow(OverallState::kNone);
    case UserAction::kUpdate:
      return allow(kStay);
  }
  return refuse(RefusalReason::kNone, kStay);
}

TransitionOutcome decide_failed(UserAction action) {
  constexpr OverallState kStay = OverallState::kFailed;
  switch (action) {
    case UserAction::kStart:
      return refuse(RefusalReason::kFollowerIndexExists, kStay);
    case UserAction::kPause:
      return refuse(RefusalReason::kCannotPauseInState, kStay);
    case UserAction::kResume:
      return refuse(RefusalReason::kAlreadyRunning, kStay);  // sic: FAILED says "running"
    case UserAction::kStop:
      return allow(OverallState::kNone);
    case UserAction::kUpdate:
      return refuse(RefusalReason::kCannotUpdateInState, kStay);
  }
  return refuse(RefusalReason::kNone, kStay);
}

TransitionOutcome decide_phase(ReplicationPhase phase, UserAction action) {
  switch (phase) {
    case ReplicationPhase::kNone:
      return decide_none(action);
    case ReplicationPhase::kRestoring:
      return decide_running(action, true);
    case ReplicationPhase::kFollowing:
      return decide_running(action, false);
    case ReplicationPhase::kPaused:
      return decide_paused(action);
    case ReplicationPhase::kFailed:
      return decide_failed(action);
  }
  return decide_none(action);
}

OverallState overall_of(ReplicationPhase phase) {
  switch (phase) {
    case ReplicationPhase::kNone:
      return OverallState::kNone;
    case ReplicationPhase::kRestoring:
    case ReplicationPhase::kFollowing:
      return OverallState::kRunning;
    case ReplicationPhase::kPaused:
      return OverallState::kPaused;
    case ReplicationPhase::kFailed:
      return OverallState::kFailed;
  }
  return OverallState::kNone;
}

}  // namespace

TransitionOutcome decide(ReplicationPhase phase, UserAction action) {
  const TransitionOutcome out = decide_phase(phase, action);
  const OverallState from = overall_of(phase);
  // Expected: an allowed action is a legal move (or stays put); a refusal has a reason and changes nothing.
  CCRSIM_ASSERT(!out.allowed || out.next == from || legal_overall_transition(from, out.next));
  CCRSIM_ASSERT(out.allowed == (out.refusal == RefusalReason::kNone));
  CCRSIM_ASSERT(out.allowed || out.next == from);
  // Forbidden: a restore is never paused, and only a stop leaves a replication.
  CCRSIM_ASSERT(!(out.allowed && phase == ReplicationPhase::kRestoring && action == UserAction::kPause));
  CCRSIM_ASSERT(!out.allowed || (out.next == OverallState::kNone) == (action == UserAction::kStop));
  return out;
}

bool legal_overall_transition(OverallState from, OverallState to) {
  using S = OverallState;
  switch (from) {
    case S::kNone:
      return to == S::kRunning;  // start
    case S::kRunning:
      // pause or auto-pause, failure, stop or completion after the leader index was deleted
      return to == S::kPaused || to == S::kFailed || to == S::kNone;
    case S::kPaused:
      return to == S::kRunning || to == S::kNone;  // resume (or force_resume's new bootstrap), stop
    case S::kFailed:
      return to == S::kNone;  // only a stop leaves FAILED
  }
  return false;
}

void transition(OverallState& state, OverallState next) {
  CCRSIM_ASSERT(valid(state) && valid(next));
  CCRSIM_ASSERT(legal_overall_transition(state, next));
  state = next;
}

bool legal_task_transition(IndexTaskState from, IndexTaskState to) {
  using S = IndexTaskState;
  if (to == S::kFailed) return from != S::kCompleted && from != S::kFailed;
  switch (from) {
    case S::kInit:
      return to == S::kRestoring || to == S::kInitFollow || to == S::kFollowing;
    case S::kRestoring:
      return to == S::kInitFollow;
    case S::kInitFollow:
      return to == S::kFollowing;
    case S::kFollowing:
      return to == S::kMonitoring;
    case S::kMonitoring:
      return to == S::kInitFollow || to == S::kCompleted || to == S::kMonitoring;
    case S::kFailed:
    case S::kCompleted:
      return false;
  }
  return false;
}

}  // namespace ccrsim
