#pragma once
// A role of the security plugin (fine-grained access control): cluster permissions, index permissions with index
// patterns, allowed actions and DLS / FLS / field masking, as `_plugins/_security/api/roles/NAME` and the scenario's
// `security.roles` define it (docs/security.md "Users, mappings, roles"). Also the built-in roles and the permission
// evaluation against one role.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/json.h"

namespace ccrsim {

struct IndexPermission {
  std::vector<std::string> index_patterns;
  std::vector<std::string> allowed_actions;  // action names or patterns, aliases already resolved
  std::string dls;                           // a query, "" for none
  std::vector<std::string> fls;
  std::vector<std::string> masked_fields;

  bool restricts() const { return !dls.empty() || !fls.empty() || !masked_fields.empty(); }
};

struct SecurityRole {
  std::string name;
  std::string description;
  std::vector<std::string> cluster_permissions;
  std::vector<IndexPermission> index_permissions;
  bool reserved = false;     // in roles.yml: not editable through the REST API
  bool static_role = false;  // in static_roles.yml (all_access)
};

// Why a role definition was refused, in the REST API's own words (AbstractApiAction's validation): either an unknown
// key (`Invalid configuration`, invalid_keys) or a value of the wrong type (`Wrong datatype`, wrong_datatypes).
struct RoleDefinitionError {
  std::string reason;  // "Invalid configuration" | "Wrong datatype"
  std::string key;     // e.g. "index_permissions.allowed_actions"
  std::string detail;  // "Array expected", ...
  json to_body() const;
  std::string message() const { return reason + ": " + key + (detail.empty() ? "" : " (" + detail + ")"); }
};

// Reads a role body ({cluster_permissions, index_permissions, description, tenant_permissions}). An allowed action
// spelled `indices:admin/plugins/replication/index/_resume` (the AWS guide's spelling) is stored as the real
// `indices:admin/plugins/replication/index/resume`.
std::optional<SecurityRole> parse_role(const std::string& name, const json& body, RoleDefinitionError& error);

// The role as GET _plugins/_security/api/roles/NAME shows it (without the outer name key).
json role_to_json(const SecurityRole& role);

// all_access, cross_cluster_replication_leader_full_access and cross_cluster_replication_follower_full_access,
// exactly as the security plugin ships them (docs/security.md "Users, mappings, roles"), by name.
const std::map<std::string, SecurityRole>& builtin_roles();

// The real action name for a spelling used in role definitions (only the `_resume` alias differs).
std::string canonical_action(const std::string& action);

// Does the role grant `action` on index `index` (an index action)?
bool grants_index_action(const SecurityRole& role, const std::string& action, const std::string& index);
// Does the role grant the cluster action `action`?
bool grants_cluster_action(const SecurityRole& role, const std::string& action);
// Does the role put a DLS, FLS or field-masking restriction on index `index`?
bool restricts_index(const SecurityRole& role, const std::string& index);

}  // namespace ccrsim
