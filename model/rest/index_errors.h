#pragma once
// Errors the index-level APIs share, with OpenSearch's types, statuses and texts.
#include <optional>
#include <string>

#include "model/index.h"
#include "model/rest/rest_response.h"

namespace ccrsim {

// 400 index_closed_exception "closed" (reads and writes on a closed index).
RestResponse index_closed(const Index& index);
// 403 cluster_block_exception for the cross-cluster-replication block (writes, deletes, settings, close/open).
RestResponse replication_blocked(const Index& index);
// 400 resource_already_exists_exception "index [name/uuid] already exists".
// The index.blocks.* settings that refuse document writes (read_only, read_only_allow_delete, write), as
// cluster_block_exception with the block's status; nullopt when none is set.
std::optional<RestResponse> api_write_block(const Index& index);
// Adds OpenSearch's "caused_by" object to an error envelope (after the error's other fields).
RestResponse with_caused_by(RestResponse response, const std::string& type, const std::string& reason);
RestResponse index_already_exists(const Index& index);
RestResponse illegal_argument(const std::string& reason);
RestResponse parse_exception(const std::string& reason);
// 400 parse_exception for a request body of the wrong JSON type (`what` names the expected shape).
RestResponse body_must_be_object(const std::string& what = "request body");
// 400 parse_exception "request body is required" (RestRequest.requiredContent).
RestResponse body_required();

}  // namespace ccrsim
