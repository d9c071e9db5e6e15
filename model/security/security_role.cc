#include "model/security/security_role.h"

#include <set>

#include "model/wildcard.h"

namespace ccrsim {

namespace {

constexpr std::size_t kMaxEntries = 1000;
constexpr char kResumeAlias[] = "indices:admin/plugins/replication/index/_resume";
constexpr char kResumeAction[] = "indices:admin/plugins/replication/index/resume";

// The few static action groups ccrsim knows (SEC static_action_groups.yml), as action patterns. Any other name is
// taken as an action name or pattern.
const std::map<std::string, std::vector<std::string>>& action_groups() {
  static const std::map<std::string, std::vector<std::string>> groups = {
      {"cluster_all", {"cluster:*"}},
      {"cluster_monitor", {"cluster:monitor/*"}},
      {"indices_all", {"indices:*"}},
      {"indices_monitor", {"indices:monitor/*"}},
      {"read", {"indices:data/read*"}},
      {"write", {"indices:data/write*"}},
      {"crud", {"indices:data/read*", "indices:data/write*"}},
  };
  return groups;
}

bool action_matches(const std::string& allowed, const std::string& action) {
  auto group = action_groups().find(allowed);
  if (group == action_groups().end()) return wildcard_match(allowed, action);
  for (const std::string& p : group->second) {
    if (wildcard_match(p, action)) return true;
  }
  return false;
}

bool any_pattern_matches(const std::vector<std::string>& patterns, const std::string& value) {
  for (const std::string& p : patterns) {
    if (wildcard_match(p, value)) return true;
  }
  return false;
}

bool read_strings(const json& body, const std::string& key, const std::string& path, std::vector<std::string>& out,
                  RoleDefinitionError& error) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_array() || it->size() > kMaxEntries) {
    error = {"Wrong datatype", path, "Array expected"};
    return false;
  }
  for (const json& v : *it) {
    if (!v.is_string()) {
      error = {"Wrong datatype", path, "Array of strings expected"};
      return false;
    }
    out.push_back(canonical_action(v.get<std::string>()));
  }
  return true;
}

std::optional<std::string> unknown_key(const json& body, const std::set<std::string>& known) {
  for (const auto& [key, value] : body.items()) {
    (void)value;
    if (known.count(key) == 0) return key;
  }
  return std::nullopt;
}

bool read_index_permission(const json& body, IndexPermission& out, RoleDefinitionError& error) {
  const std::string base = "index_permissions";
  if (!body.is_object()) {
    error = {"Wrong datatype", base, "Object expected"};
    return false;
  }
  if (auto key = unknown_key(body, {"index_patterns", "allowed_actions", "dls", "fls", "masked_fields"})) {
    error = {"Invalid configuration", base + "." + *key, ""};
    return false;
  }
  if (!read_strings(body, "index_patterns", base + ".index_patterns", out.index_patterns, error)) return false;
  if (!read_strings(body, "allowed_actions", base + ".allowed_actions", out.allowed_actions, error)) return false;
  if (!read_strings(body, "fls", base + ".fls", out.fls, error)) return false;
  if (!read_strings(body, "masked_fields", base + ".masked_fields", out.masked_fields, error)) return false;
  if (auto dls = body.find("dls"); dls != body.end() && !dls->is_null()) {
    if (!dls->is_string()) {
      error = {"Wrong datatype", base + ".dls", "String expected"};
      return false;
    }
    out.dls = dls->get<std::string>();
  }
  return true;
}

json strings_json(const std::vector<std::string>& v) {
  return json(v);
}

SecurityRole make_role(const std::string& name, std::vector<std::string> cluster,
                       std::vector<std::string> index_actions) {
  SecurityRole r;
  r.name = name;
  r.reserved = true;
  r.cluster_permissions = std::move(cluster);
  IndexPermission p;
  p.index_patterns = {"*"};
  p.allowed_actions = std::move(index_actions);
  r.index_permissions.push_back(std::move(p));
  return r;
}

}  // namespace

json RoleDefinitionError::to_body() const {
  json body = {{"status", "error"}, {"reason", reason}};
  if (reason == "Invalid configuration") {
    body["invalid_keys"] = {{"keys", key}};
  } else {
    body["wrong_datatypes"] = {{key, detail}};
  }
  return body;
}

std::string canonical_action(const std::string& action) {
  return action == kResumeAlias ? kResumeAction : action;
}

