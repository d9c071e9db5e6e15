#pragma once
// The plugin's error catalogue (docs/replication.md "Error texts"), word for word and quirks included ("Cant use same
// index again ..."), as OpenSearch error responses with the exception type and HTTP status the real plugin produces.
#include <string>
#include <vector>

#include "model/replication/replication_state.h"
#include "model/rest/rest_response.h"
#include "scenario/engine_versions.h"

namespace ccrsim::replication_errors {

// The table's refusals (decide()): `state` names the current overall state for the "in <STATE> state" texts.
RestResponse refusal(RefusalReason reason, const std::string& follower_index, OverallState state);

RestResponse no_replication_in_progress(const std::string& follower_index);
RestResponse follower_index_exists(const std::string& follower_index);
RestResponse already_paused(const std::string& follower_index);
RestResponse cannot_pause_in_state(OverallState state);
RestResponse restore_phase(const std::string& follower_index);
RestResponse already_running(const std::string& follower_index);
RestResponse cannot_update_in_state(OverallState state);

// Start.
RestResponse validation_failed(const std::vector<std::string>& messages);
RestResponse no_such_remote_cluster(const std::string& alias);
RestResponse leader_index_not_found(const std::string& name);  // "no such index [<name>]"
RestResponse start_block_set();
RestResponse leader_primaries_inactive(const std::string& alias, const std::string& leader_index);
RestResponse replicated_index(const std::string& leader_index);
RestResponse soft_deletes_disabled();
RestResponse follower_roles_mandatory();
RestResponse leader_roles_mandatory();
RestResponse cluster_read_only();
RestResponse wait_timed_out();

// Resume.
RestResponse retention_lease_missing(const std::string& follower_index, const EngineVersion& version);
RestResponse index_closed(const std::string& index_name, const std::string& index_uuid);

// Status.
RestResponse status_index_name_required();
RestResponse status_fetch_failed();

// Request parsing.
RestResponse body_required();
RestResponse unknown_field(const std::string& parser_name, const std::string& field);
RestResponse malformed_body(const std::string& reason);

// Name validation (ValidationUtil.validateName): the messages for one name, empty when valid.
std::vector<std::string> name_problems(const std::string& name);

}  // namespace ccrsim::replication_errors
