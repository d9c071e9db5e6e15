#include "model/security/security_api.h"

#include <set>

#include "model/domain.h"
#include "model/security/security_config.h"

namespace ccrsim {

namespace {

constexpr char kBase[] = "_plugins/_security/api/";
constexpr std::size_t kMaxListEntries = 1000;

RestResponse status_message(int http, const std::string& status, const std::string& message) {
  return RestResponse::with_status(http, json{{"status", status}, {"message", message}});
}

RestResponse not_found(const std::string& name) {
  return status_message(404, "NOT_FOUND", "Resource '" + name + "' not found.");
}

RestResponse bad_request(const std::string& message) {
  return status_message(400, "BAD_REQUEST", message);
}

// Who may use the REST API (plugins.security.restapi.roles_enabled on Amazon OpenSearch Service).
std::optional<RestResponse> check_api_access(const RestContext& ctx, const std::string& endpoint) {
  const SecurityConfig& security = ctx.domain().security();
  if (!security.enabled()) {
    // Simulator-defined: with fine-grained access control off the security plugin has no REST API on the domain.
    return bad_request("Fine-grained access control is not enabled on this domain");
  }
  const std::vector<std::string> roles = security.mapped_roles(ctx.request.user);
  for (const std::string& r : roles) {
    if (r == "all_access" || r == "security_manager") return std::nullopt;
  }
  return status_message(403, "FORBIDDEN",
                        "No permission to access REST API: User " + ctx.request.user + " with Security roles " +
                            java_list(roles) + " does not have any access to endpoint " + endpoint);
}

std::optional<std::string> unknown_key(const json& body, const std::set<std::string>& known) {
  for (const auto& [key, value] : body.items()) {
    (void)value;
    if (known.count(key) == 0) return key;
  }
  return std::nullopt;
}

RestResponse invalid_keys(const std::string& key) {
  return RestResponse::with_status(
      400, json{{"status", "error"}, {"reason", "Invalid configuration"}, {"invalid_keys", {{"keys", key}}}});
}

// A list of strings in a body; false (and the 400 in `error`) when it is something else.
bool read_strings(const json& body, const char* key, std::vector<std::string>& out,
                  std::optional<RestResponse>& error) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return true;
  bool ok = it->is_array() && it->size() <= kMaxListEntries;
  for (std::size_t i = 0; ok && i < it->size(); ++i) ok = (*it)[i].is_string();
  if (!ok) {
    error = RestResponse::with_status(
        400, json{{"status", "error"}, {"reason", "Wrong datatype"}, {"wrong_datatypes", {{key, "Array expected"}}}});
    return false;
  }
  for (const json& v : *it) out.push_back(v.get<std::string>());
  return true;
}

std::optional<RestResponse> require_object_body(const RestContext& ctx) {
  if (!ctx.request.body || !ctx.request.body->is_object()) return bad_request("Request body required for this action.");
  return std::nullopt;
}

RestResponse created_or_updated(bool existed, const std::string& name) {
  return existed ? status_message(200, "OK", "'" + name + "' updated.")
                 : status_message(201, "CREATED", "'" + name + "' created.");
}

RestResponse deleted(const std::string& name) {
  return status_message(200, "OK", "'" + name + "' deleted.");
}

json mapping_to_json(const RoleMapping& m) {
  return json{{"hosts", m.hosts},
              {"users", m.users},
              {"reserved", false},
              {"hidden", false},
              {"backend_roles", m.backend_roles},
              {"and_backend_roles", json::array()}};
}

json user_to_json(const SecurityUser& u) {
  return json{{"hash", ""},
              {"reserved", false},
              {"hidden", false},
              {"backend_roles", u.backend_roles},
              {"attributes", json::object()},
              {"opendistro_security_roles", json::array()},
              {"static", false}};
}

// GET of a whole collection, GET and DELETE of one resource: the same for users, mappings and roles.
template <typename Items, typename ToJson>
RestResponse get_all(RestContext& ctx, const char* endpoint, Items items, ToJson to_json) {
  if (auto denied = check_api_access(ctx, endpoint)) return *denied;
  json out = json::object();
  for (const auto& [name, item] : items(ctx.domain().security())) out[name] = to_json(item);
  return RestResponse::ok(std::move(out));
}

template <typename Find, typename ToJson>
RestResponse get_one(RestContext& ctx, const char* endpoint, Find find, ToJson to_json) {
  if (auto denied = check_api_access(ctx, endpoint)) return *denied;
  const std::string& name = ctx.param("name");
  const auto* item = find(ctx.domain().security(), name);
  if (item == nullptr) return not_found(name);
  return RestResponse::ok(json{{name, to_json(*item)}});
}

template <typename Erase>
RestResponse delete_one(RestContext& ctx, const char* endpoint, Erase erase) {
  if (auto denied = check_api_access(ctx, endpoint)) return *denied;
  const std::string& name = ctx.param("name");
  if (!erase(ctx.domain().security(), name)) return not_found(name);
  return deleted(name);
}

// --- roles

std::optional<RestResponse> refuse_reserved_role(const SecurityConfig& security, const std::string& name) {
  const SecurityRole* role = security.role(name);
  if (role == nullptr) return std::nullopt;
  if (role->static_role) return status_message(403, "FORBIDDEN", "Resource '" + name + "' is static.");
  if (role->reserved) return status_message(403, "FORBIDDEN", "Resource '" + name + "' is reserved.");
  return std::nullopt;
}

RestResponse put_role(RestContext& ctx) {
  if (auto denied = check_api_access(ctx, "ROLES")) return *denied;
  if (auto error = require_object_body(ctx)) return *error;
  const std::string& name = ctx.param("name");
  SecurityConfig& security = ctx.domain().security();
  if (auto refused = refuse_reserved_role(security, name)) return *refused;
  RoleDefinitionError error;
  auto role = parse_role(name, *ctx.request.body, error);
  if (!role) return RestResponse::with_status(400, error.to_body());
  const bool existed = security.role(name) != nullptr;
  security.put_role(std::move(*role));
  return created_or_updated(existed, name);
}

RestResponse delete_role(RestContext& ctx) {
  if (auto denied = check_api_access(ctx, "ROLES")) return *denied;
  const std::string& name = ctx.param("name");
  SecurityConfig& security = ctx.domain().security();
  if (auto refused = refuse_reserved_role(security, name)) return *refused;
  if (!security.delete_role(name)) return not_found(name);
  return deleted(name);
}

// --- role mappings

RestResponse put_mapping(RestContext& ctx) {
  if (auto denied = check_api_access(ctx, "ROLESMAPPING")) return *denied;
  if (auto error = require_object_body(ctx)) return *error;
  const json& body = *ctx.request.body;
  if (auto key = unknown_key(body, {"users", "backend_roles", "hosts", "and_backend_roles", "description"})) {
    return invalid_keys(*key);
  }
  RoleMapping m;
  std::optional<RestResponse> error;
  std::vector<std::string> and_backend_roles;
  if (!read_strings(body, "users", m.users, error) || !read_strings(body, "backend_roles", m.backend_roles, error) ||
      !read_strings(body, "hosts", m.hosts, error) ||
      !read_strings(body, "and_backend_roles", and_backend_roles, error)) {
    return *error;
  }
  const std::string& name = ctx.param("name");
  SecurityConfig& security = ctx.domain().security();
  const bool existed = security.mapping(name) != nullptr;
  security.put_mapping(name, std::move(m));
  return created_or_updated(existed, name);
}

// --- internal users

RestResponse put_user(RestContext& ctx) {
  if (auto denied = check_api_access(ctx, "INTERNALUSERS")) return *denied;
  if (auto error = require_object_body(ctx)) return *error;
  const json& body = *ctx.request.body;
  if (auto key = unknown_key(
          body, {"password", "hash", "backend_roles", "attributes", "opendistro_security_roles", "description"})) {
    return invalid_keys(*key);
  }
  SecurityUser u;
  u.name = ctx.param("name");
  std::optional<RestResponse> error;
  if (!read_strings(body, "backend_roles", u.backend_roles, error)) return *error;
  SecurityConfig& security = ctx.domain().security();
  const bool existed = security.user(u.name) != nullptr;
  const std::string name = u.name;
  security.put_user(std::move(u));
  return created_or_updated(existed, name);
}

}  // namespace

