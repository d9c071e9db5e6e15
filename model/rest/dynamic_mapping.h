#pragma once
// Dynamic mapping of explicit documents, as OpenSearch's defaults do it: strings become text with a keyword
// sub-field (or date when they look like strict_date_optional_time), integers long, other numbers float, booleans
// boolean, objects get properties. "dynamic": "strict" refuses new fields, "false" leaves them unmapped. Values
// that an existing numeric or boolean field cannot parse are refused as OpenSearch refuses them.
#include <optional>
#include <string>

#include "model/rest/rest_response.h"
#include "sim/json.h"

namespace ccrsim {

// Updates `mappings` for a document about to be indexed; on an error nothing changes.
std::optional<RestResponse> map_document(json& mappings, const json& source, const std::string& id);

// Sorts every "properties" object by field name, as the mapping is printed (ObjectMapper keeps mappers sorted).
json sorted_mappings(const json& mappings);

}  // namespace ccrsim
