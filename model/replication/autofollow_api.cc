// REST handlers of the auto-follow rules (docs/autofollow.md "The API", "GET _plugins/_replication/autofollow_stats"):
// the UpdateAutoFollowPatternRequest parser and its validate(), in the plugin's order, then the AutofollowService. POST
// and DELETE share one parser.
#include <set>
#include <string>
#include <vector>

#include "model/replication/autofollow_service.h"
#include "model/replication/index_pattern.h"
#include "model/replication/replication_errors.h"
#include "model/rest/index_settings.h"
#include "sim/assert.h"

namespace ccrsim {

namespace errors = replication_errors;

namespace {

constexpr char kParser[] = "AutoFollowRequestParser";

enum class RuleAction { kAdd, kRemove };

struct RuleRequest {
  std::optional<std::string> leader_alias;
  std::optional<std::string> name;
  std::optional<std::string> pattern;
  std::optional<json> use_roles;
  json settings = json::object();
};

std::optional<RestResponse> read_string(const json& body, const char* key, std::optional<std::string>& out) {
  auto it = body.find(key);
  if (it == body.end()) return std::nullopt;
  if (!it->is_string()) {
    return errors::malformed_body(std::string("[") + kParser + "] failed to parse field [" + key + "]");
  }
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<RestResponse> parse_rule(const RestContext& ctx, RuleRequest& out) {
  const auto& body = ctx.request.body;
  if (!body) return errors::body_required();
  if (!body->is_object()) return errors::malformed_body("request body must be a JSON object");
  for (const auto& [key, value] : body->items()) {
    (void)value;
    if (autofollow_request_fields().count(key) == 0) return errors::unknown_field(kParser, key);
  }
  for (auto [key, field] : {std::pair{"leader_alias", &out.leader_alias}, std::pair{"name", &out.name},
                            std::pair{"pattern", &out.pattern}}) {
    if (auto error = read_string(*body, key, *field)) return error;
  }
  if (auto roles = body->find("use_roles"); roles != body->end()) {
    if (!roles->is_object()) return errors::malformed_body("[use_roles] must be an object");
    for (const auto& [key, value] : roles->items()) {
      (void)value;
      if (key != "leader_cluster_role" && key != "follower_cluster_role")
        return errors::unknown_field("use_roles", key);
    }
    if (!roles->empty()) out.use_roles = *roles;  // an empty use_roles counts as none
  }
  if (auto settings = body->find("settings"); settings != body->end()) {
    FlatSettings flat;
    if (auto error = normalize_index_settings(*settings, flat)) return error;
    for (const auto& [key, value] : flat) out.settings[key] = value;
  }
  CCRSIM_ASSERT(out.settings.is_object());
  CCRSIM_ASSERT(!out.use_roles || (out.use_roles->is_object() && !out.use_roles->empty()));
  return std::nullopt;
}

bool role_given(const json& roles, const char* key) {
  auto it = roles.find(key);
  return it != roles.end() && it->is_string();
}

// UpdateAutoFollowPatternRequest.validate(): every message, in order, as one "Validation Failed" 400.
std::optional<RestResponse> validate_rule(const RuleRequest& r, RuleAction action) {
  // Without a connection or a name the plugin cannot go on to the name checks; the simulator stops here.
  if (!r.leader_alias || !r.name) return errors::validation_failed({"Missing connection or name in the request"});
  std::vector<std::string> problems = errors::name_problems(*r.name);
  if (r.use_roles &&
      (!role_given(*r.use_roles, "leader_cluster_role") || !role_given(*r.use_roles, "follower_cluster_role"))) {
    problems.push_back("Need roles for leader_cluster_role and follower_cluster_role");
  }
  if (action == RuleAction::kRemove) {
    if (r.pattern) problems.push_back("Unexpected pattern");
  } else if (!r.pattern) {
    problems.push_back("Missing pattern");
  } else {
    for (std::string& p : autofollow_pattern_problems(*r.pattern)) problems.push_back(std::move(p));
  }
  if (!problems.empty()) return errors::validation_failed(problems);
  // What the handlers read without checking: a valid add has a pattern, a valid remove has none.
  CCRSIM_ASSERT(r.leader_alias && r.name);
  CCRSIM_ASSERT(action == RuleAction::kAdd ? r.pattern.has_value() : !r.pattern.has_value());
  CCRSIM_ASSERT(!r.use_roles ||
                (role_given(*r.use_roles, "leader_cluster_role") && role_given(*r.use_roles, "follower_cluster_role")));
  return std::nullopt;
}

}  // namespace

const std::set<std::string>& autofollow_request_fields() {
  static const std::set<std::string> kFields = {"leader_alias", "name", "pattern", "use_roles", "settings"};
  return kFields;
}

void register_autofollow_api(RestRouter& router, AutofollowService& service) {
  const std::string path = "_plugins/_replication/_autofollow";

  router.add_async("POST", path, [&service](RestContext& ctx, Responder done) {
    RuleRequest request;
    if (auto error = parse_rule(ctx, request)) return done(std::move(*error));
    if (auto error = validate_rule(request, RuleAction::kAdd)) return done(std::move(*error));
    CCRSIM_ASSERT(ctx.domain_id >= 0);
    AutofollowRule rule;
    rule.follower = ctx.domain_id;
    rule.leader_alias = *request.leader_alias;
    rule.name = *request.name;
    rule.pattern = *request.pattern;
    rule.has_use_roles = request.use_roles.has_value();
    if (request.use_roles) {
      rule.leader_cluster_role = request.use_roles->value("leader_cluster_role", "");
      rule.follower_cluster_role = request.use_roles->value("follower_cluster_role", "");
    }
    rule.user = ctx.request.user;
    rule.settings = std::move(request.settings);
    service.create(std::move(rule), std::move(done));
  });

  router.add("DELETE", path, [&service](RestContext& ctx) {
    RuleRequest request;
    if (auto error = parse_rule(ctx, request)) return std::move(*error);
    if (auto error = validate_rule(request, RuleAction::kRemove)) return std::move(*error);
    return service.remove(ctx.domain_id, *request.leader_alias, *request.name);
  });

  router.add("GET", "_plugins/_replication/autofollow_stats",
             [&service](RestContext& ctx) { return service.stats(ctx.domain_id); });
}

}  // namespace ccrsim
