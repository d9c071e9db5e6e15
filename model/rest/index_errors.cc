#include "model/rest/index_errors.h"

namespace ccrsim {

namespace {

json index_fields(const Index& index) {
  json extra = json::object();
  extra["index_uuid"] = index.uuid();
  extra["index"] = index.name();
  return extra;
}

}  // namespace

RestResponse index_closed(const Index& index) {
  return opensearch_error(400, "index_closed_exception", "closed", index_fields(index));
}

RestResponse replication_blocked(const Index& index) {
  return opensearch_error(
      403, "cluster_block_exception",
      "index [" + index.name() + "] blocked by: [FORBIDDEN/1000/index read-only(cross-cluster-replication)];");
}

std::optional<RestResponse> api_write_block(const Index& index) {
  struct Block {
    const char* setting;
    int status;
    const char* description;
  };
  static const Block kBlocks[] = {
      {"blocks.read_only", 403, "FORBIDDEN/5/index read-only (api)"},
      {"blocks.read_only_allow_delete", 429,
       "TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block"},
      {"blocks.write", 403, "FORBIDDEN/8/index write (api)"}};
  for (const Block& block : kBlocks) {
    auto it = index.settings().find(block.setting);
    if (it == index.settings().end() || *it != json("true")) continue;
    return opensearch_error(block.status, "cluster_block_exception",
                            "index [" + index.name() + "] blocked by: [" + block.description + "];");
  }
  return std::nullopt;
}

RestResponse with_caused_by(RestResponse response, const std::string& type, const std::string& reason) {
  json cause = json::object();
  cause["type"] = type;
  cause["reason"] = reason;
  response.body["error"]["caused_by"] = std::move(cause);
  return response;
}

RestResponse index_already_exists(const Index& index) {
  return opensearch_error(400, "resource_already_exists_exception",
                          "index [" + index.name() + "/" + index.uuid() + "] already exists", index_fields(index));
}

RestResponse illegal_argument(const std::string& reason) {
  return opensearch_error(400, "illegal_argument_exception", reason);
}

RestResponse parse_exception(const std::string& reason) {
  return opensearch_error(400, "parse_exception", reason);
}

RestResponse body_must_be_object(const std::string& what) {
  return parse_exception(what + " must be a JSON object");
}

RestResponse body_required() {
  return parse_exception("request body is required");
}

}  // namespace ccrsim
