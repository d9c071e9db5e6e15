#pragma once
// A request body given as raw text (a scenario step's string `body:`, pasted from a console) is parsed here, the
// way OpenSearch's JSON parser would, before the handler sees it: text that is not JSON gets a 400
// `json_parse_exception`, nesting deeper than OpenSearch's limit (`opensearch.xcontent.depth.max`, 1000) its
// StreamConstraintsException, and an empty text is no body at all.
#include <optional>

#include "model/rest/rest_request.h"
#include "model/rest/rest_response.h"

namespace ccrsim {

inline constexpr int kMaxBodyNestingDepth = 1000;

// When request.body holds a string, replaces it with the parsed JSON (or removes it when the text is blank);
// returns the error answer when the text cannot be parsed. Bodies that are already structured are left alone.
std::optional<RestResponse> parse_raw_body(RestRequest& request);

}  // namespace ccrsim