void register_security_api(RestRouter& router) {
  const std::string base = kBase;
  const auto roles = [](const SecurityConfig& c) -> const auto& {
    return c.roles();
  };
  const auto role = [](const SecurityConfig& c, const std::string& n) { return c.role(n); };
  const auto mappings = [](const SecurityConfig& c) -> const auto& {
    return c.mappings();
  };
  const auto mapping = [](const SecurityConfig& c, const std::string& n) { return c.mapping(n); };
  const auto users = [](const SecurityConfig& c) -> const auto& {
    return c.users();
  };
  const auto user = [](const SecurityConfig& c, const std::string& n) { return c.user(n); };
  router.add("GET", base + "roles", [=](RestContext& ctx) { return get_all(ctx, "ROLES", roles, role_to_json); });
  router.add("GET", base + "roles/{name}", [=](RestContext& ctx) { return get_one(ctx, "ROLES", role, role_to_json); });
  router.add("PUT", base + "roles/{name}", put_role);
  router.add("DELETE", base + "roles/{name}", delete_role);
  router.add("GET", base + "rolesmapping",
             [=](RestContext& ctx) { return get_all(ctx, "ROLESMAPPING", mappings, mapping_to_json); });
  router.add("GET", base + "rolesmapping/{name}",
             [=](RestContext& ctx) { return get_one(ctx, "ROLESMAPPING", mapping, mapping_to_json); });
  router.add("PUT", base + "rolesmapping/{name}", put_mapping);
  router.add("DELETE", base + "rolesmapping/{name}", [](RestContext& ctx) {
    return delete_one(ctx, "ROLESMAPPING", [](SecurityConfig& c, const std::string& n) { return c.delete_mapping(n); });
  });
  router.add("GET", base + "internalusers",
             [=](RestContext& ctx) { return get_all(ctx, "INTERNALUSERS", users, user_to_json); });
  router.add("GET", base + "internalusers/{name}",
             [=](RestContext& ctx) { return get_one(ctx, "INTERNALUSERS", user, user_to_json); });
  router.add("PUT", base + "internalusers/{name}", put_user);
  router.add("DELETE", base + "internalusers/{name}", [](RestContext& ctx) {
    return delete_one(ctx, "INTERNALUSERS", [](SecurityConfig& c, const std::string& n) { return c.delete_user(n); });
  });
}

}  // namespace ccrsim
