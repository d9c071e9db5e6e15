#pragma once
// The replication state machine (docs/replication.md "States"): the overall state kept in the metadata store, the index
// task's internal states, and the table of what each user action does in each state (docs/replication.md "What each
// action does in each state"). Every API handler and the service ask decide() instead of testing states themselves, so
// the table lives in exactly one place.
#include <cstdint>

namespace ccrsim {

// ReplicationOverallState, plus "no metadata doc" (never started, or stopped).
enum class OverallState { kNone, kRunning, kPaused, kFailed };
const char* to_string(OverallState state);

// IndexReplicationState.
enum class IndexTaskState { kInit, kRestoring, kInitFollow, kFollowing, kMonitoring, kFailed, kCompleted };
const char* to_string(IndexTaskState state);

// What the table's rows distinguish: RUNNING is split by whether the restore is still in progress.
enum class ReplicationPhase { kNone, kRestoring, kFollowing, kPaused, kFailed };
ReplicationPhase phase_of(OverallState overall, bool restore_in_progress);

enum class UserAction { kStart, kPause, kResume, kStop, kUpdate };
const char* to_string(UserAction action);

// Why an action is refused; each maps to one catalogue entry (replication_errors.h).
enum class RefusalReason {
  kNone,
  kNoReplicationInProgress,  // 400 No replication in progress for index:<f>
  kFollowerIndexExists,      // 400 Cant use same index again for replication. Delete the index:<f>
  kAlreadyPaused,            // 400 Index <f> is already paused
  kCannotPauseInState,       // 500 Cannot pause when in FAILED state
  kRestorePhase,             // 500 Index is in restore phase currently for index: <f>. ...
  kAlreadyRunning,           // 400 Replication on Index <f> is already running
  kCannotUpdateInState,      // 500 Cannot update settings when in <STATE> state
};

struct TransitionOutcome {
  bool allowed = false;
  OverallState next = OverallState::kNone;  // state after an allowed action (kNone for stop)
  RefusalReason refusal = RefusalReason::kNone;
};

// The legal-transition table. Start in kNone assumes the follower index is absent; the caller checks that (an
// existing index refuses with kFollowerIndexExists, like the other rows).
TransitionOutcome decide(ReplicationPhase phase, UserAction action);

// Index task moves the plugin makes (docs/replication.md "Index task states"); the service asserts every move against
// this.
bool legal_task_transition(IndexTaskState from, IndexTaskState to);

// Overall-state moves: the table's allowed user actions (start, pause, resume, stop) and the service's own
// (auto-pause, failure, completion after the leader index was deleted). Staying put is not a move.
bool legal_overall_transition(OverallState from, OverallState to);
// The one way to change an overall state: asserts the move is legal, then makes it.
void transition(OverallState& state, OverallState next);

}  // namespace ccrsim
