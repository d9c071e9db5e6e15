#pragma once
// Index name validation as MetadataCreateIndexService.validateIndexName does it (checked in the same order, with the
// same texts), answered as invalid_index_name_exception (400).
#include <optional>
#include <string>

#include "model/rest/rest_response.h"

namespace ccrsim {

// The reason OpenSearch gives for an invalid name ("Invalid index name [X], must be lowercase"), or nullopt.
std::optional<std::string> invalid_index_name_reason(const std::string& index_name);
// The 400 answer for an invalid name, or nullopt when the name is fine.
std::optional<RestResponse> validate_index_name(const std::string& index_name);

}  // namespace ccrsim
