#include "model/rest/cluster_settings_api.h"

#include "model/replication/replication_settings.h"
#include "model/rest/handler_guard.h"
#include "model/rest/index_errors.h"
#include "model/rest/index_resolver.h"
#include "model/rest/settings_format.h"
#include "model/wildcard.h"

namespace ccrsim {

namespace {

FlatSettings to_flat(const json& stored) {
  FlatSettings flat;
  for (const auto& [k, v] : stored.items()) flat[k] = v;
  return flat;
}

RestResponse get_cluster_settings(RestContext& ctx) {
  const Domain& domain = ctx.domain();
  const bool flat = ctx.request.flag("flat_settings");
  json body = json::object();
  body["persistent"] = settings_to_xcontent(to_flat(domain.persistent_settings()), flat);
  body["transient"] = settings_to_xcontent(to_flat(domain.transient_settings()), flat);
  return RestResponse::ok(std::move(body));
}

std::optional<RestResponse> validate_scope(const FlatSettings& settings, const std::string& scope) {
  for (const auto& [key, value] : settings) {
    const bool removal_pattern = value.is_null() && key.find('*') != std::string::npos;
    if (!removal_pattern && !is_known_cluster_setting(key)) {
      return illegal_argument(scope + " setting [" + key + "], not recognized");
    }
    if (auto problem = validate_replication_setting(key, value)) return illegal_argument(*problem);
  }
  return std::nullopt;
}

// Applies one scope and returns the updated (non-removed) settings, as the response echoes them.
FlatSettings apply_scope(json& stored, const FlatSettings& settings) {
  FlatSettings updated;
  for (const auto& [key, value] : settings) {
    if (!value.is_null()) {
      stored[key] = value;
      updated[key] = value;
      continue;
    }
    std::vector<std::string> doomed;
    for (const auto& [k, v] : stored.items()) {
      if (simple_match(key, k)) doomed.push_back(k);
    }
    for (const std::string& k : doomed) stored.erase(k);
  }
  return updated;
}

std::optional<RestResponse> read_scope(const json& body, const char* name, FlatSettings& out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  std::string error;
  if (!flatten_settings(*it, out, error)) return body_must_be_object(std::string("[") + name + "]");
  return std::nullopt;
}

RestResponse put_cluster_settings(RestContext& ctx) {
  if (!ctx.request.body) return body_required();
  const json& body = *ctx.request.body;
  if (!body.is_object()) return body_must_be_object();
  for (const auto& [key, value] : body.items()) {
    if (key != "persistent" && key != "transient") {
      return opensearch_error(400, "x_content_parse_exception",
                              "[cluster_update_settings_request] unknown field [" + key + "]");
    }
  }
  FlatSettings persistent, transient;
  if (auto e = read_scope(body, "persistent", persistent)) return *e;
  if (auto e = read_scope(body, "transient", transient)) return *e;
  if (persistent.empty() && transient.empty()) {
    return opensearch_error(400, "action_request_validation_exception", "Validation Failed: 1: no settings to update;");
  }
  if (auto e = validate_scope(transient, "transient")) return *e;
  if (auto e = validate_scope(persistent, "persistent")) return *e;
  Domain& domain = ctx.domain();
  const FlatSettings persistent_updates = apply_scope(domain.persistent_settings(), persistent);
  const FlatSettings transient_updates = apply_scope(domain.transient_settings(), transient);
  json out = json::object();
  out["acknowledged"] = true;
  out["persistent"] = settings_to_xcontent(persistent_updates, false);
  out["transient"] = settings_to_xcontent(transient_updates, false);
  return RestResponse::ok(std::move(out));
}

}  // namespace

bool is_known_cluster_setting(const std::string& key) {
  // The replication plugin registers its settings one by one; anything else under its prefix is unknown.
  if (key.rfind("plugins.replication.", 0) == 0) return is_replication_setting(key);
  for (const char* prefix : {"cluster.", "action.", "indices."}) {
    if (key.rfind(prefix, 0) == 0 && key.size() > std::char_traits<char>::length(prefix)) return true;
  }
  return false;
}

void register_cluster_settings_api(RestRouter& router) {
  router.add("GET", "_cluster/settings", guarded(get_cluster_settings));
  router.add("PUT", "_cluster/settings", guarded(put_cluster_settings));
}

}  // namespace ccrsim
