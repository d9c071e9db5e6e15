#include "model/rest/document_api.h"

#include "model/rest/auto_id.h"
#include "model/rest/byte_size.h"
#include "model/rest/dynamic_mapping.h"
#include "model/rest/handler_guard.h"
#include "model/rest/index_creation.h"
#include "model/rest/index_errors.h"
#include "model/rest/index_health.h"

namespace ccrsim {

namespace {

constexpr std::size_t kMaxIdBytes = 512;

// ?refresh, ?refresh=true and ?refresh=wait_for all make the write searchable at once in the simulator: wait_for
// would wait for the next periodic refresh, which the simulator does not delay the response for.
bool wants_refresh(const RestRequest& request) {
  auto it = request.params.find("refresh");
  return it != request.params.end() && (it->second.empty() || it->second == "true" || it->second == "wait_for");
}
bool forced_refresh(const RestRequest& request) {
  return wants_refresh(request) && request.param("refresh") != "wait_for";
}

std::optional<RestResponse> check_writable(const Index& index) {
  if (index.closed()) return index_closed(index);
  if (index.replication_block()) return replication_blocked(index);
  return api_write_block(index);
}

// A write routed to an unassigned primary (node_down without a replica) is retried by TransportReplicationAction until
// the bulk's timeout (1m) runs out, then fails with 503. The step is answered in its instant (docs/faults.md), so the
// minute is not waited. `item` is the one request of the BulkShardRequest, as its toString prints it.
RestResponse unavailable_primary(const Index& index, int shard, const std::string& item, const RestRequest& request) {
  const std::string shard_id = "[" + index.name() + "][" + std::to_string(shard) + "]";
  std::string bulk = "BulkShardRequest [" + shard_id + "] containing [" + item + "]";
  if (forced_refresh(request)) bulk += " and a refresh";
  if (request.param("refresh") == "wait_for") bulk += " blocking until refresh";
  return opensearch_error(503, "unavailable_shards_exception",
                          shard_id + " primary shard is not active Timeout: [1m], request: [" + bulk + "]");
}

// The shard `id` routes to, when its primary is unassigned.
std::optional<int> unassigned_shard_of(const Index& index, const std::string& id) {
  const int shard = index.shard_for_id(id);
  if (!index.shard_unassigned(shard)) return std::nullopt;
  return shard;
}

// IndexRequest.toString: the source as compact JSON, or its size past 2 KiB.
std::string index_item(const Index& index, const std::string& id, const json& source) {
  constexpr std::size_t kMaxSourceInText = 2048;
  std::string text = source.dump();
  if (text.size() > kMaxSourceInText) {
    text = "n/a, actual length: [" + human_bytes(static_cast<std::int64_t>(text.size())) +
           "], max length: " + human_bytes(static_cast<std::int64_t>(kMaxSourceInText));
  }
  return "index {[" + index.name() + "][" + id + "], source[" + text + "]}";
}

std::optional<RestResponse> check_id(const std::string& id) {
  if (id.size() <= kMaxIdBytes) return std::nullopt;
  return opensearch_error(400, "action_request_validation_exception",
                          "Validation Failed: 1: id [" + id +
                              "] is too long, must be no longer than 512 bytes but was: " + std::to_string(id.size()) +
                              ";");
}

// action.auto_create_index=false turns the auto-create of a write into a 404.
std::optional<RestResponse> check_auto_create(const Domain& domain, const std::string& name) {
  if (domain.find_index(name) != nullptr) return std::nullopt;
  const json setting = domain.cluster_setting("action.auto_create_index");
  if (setting != json("false") && setting != json(false)) return std::nullopt;
  for (const auto& [index_name, index] : domain.indices()) {
    if (index->aliases().count(name) != 0) return std::nullopt;
  }
  json extra = json::object();
  extra["index_uuid"] = "_na_";
  extra["index"] = name;
  return opensearch_error(404, "index_not_found_exception",
                          "no such index [" + name + "] and [action.auto_create_index] is [false]", extra);
}

json shards_json(const Domain& domain, const Index& index) {
  json shards = json::object();
  shards["total"] = index.number_of_replicas() + 1;
  shards["successful"] = assigned_copies(domain, index);
  shards["failed"] = 0;
  return shards;
}

// DocWriteResponse.innerToXContent, in its key order.
json write_response(const Domain& domain, const Index& index, const std::string& id, const Index::WriteResult& r,
                    const std::string& result, bool refreshed) {
  json body = json::object();
  body["_index"] = index.name();
  body["_id"] = id;
  body["_version"] = r.version;
  body["result"] = result;
  if (refreshed) body["forced_refresh"] = true;
  body["_shards"] = shards_json(domain, index);
  body["_seq_no"] = r.seq_no;
  body["_primary_term"] = 1;
  return body;
}

std::optional<RestResponse> check_source(const RestRequest& request) {
  if (!request.body) return body_required();
  if (!request.body->is_object()) return opensearch_error(400, "mapper_parsing_exception", "failed to parse");
  return std::nullopt;
}

RestResponse version_conflict(const Index& index, const std::string& id, std::int64_t version) {
  json extra = json::object();
  extra["index_uuid"] = index.uuid();
  extra["shard"] = std::to_string(index.shard_for_id(id));
  extra["index"] = index.name();
  return opensearch_error(
      409, "version_conflict_engine_exception",
      "[" + id + "]: version conflict, document already exists (current version [" + std::to_string(version) + "])",
      extra);
}

RestResponse write_doc(RestContext& ctx, const std::string& id, bool create_only) {
  Domain& domain = ctx.domain();
  if (auto error = check_source(ctx.request)) return *error;
  if (auto error = check_id(id)) return *error;
  const std::string& name = ctx.param("index");
  if (auto error = check_auto_create(domain, name)) return *error;
  CreatedIndex target = index_for_write(domain, name, ctx.now());
  if (target.error) return *target.error;
  Index& index = *target.index;
  if (auto error = check_writable(index)) return *error;
  // Everything below happens on the primary: a version conflict or a mapping error needs it assigned first.
  if (const auto shard = unassigned_shard_of(index, id)) {
    return unavailable_primary(index, *shard, index_item(index, id, *ctx.request.body), ctx.request);
  }
  if (create_only) {
    if (auto existing = index.get_doc(id)) return version_conflict(index, id, existing->version);
  }
  if (auto error = map_document(index.mappings(), *ctx.request.body, id)) return *error;
  const Index::WriteResult r = index.index_doc(id, *ctx.request.body, ctx.now());
  if (wants_refresh(ctx.request)) index.force_refresh(ctx.now());
  const bool created = r.created;
  return RestResponse::with_status(
      created ? 201 : 200,
      write_response(domain, index, id, r, created ? "created" : "updated", forced_refresh(ctx.request)));
}

RestResponse put_doc(RestContext& ctx) {
  const bool create_only = ctx.request.param("op_type") == "create";
  return write_doc(ctx, ctx.param("id"), create_only);
}

RestResponse create_doc(RestContext& ctx) {
  return write_doc(ctx, ctx.param("id"), true);
}

RestResponse post_doc_auto_id(RestContext& ctx) {
  Domain& domain = ctx.domain();
  if (auto error = check_source(ctx.request)) return *error;
  const std::string& name = ctx.param("index");
  if (auto error = check_auto_create(domain, name)) return *error;
  CreatedIndex target = index_for_write(domain, name, ctx.now());
  if (target.error) return *target.error;
  if (auto error = check_writable(*target.index)) return *error;
  const std::string id =
      auto_document_id(target.index->next_auto_id_sequence(), ctx.now(), domain.name() + "/" + target.index->uuid());
  return write_doc(ctx, id, false);
}

// A single-document read or delete goes to one concrete index: the index itself or an alias's only index.
struct ReadTarget {
  Index* index = nullptr;
  std::optional<RestResponse> error;
};

ReadTarget single_index(Domain& domain, const std::string& name) {
  ReadTarget out;
  out.index = domain.find_index(name);
  if (out.index != nullptr) return out;
  std::vector<std::string> targets;
  for (const auto& [index_name, index] : domain.indices()) {
    if (index->aliases().count(name) != 0) {
      targets.push_back(index_name);
      out.index = index.get();
    }
  }
  if (targets.size() == 1) return out;
  out.index = nullptr;
  if (targets.empty()) {
    out.error = index_not_found(name);
    return out;
  }
  std::string list;
  for (const std::string& t : targets) list += (list.empty() ? "" : ", ") + t;
  out.error = illegal_argument("alias [" + name + "] has more than one index associated with it [" + list +
                               "], can't execute a single index op");
  return out;
}

RestResponse get_doc(RestContext& ctx) {
  Domain& domain = ctx.domain();
  ReadTarget target = single_index(domain, ctx.param("index"));
  if (target.error) return *target.error;
  const Index& index = *target.index;
  if (index.closed()) return index_closed(index);
  const std::string& id = ctx.param("id");
  json body = json::object();
  body["_index"] = index.name();
  body["_id"] = id;
  auto doc = index.get_doc(id);  // GET is real time: it sees unrefreshed writes
  if (!doc) {
    body["found"] = false;
    return RestResponse::with_status(404, std::move(body));
  }
  body["_version"] = doc->version;
  body["_seq_no"] = doc->seq_no;
  body["_primary_term"] = 1;
  body["found"] = true;
  body["_source"] = *doc->source;
  return RestResponse::ok(std::move(body));
}

RestResponse delete_doc(RestContext& ctx) {
  Domain& domain = ctx.domain();
  // Deletes never auto-create their index (TransportBulkAction skips them).
  ReadTarget target = single_index(domain, ctx.param("index"));
  if (target.error) return *target.error;
  Index& index = *target.index;
  if (auto error = check_writable(index)) return *error;
  const std::string& id = ctx.param("id");
  if (const auto shard = unassigned_shard_of(index, id)) {
    return unavailable_primary(index, *shard, "delete {[" + index.name() + "][" + id + "]}", ctx.request);
  }
  const Index::WriteResult r = index.delete_doc(id, ctx.now());
  if (wants_refresh(ctx.request)) index.force_refresh(ctx.now());
  return RestResponse::with_status(
      r.found ? 200 : 404,
      write_response(domain, index, id, r, r.found ? "deleted" : "not_found", forced_refresh(ctx.request)));
}

}  // namespace

void register_document_api(RestRouter& router) {
  router.add("PUT", "{index}/_doc/{id}", guarded(put_doc));
  router.add("POST", "{index}/_doc/{id}", guarded(put_doc));
  router.add("POST", "{index}/_doc", guarded(post_doc_auto_id));
  router.add("PUT", "{index}/_create/{id}", guarded(create_doc));
  router.add("POST", "{index}/_create/{id}", guarded(create_doc));
  router.add("GET", "{index}/_doc/{id}", guarded(get_doc));
  router.add("DELETE", "{index}/_doc/{id}", guarded(delete_doc));
}

}  // namespace ccrsim
