#include "model/rest/index_api.h"

#include <set>

#include "model/rest/handler_guard.h"
#include "model/rest/index_creation.h"
#include "model/rest/index_errors.h"
#include "model/rest/index_resolver.h"
#include "model/rest/index_settings.h"

namespace ccrsim {

namespace {

json body_or_null(const RestContext& ctx) {
  return ctx.request.body.value_or(json(nullptr));
}

RestResponse put_index(RestContext& ctx) {
  Domain& domain = ctx.domain();
  const std::string& name = ctx.param("index");
  CreatedIndex created = create_index(domain, name, body_or_null(ctx), ctx.now());
  if (created.error) return *created.error;
  json body = json::object();
  body["acknowledged"] = true;
  body["shards_acknowledged"] = true;
  body["index"] = name;
  return RestResponse::ok(std::move(body));
}

// The write-block check of every metadata-changing request on the resolved indices.
std::optional<RestResponse> first_blocked(const std::vector<Index*>& indices) {
  for (const Index* index : indices) {
    if (index->replication_block()) return replication_blocked(*index);
  }
  return std::nullopt;
}

RestResponse delete_index(RestContext& ctx) {
  Domain& domain = ctx.domain();
  ResolvedIndices resolved = resolve_indices(domain, ctx.param("index"), IndicesOptions::open_and_closed());
  if (resolved.error) return *resolved.error;
  if (auto blocked = first_blocked(resolved.indices)) return *blocked;
  std::vector<std::string> names;
  for (const Index* index : resolved.indices) names.push_back(index->name());
  for (const std::string& name : names) domain.delete_index(name);
  return acknowledged();
}

RestResponse close_index(RestContext& ctx) {
  Domain& domain = ctx.domain();
  ResolvedIndices resolved = resolve_indices(domain, ctx.param("index"), IndicesOptions::open_and_closed());
  if (resolved.error) return *resolved.error;
  if (auto blocked = first_blocked(resolved.indices)) return *blocked;
  json indices = json::object();
  for (Index* index : resolved.indices) {
    index->set_closed(true);
    indices[index->name()] = json{{"closed", true}};
  }
  json body = json::object();
  body["acknowledged"] = true;
  body["shards_acknowledged"] = true;
  body["indices"] = std::move(indices);
  return RestResponse::ok(std::move(body));
}

RestResponse open_index(RestContext& ctx) {
  Domain& domain = ctx.domain();
  ResolvedIndices resolved = resolve_indices(domain, ctx.param("index"), IndicesOptions::open_and_closed());
  if (resolved.error) return *resolved.error;
  if (auto blocked = first_blocked(resolved.indices)) return *blocked;
  for (Index* index : resolved.indices) index->set_closed(false);
  json body = json::object();
  body["acknowledged"] = true;
  body["shards_acknowledged"] = true;
  return RestResponse::ok(std::move(body));
}

json aliases_json(const Index& index) {
  json out = json::object();
  for (const auto& [alias, definition] : index.aliases()) out[alias] = definition;
  return out;
}

RestResponse get_index(RestContext& ctx) {
  Domain& domain = ctx.domain();
  ResolvedIndices resolved = resolve_indices(domain, ctx.param("index"), IndicesOptions::open_and_closed());
  if (resolved.error) return *resolved.error;
  const bool flat = ctx.request.flag("flat_settings");
  json body = json::object();
  for (const Index* index : resolved.indices) {
    json entry = json::object();
    entry["aliases"] = aliases_json(*index);
    entry["mappings"] = index->mappings();
    entry["settings"] = index_settings_xcontent(domain, *index, flat);
    body[index->name()] = std::move(entry);
  }
  return RestResponse::ok(std::move(body));
}

RestResponse get_settings(RestContext& ctx) {
  Domain& domain = ctx.domain();
  ResolvedIndices resolved = resolve_indices(domain, ctx.param("index"), IndicesOptions::open_and_closed());
  if (resolved.error) return *resolved.error;
  const bool flat = ctx.request.flag("flat_settings");
  json body = json::object();
  for (const Index* index : resolved.indices) {
    body[index->name()] = json{{"settings", index_settings_xcontent(domain, *index, flat)}};
  }
  return RestResponse::ok(std::move(body));
}

RestResponse get_mapping(RestContext& ctx) {
  Domain& domain = ctx.domain();
  ResolvedIndices resolved = resolve_indices(domain, ctx.param("index"), IndicesOptions::open_and_closed());
  if (resolved.error) return *resolved.error;
  json body = json::object();
  for (const Index* index : resolved.indices) body[index->name()] = json{{"mappings", index->mappings()}};
  return RestResponse::ok(std::move(body));
}

// "Can't update non dynamic settings [[index.number_of_shards]] for open indices [[name/uuid]]".
std::optional<RestResponse> static_settings_on_open(const FlatSettings& settings, const std::vector<Index*>& indices) {
  std::set<std::string> statics;
  for (const auto& [key, value] : settings) {
    if (is_static_index_setting(key)) statics.insert(key);
  }
  std::vector<const Index*> open;
  for (const Index* index : indices) {
    if (!index->closed()) open.push_back(index);
  }
  if (statics.empty() || open.empty()) return std::nullopt;
  std::string keys, names;
  for (const std::string& key : statics) keys += (keys.empty() ? "" : ", ") + key;
  for (const Index* index : open) names += (names.empty() ? "[" : ", [") + index->name() + "/" + index->uuid() + "]";
  return illegal_argument("Can't update non dynamic settings [[" + keys + "]] for open indices [" + names + "]");
}

// Property.Final settings cannot change even on a closed index.
std::optional<RestResponse> final_setting(const FlatSettings& settings) {
  for (const auto& [key, value] : settings) {
    if (is_final_index_setting(key)) return illegal_argument("final index setting [" + key + "], not updateable");
  }
  return std::nullopt;
}

RestResponse put_settings(RestContext& ctx) {
  Domain& domain = ctx.domain();
  if (!ctx.request.body) return body_required();
  json request = *ctx.request.body;
  if (!request.is_object()) return body_must_be_object();
  // RestUpdateSettingsAction unwraps a top-level "settings" object.
  if (request.size() == 1 && request.contains("settings") && request["settings"].is_object()) {
    request = json(request["settings"]);
  }
  FlatSettings settings;
  if (auto error = normalize_index_settings(request, settings)) return *error;
  ResolvedIndices resolved = resolve_indices(domain, ctx.param("index"), IndicesOptions::open_and_closed());
  if (resolved.error) return *resolved.error;
  if (auto blocked = first_blocked(resolved.indices)) return *blocked;
  if (auto error = validate_index_settings(settings)) return *error;
  if (auto error = static_settings_on_open(settings, resolved.indices)) return *error;
  if (auto error = final_setting(settings)) return *error;
  for (Index* index : resolved.indices) apply_index_settings(*index, settings);
  return acknowledged();
}

}  // namespace

void register_index_api(RestRouter& router) {
  router.add("PUT", "{index}", guarded(put_index));
  router.add("DELETE", "{index}", guarded(delete_index));
  router.add("GET", "{index}", guarded(get_index));
  router.add("POST", "{index}/_close", guarded(close_index));
  router.add("POST", "{index}/_open", guarded(open_index));
  router.add("GET", "{index}/_settings", guarded(get_settings));
  router.add("PUT", "{index}/_settings", guarded(put_settings));
  router.add("GET", "{index}/_mapping", guarded(get_mapping));
}

}  // namespace ccrsim
