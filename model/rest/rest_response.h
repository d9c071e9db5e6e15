#pragma once
// A REST response: an HTTP status and a JSON body, or a text body (the _cat APIs without format=json).
#include <optional>
#include <string>

#include "sim/json.h"

namespace ccrsim {

struct RestResponse {
  int status = 200;
  json body = json::object();
  std::optional<std::string> text;  // set for text/plain responses; body is then null

  static RestResponse ok(json body) { return RestResponse{200, std::move(body), std::nullopt}; }
  static RestResponse with_status(int status, json body) { return RestResponse{status, std::move(body), std::nullopt}; }
  static RestResponse plain(int status, std::string text) { return RestResponse{status, nullptr, std::move(text)}; }
};

// OpenSearch's error envelope:
// {"error": {"root_cause": [{type, reason, <extra>}], "type", "reason", <extra>}, "status": N}.
// `extra` holds fields such as index and index_uuid, printed after reason in both places.
RestResponse opensearch_error(int status, const std::string& type, const std::string& reason,
                              const json& extra = json::object());
// The common ones.
RestResponse index_not_found(const std::string& index_name, const std::string& index_uuid = "_na_");
// Plain {"acknowledged": true}.
RestResponse acknowledged();

}  // namespace ccrsim