std::optional<SecurityRole> parse_role(const std::string& name, const json& body, RoleDefinitionError& error) {
  if (!body.is_object()) {
    error = {"Wrong datatype", name, "Object expected"};
    return std::nullopt;
  }
  if (auto key = unknown_key(body, {"description", "cluster_permissions", "index_permissions", "tenant_permissions"})) {
    error = {"Invalid configuration", *key, ""};
    return std::nullopt;
  }
  SecurityRole role;
  role.name = name;
  if (auto d = body.find("description"); d != body.end() && !d->is_null()) {
    if (!d->is_string()) {
      error = {"Wrong datatype", "description", "String expected"};
      return std::nullopt;
    }
    role.description = d->get<std::string>();
  }
  if (!read_strings(body, "cluster_permissions", "cluster_permissions", role.cluster_permissions, error)) {
    return std::nullopt;
  }
  if (auto t = body.find("tenant_permissions"); t != body.end() && !t->is_null() && !t->is_array()) {
    error = {"Wrong datatype", "tenant_permissions", "Array expected"};
    return std::nullopt;
  }
  if (auto ip = body.find("index_permissions"); ip != body.end() && !ip->is_null()) {
    if (!ip->is_array() || ip->size() > kMaxEntries) {
      error = {"Wrong datatype", "index_permissions", "Array expected"};
      return std::nullopt;
    }
    for (const json& entry : *ip) {
      IndexPermission p;
      if (!read_index_permission(entry, p, error)) return std::nullopt;
      role.index_permissions.push_back(std::move(p));
    }
  }
  return role;
}

json role_to_json(const SecurityRole& role) {
  json out = json::object();
  out["reserved"] = role.reserved;
  out["hidden"] = false;
  if (!role.description.empty()) out["description"] = role.description;
  out["cluster_permissions"] = strings_json(role.cluster_permissions);
  json index = json::array();
  for (const IndexPermission& p : role.index_permissions) {
    json e = json::object();
    e["index_patterns"] = strings_json(p.index_patterns);
    if (!p.dls.empty()) e["dls"] = p.dls;
    e["fls"] = strings_json(p.fls);
    e["masked_fields"] = strings_json(p.masked_fields);
    e["allowed_actions"] = strings_json(p.allowed_actions);
    index.push_back(std::move(e));
  }
  out["index_permissions"] = std::move(index);
  out["tenant_permissions"] = json::array();
  out["static"] = role.static_role;
  return out;
}

const std::map<std::string, SecurityRole>& builtin_roles() {
  static const std::map<std::string, SecurityRole> roles = [] {
    std::map<std::string, SecurityRole> out;
    SecurityRole all = make_role("all_access", {"*"}, {"*"});
    all.static_role = true;
    all.description = "Allow full access to all indices and all cluster APIs";
    out.emplace(all.name, all);
    SecurityRole leader = make_role(
        "cross_cluster_replication_leader_full_access", {},
        {"indices:admin/plugins/replication/index/setup/validate", "indices:data/read/plugins/replication/changes",
         "indices:data/read/plugins/replication/file_chunk"});
    out.emplace(leader.name, leader);
    SecurityRole follower = make_role(
        "cross_cluster_replication_follower_full_access", {"cluster:admin/plugins/replication/autofollow/update"},
        {"indices:admin/plugins/replication/index/pause", "indices:admin/plugins/replication/index/resume",
         "indices:admin/plugins/replication/index/setup/validate", "indices:admin/plugins/replication/index/start",
         "indices:admin/plugins/replication/index/status_check", "indices:admin/plugins/replication/index/stop",
         "indices:admin/plugins/replication/index/update", "indices:data/write/plugins/replication/changes"});
    out.emplace(follower.name, follower);
    return out;
  }();
  return roles;
}

bool grants_index_action(const SecurityRole& role, const std::string& action, const std::string& index) {
  for (const IndexPermission& p : role.index_permissions) {
    if (!any_pattern_matches(p.index_patterns, index)) continue;
    for (const std::string& allowed : p.allowed_actions) {
      if (action_matches(allowed, action)) return true;
    }
  }
  return false;
}

bool grants_cluster_action(const SecurityRole& role, const std::string& action) {
  for (const std::string& allowed : role.cluster_permissions) {
    if (action_matches(allowed, action)) return true;
  }
  return false;
}

bool restricts_index(const SecurityRole& role, const std::string& index) {
  for (const IndexPermission& p : role.index_permissions) {
    if (p.restricts() && any_pattern_matches(p.index_patterns, index)) return true;
  }
  return false;
}

}  // namespace ccrsim
