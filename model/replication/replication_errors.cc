#include "model/replication/replication_errors.h"

#include "sim/assert.h"

namespace ccrsim::replication_errors {

namespace {
json index_extra(const std::string& index_name, const std::string& index_uuid) {
  json extra = json::object();
  extra["index_uuid"] = index_uuid;
  extra["index"] = index_name;
  return extra;
}
}  // namespace

RestResponse no_replication_in_progress(const std::string& follower_index) {
  return opensearch_error(400, "illegal_argument_exception", "No replication in progress for index:" + follower_index);
}

RestResponse follower_index_exists(const std::string& follower_index) {
  // "Cant" without the apostrophe is what the single-index start says (the bulk API spells it "Can't").
  return opensearch_error(400, "illegal_argument_exception",
                          "Cant use same index again for replication. Delete the index:" + follower_index);
}

RestResponse already_paused(const std::string& follower_index) {
  return opensearch_error(400, "resource_already_exists_exception", "Index " + follower_index + " is already paused");
}

RestResponse cannot_pause_in_state(OverallState state) {
  CCRSIM_ASSERT(state == OverallState::kFailed);  // the table refuses a pause this way only in FAILED
  return opensearch_error(500, "illegal_state_exception",
                          std::string("Cannot pause when in ") + to_string(state) + " state");
}

RestResponse restore_phase(const std::string& follower_index) {
  // A plain OpenSearchException: its type prints as "exception".
  return opensearch_error(
      500, "exception",
      "Index is in restore phase currently for index: " + follower_index + ". You can pause after restore completes.");
}

RestResponse already_running(const std::string& follower_index) {
  return opensearch_error(400, "resource_already_exists_exception",
                          "Replication on Index " + follower_index + " is already running");
}

RestResponse cannot_update_in_state(OverallState state) {
  CCRSIM_ASSERT(state == OverallState::kFailed);
  return opensearch_error(500, "illegal_state_exception",
                          std::string("Cannot update settings when in ") + to_string(state) + " state");
}

RestResponse refusal(RefusalReason reason, const std::string& follower_index, OverallState state) {
  CCRSIM_ASSERT(reason != RefusalReason::kNone);  // only a refused action has a reason
  // An action on a replication that is not there is refused before the table is asked.
  CCRSIM_ASSERT(state != OverallState::kNone || reason == RefusalReason::kNoReplicationInProgress);
  switch (reason) {
    case RefusalReason::kNoReplicationInProgress:
      return no_replication_in_progress(follower_index);
    case RefusalReason::kFollowerIndexExists:
      return follower_index_exists(follower_index);
    case RefusalReason::kAlreadyPaused:
      return already_paused(follower_index);
    case RefusalReason::kCannotPauseInState:
      return cannot_pause_in_state(state);
    case RefusalReason::kRestorePhase:
      return restore_phase(follower_index);
    case RefusalReason::kAlreadyRunning:
      return already_running(follower_index);
    case RefusalReason::kCannotUpdateInState:
      return cannot_update_in_state(state);
    case RefusalReason::kNone:
      break;
  }
  return opensearch_error(500, "exception", "unexpected replication state");
}

RestResponse validation_failed(const std::vector<std::string>& messages) {
  CCRSIM_ASSERT(!messages.empty());  // a validation never fails without a message
  std::string reason = "Validation Failed: ";
  for (std::size_t i = 0; i < messages.size(); ++i) reason += std::to_string(i + 1) + ": " + messages[i] + ";";
  return opensearch_error(400, "action_request_validation_exception", reason);
}

RestResponse no_such_remote_cluster(const std::string& alias) {
  return opensearch_error(404, "no_such_remote_cluster_exception", "no such remote cluster: [" + alias + "]");
}

RestResponse leader_index_not_found(const std::string& name) {
  return index_not_found(name);
}

RestResponse start_block_set() {
  return opensearch_error(403, "replication_exception", "[FORBIDDEN] Replication START block is set");
}

RestResponse leader_primaries_inactive(const std::string& alias, const std::string& leader_index) {
  return opensearch_error(400, "illegal_state_exception",
                          "Primary shards in the Index[" + alias + ":" + leader_index + "] are not active");
}

RestResponse replicated_index(const std::string& leader_index) {
  return opensearch_error(400, "illegal_argument_exception", "Cannot Replicate a Replicated Index " + leader_index);
}

RestResponse soft_deletes_disabled() {
  return opensearch_error(400, "illegal_argument_exception",
                          "Cannot Replicate an index where the setting index.soft_deletes.enabled is disabled");
}

RestResponse follower_roles_mandatory() {
  return opensearch_error(403, "security_exception", "Follower roles are mandatory for replication");
}

RestResponse leader_roles_mandatory() {
  return opensearch_error(403, "security_exception", "Leader roles are mandatory for replication");
}

RestResponse cluster_read_only() {
  return opensearch_error(403, "cluster_block_exception", "blocked by: [FORBIDDEN/6/cluster read-only (api)];");
}

RestResponse wait_timed_out() {
  return opensearch_error(500, "illegal_state_exception", "Timed out when waiting for persistent task after 30s");
}

RestResponse retention_lease_missing(const std::string& follower_index, const EngineVersion& version) {
  std::string reason = "Retention lease doesn't exist. Replication can't be resumed for " + follower_index;
  if (version.opensearch_at_least(3, 8)) reason += ". Use force_resume=true to restore from snapshot.";
  return opensearch_error(404, "resource_not_found_exception", reason);
}

RestResponse index_closed(const std::string& index_name, const std::string& index_uuid) {
  return opensearch_error(400, "index_closed_exception", "closed", index_extra(index_name, index_uuid));
}

RestResponse status_index_name_required() {
  return opensearch_error(400, "illegal_argument_exception",
                          "Index name must be specified to obtain replication status");
}

RestResponse status_fetch_failed() {
  return opensearch_error(500, "replication_exception", "failed to fetch replication status");
}

RestResponse body_required() {
  return opensearch_error(400, "parse_exception", "request body or source parameter is required");
}

RestResponse unknown_field(const std::string& parser_name, const std::string& field) {
  return opensearch_error(400, "x_content_parse_exception",
                          "[1:2] [" + parser_name + "] unknown field [" + field + "]");
}

RestResponse malformed_body(const std::string& reason) {
  return opensearch_error(400, "x_content_parse_exception", reason);
}

std::vector<std::string> name_problems(const std::string& name) {
  std::vector<std::string> out;
  const std::string v = "Value " + name + " ";
  bool lower = true;
  for (char c : name) lower = lower && !(c >= 'A' && c <= 'Z');
  if (!lower) out.push_back(v + "must be lowercase");
  static const std::string kForbidden = " \"*\\<|,>/?";
  if (name.find_first_of(kForbidden) != std::string::npos) {
    out.push_back(v + "must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]");
  }
  if (name.find_first_of("#:") != std::string::npos) out.push_back(v + "must not contain '#' or ':'");
  if (name == "." || name == "..") out.push_back(v + "must not be '.' or '..'");
  if (!name.empty() && (name[0] == '_' || name[0] == '-' || name[0] == '+')) {
    out.push_back(v + "must not start with '_' or '-' or '+'");
  }
  if (name.size() > 255) out.push_back(v + "must not be longer than 255 bytes");
  if (!name.empty() && name[0] == '.' && name != "." && name != "..") out.push_back(v + "must not start with '.'");
  return out;
}

}  // namespace ccrsim::replication_errors
