// REST handlers of the replication plugin (docs/replication.md "REST API", "Stats"): request shape validation in the
// plugin's order, then the service. Bodies are parsed strictly like the plugin's ObjectParsers: unknown fields are a
// 400.
#include <set>
#include <string>
#include <vector>

#include "model/domain.h"
#include "model/replication/replication_errors.h"
#include "model/replication/replication_service.h"
#include "model/rest/index_settings.h"
#include "model/security/access_control.h"
#include "scenario/engine_versions.h"

namespace ccrsim {

namespace errors = replication_errors;

namespace {

constexpr char kBase[] = "_plugins/_replication/";

// The first field of `body` not in `allowed`, if any.
std::optional<std::string> unknown_field(const json& body, const std::set<std::string>& allowed) {
  for (const auto& [key, value] : body.items()) {
    (void)value;
    if (allowed.count(key) == 0) return key;
  }
  return std::nullopt;
}

void flatten(const json& value, const std::string& prefix, json& out) {
  if (!value.is_object()) {
    out[prefix] = value;
    return;
  }
  for (const auto& [key, child] : value.items()) flatten(child, prefix.empty() ? key : prefix + "." + key, out);
}

json flat_settings(const json& settings) {
  json out = json::object();
  if (settings.is_object()) flatten(settings, "", out);
  return out;
}

bool non_empty_string(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() && !it->get<std::string>().empty();
}

std::string string_field(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Parses and validates a start body; on success fills `out`, otherwise returns the error.
std::optional<RestResponse> parse_start(const RestContext& ctx, StartReplicationRequest& out) {
  const auto& body = ctx.request.body;
  if (!body) return errors::body_required();
  if (!body->is_object()) return errors::malformed_body("request body must be a JSON object");
  if (auto field = unknown_field(*body, {"leader_alias", "leader_index", "use_roles", "settings"})) {
    return errors::unknown_field("replicate_index_request", *field);
  }
  std::vector<std::string> problems;
  std::vector<std::string> missing;
  if (!non_empty_string(*body, "leader_alias")) missing.push_back("leader_alias");
  if (!non_empty_string(*body, "leader_index")) missing.push_back("leader_index");
  if (!missing.empty()) {
    // ReplicateIndexRequest.validate() returns right after this message: no name or use_roles checks follow.
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    return errors::validation_failed({"Mandatory params [" + list + "] are missing for the request"});
  }
  out.follower_index = ctx.param("index");
  out.leader_alias = (*body)["leader_alias"].get<std::string>();
  out.leader_index = (*body)["leader_index"].get<std::string>();
  for (const std::string& p : errors::name_problems(out.leader_index)) problems.push_back(p);
  for (const std::string& p : errors::name_problems(out.follower_index)) problems.push_back(p);
  if (auto roles = body->find("use_roles"); roles != body->end()) {
    if (!roles->is_object()) return errors::malformed_body("[use_roles] must be an object");
    if (auto field = unknown_field(*roles, {"leader_cluster_role", "follower_cluster_role"})) {
      return errors::unknown_field("use_roles", *field);
    }
    out.has_use_roles = true;
    out.leader_cluster_role = string_field(*roles, "leader_cluster_role");
    out.follower_cluster_role = string_field(*roles, "follower_cluster_role");
    if (!non_empty_string(*roles, "leader_cluster_role") || !non_empty_string(*roles, "follower_cluster_role")) {
      problems.push_back("Need roles for leader_cluster_role and follower_cluster_role");
    }
  }
  if (auto settings = body->find("settings"); settings != body->end()) {
    if (!settings->is_object()) return errors::malformed_body("[settings] must be an object");
    out.settings = flat_settings(*settings);
  }
  if (!problems.empty()) return errors::validation_failed(problems);
  out.wait_for_restore = ctx.request.flag("wait_for_restore");
  return std::nullopt;
}

// Stop and resume need a body ({}); their parsers know no (stop) or only version-dependent (resume) fields.
std::optional<RestResponse> require_empty_object(const RestContext& ctx, const char* parser) {
  const auto& body = ctx.request.body;
  if (!body) return errors::body_required();
  if (!body->is_object()) return errors::malformed_body("request body must be a JSON object");
  if (auto field = unknown_field(*body, {})) return errors::unknown_field(parser, *field);
  return std::nullopt;
}

// The security plugin's check of the calling user for the action guarding the endpoint (docs/security.md "Per-endpoint
// checks"). It runs after the request's own validation and before the plugin looks at any state.
std::optional<RestResponse> authorize(const RestContext& ctx, const char* action, const std::string& index) {
  return authorize_user(ctx.domain().security(), ctx.request.user, action, index);
}

// _start, _stop, _pause and _resume.
void register_lifecycle_endpoints(RestRouter& router, ReplicationService& service) {
  const std::string base = kBase;

  router.add_async("PUT", base + "{index}/_start", [&service](RestContext& ctx, Responder done) {
    StartReplicationRequest request;
    if (auto error = parse_start(ctx, request)) return done(std::move(*error));
    if (auto denied = authorize(ctx, replication_action::kStart, request.follower_index)) {
      return done(std::move(*denied));
    }
    request.user = ctx.request.user;
    service.start(ctx.domain_id, request, std::move(done));
  });

  router.add("POST", base + "{index}/_stop", [&service](RestContext& ctx) {
    if (auto error = require_empty_object(ctx, "stop_index_replication_request")) return std::move(*error);
    if (auto denied = authorize(ctx, replication_action::kStop, ctx.param("index"))) return std::move(*denied);
    return service.stop(ctx.domain_id, ctx.param("index"));
  });

  router.add("POST", base + "{index}/_pause", [&service](RestContext& ctx) {
    std::optional<std::string> reason;
    if (const auto& body = ctx.request.body) {
      if (!body->is_object()) return errors::malformed_body("request body must be a JSON object");
      if (auto field = unknown_field(*body, {"reason"}))
        return errors::unknown_field("pause_replication_request", *field);
      if (auto it = body->find("reason"); it != body->end() && it->is_string()) reason = it->get<std::string>();
    }
    if (auto denied = authorize(ctx, replication_action::kPause, ctx.param("index"))) return std::move(*denied);
    return service.pause(ctx.domain_id, ctx.param("index"), reason);
  });

  router.add_async("POST", base + "{index}/_resume", [&service](RestContext& ctx, Responder done) {
    const auto& body = ctx.request.body;
    if (!body) return done(errors::body_required());
    if (!body->is_object()) return done(errors::malformed_body("request body must be a JSON object"));
    // force_resume exists from 3.8 on; older parsers know no field at all.
    const EngineVersion version = engine_version_or_default(ctx.domain().spec().engine_version);
    std::set<std::string> allowed;
    if (version.opensearch_at_least(3, 8)) allowed.insert("force_resume");
    if (auto field = unknown_field(*body, allowed)) {
      return done(errors::unknown_field("resume_replication_request", *field));
    }
    bool force = false;
    if (auto it = body->find("force_resume"); it != body->end()) {
      if (!it->is_boolean()) return done(errors::malformed_body("[force_resume] must be a boolean"));
      force = it->get<bool>();
    }
    if (auto denied = authorize(ctx, replication_action::kResume, ctx.param("index"))) return done(std::move(*denied));
    service.resume(ctx.domain_id, ctx.param("index"), force, std::move(done));
  });
}

// _status, _update and the stats endpoints.
void register_view_endpoints(RestRouter& router, ReplicationService& service) {
  const std::string base = kBase;

  router.add("GET", base + "{index}/_status", [&service](RestContext& ctx) {
    if (auto denied = authorize(ctx, replication_action::kStatus, ctx.param("index"))) return std::move(*denied);
    return service.status(ctx.domain_id, ctx.param("index"), ctx.request.flag("verbose"));
  });
  router.add("GET", base + "/_status", [](RestContext&) { return errors::status_index_name_required(); });

  router.add("PUT", base + "{index}/_update", [&service](RestContext& ctx) {
    json settings = json::object();
    if (const auto& body = ctx.request.body) {
      if (!body->is_object()) return errors::malformed_body("request body must be a JSON object");
      auto nested = body->find("settings");
      settings = flat_settings(nested != body->end() ? *nested : *body);
    }
    // The plugin validates the override set as index-scoped settings before it looks at the replication state, so
    // an invalid value is a 400 even for an index that is not replicating (docs/replication.md "Update").
    FlatSettings prefixed;
    if (auto error = normalize_index_settings(settings, prefixed)) return std::move(*error);
    if (auto error = validate_index_settings(prefixed)) return std::move(*error);
    if (auto denied = authorize(ctx, replication_action::kUpdate, ctx.param("index"))) return std::move(*denied);
    return service.update(ctx.domain_id, ctx.param("index"), settings);
  });

  // Stats requests carry no indices: the permission is needed on `*` (docs/security.md "Per-endpoint checks",
  // inferred).
  router.add("GET", base + "leader_stats", [&service](RestContext& ctx) {
    if (auto denied = authorize(ctx, replication_action::kLeaderStats, "*")) return std::move(*denied);
    return service.leader_stats(ctx.domain_id);
  });
  router.add("GET", base + "follower_stats", [&service](RestContext& ctx) {
    if (auto denied = authorize(ctx, replication_action::kFollowerStats, "*")) return std::move(*denied);
    return service.follower_stats(ctx.domain_id);
  });
}

}  // namespace

void register_replication_api(RestRouter& router, ReplicationService& service) {
  register_lifecycle_endpoints(router, service);
  register_view_endpoints(router, service);
}

}  // namespace ccrsim
