#include "model/rest/rest_response.h"

namespace ccrsim {

RestResponse opensearch_error(int status, const std::string& type, const std::string& reason, const json& extra) {
  json cause = json::object();
  cause["type"] = type;
  cause["reason"] = reason;
  for (const auto& [k, v] : extra.items()) cause[k] = v;
  json error = json::object();
  error["root_cause"] = json::array({cause});
  error["type"] = type;
  error["reason"] = reason;
  for (const auto& [k, v] : extra.items()) error[k] = v;
  json body = json::object();
  body["error"] = std::move(error);
  body["status"] = status;
  return RestResponse::with_status(status, std::move(body));
}

RestResponse index_not_found(const std::string& index_name, const std::string& index_uuid) {
  json extra = json::object();
  extra["resource.type"] = "index_or_alias";
  extra["resource.id"] = index_name;
  extra["index_uuid"] = index_uuid;
  extra["index"] = index_name;
  return opensearch_error(404, "index_not_found_exception", "no such index [" + index_name + "]", extra);
}

RestResponse acknowledged() {
  json body = json::object();
  body["acknowledged"] = true;
  return RestResponse::ok(std::move(body));
}

}  // namespace ccrsim
