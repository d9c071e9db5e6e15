#include "model/security/security_config.h"

#include <algorithm>

#include "scenario/scenario.h"

namespace ccrsim {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

std::string java_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : ", ") + items[i];
  return out + "]";
}

SecurityConfig::SecurityConfig(const DomainSpec& spec) : enabled_(spec.fine_grained_access_control) {
  roles_ = builtin_roles();
  if (!spec.security.present) {
    users_["admin"] = SecurityUser{"admin", {}};
    mappings_["all_access"].users.push_back("admin");
    return;
  }
  // Custom roles the loader accepted; a definition parse_role refuses is reported by validation before the run.
  for (const SecurityRoleSpec& r : spec.security.roles) {
    RoleDefinitionError error;
    if (auto role = parse_role(r.name, r.definition, error)) roles_[r.name] = std::move(*role);
  }
  for (const SecurityUserSpec& u : spec.security.users) {
    users_[u.name] = SecurityUser{u.name, {}};
    for (const std::string& role : u.roles) {
      RoleMapping& m = mappings_[role];
      if (!contains(m.users, u.name)) m.users.push_back(u.name);
    }
  }
}

const SecurityUser* SecurityConfig::user(const std::string& name) const {
  auto it = users_.find(name);
  return it == users_.end() ? nullptr : &it->second;
}

SecurityUser SecurityConfig::identity(const std::string& user_name) const {
  const SecurityUser* u = user(user_name);
  return u != nullptr ? *u : SecurityUser{user_name, {}};
}

std::vector<std::string> SecurityConfig::mapped_roles(const std::string& user_name) const {
  return mapped_roles(identity(user_name));
}

std::vector<std::string> SecurityConfig::mapped_roles(const SecurityUser& u) const {
  std::vector<std::string> out;
  for (const auto& [role, m] : mappings_) {
    bool mapped = contains(m.users, u.name) || contains(m.users, "*");
    for (std::size_t i = 0; !mapped && i < u.backend_roles.size(); ++i) {
      mapped = contains(m.backend_roles, u.backend_roles[i]);
    }
    if (mapped) out.push_back(role);
  }
  return out;  // std::map order: by role name
}

const SecurityRole* SecurityConfig::role(const std::string& name) const {
  auto it = roles_.find(name);
  return it == roles_.end() ? nullptr : &it->second;
}

const RoleMapping* SecurityConfig::mapping(const std::string& role_name) const {
  auto it = mappings_.find(role_name);
  return it == mappings_.end() ? nullptr : &it->second;
}

bool SecurityConfig::is_reserved_role(const std::string& name) const {
  const SecurityRole* r = role(name);
  return r != nullptr && (r->reserved || r->static_role);
}

std::string SecurityConfig::describe(const SecurityUser& user) {
  return "User [name=" + user.name + ", backend_roles=" + java_list(user.backend_roles) + ", requestedTenant=null]";
}

}  // namespace ccrsim
