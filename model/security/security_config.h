#pragma once
// The security plugin's configuration on one domain (fine-grained access control): internal users, role mappings
// and roles, live (the `_plugins/_security/api/*` endpoints edit it during a run). Built from the domain's
// `security:` block (docs/scenario-format.md §4.7): each user is created and mapped, by name, to the roles listed for
// it. Without a block the domain has one user, admin, mapped to all_access. The built-in roles always exist and cannot
// be edited.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/security/security_role.h"

namespace ccrsim {

struct DomainSpec;

struct SecurityUser {
  std::string name;
  std::vector<std::string> backend_roles;
};

struct RoleMapping {
  std::vector<std::string> users;
  std::vector<std::string> backend_roles;
  std::vector<std::string> hosts;
};

class SecurityConfig {
 public:
  explicit SecurityConfig(const DomainSpec& spec);

  // Fine-grained access control on: requests are authenticated and authorized. Off: nothing is checked.
  bool enabled() const { return enabled_; }

  const SecurityUser* user(const std::string& name) const;
  // Roles mapped to the user by name or by one of its backend roles, in name order. A user unknown here (a user
  // authenticated on another domain, as the leader sees the follower's user) is mapped by name only.
  std::vector<std::string> mapped_roles(const std::string& user_name) const;
  // The same for a user object another domain authenticated (its backend roles travel with it).
  std::vector<std::string> mapped_roles(const SecurityUser& user) const;
  // The user as this domain knows it, or a user with that name and no backend roles.
  SecurityUser identity(const std::string& user_name) const;
  const SecurityRole* role(const std::string& name) const;
  const RoleMapping* mapping(const std::string& role_name) const;

  const std::map<std::string, SecurityUser>& users() const { return users_; }
  const std::map<std::string, SecurityRole>& roles() const { return roles_; }
  const std::map<std::string, RoleMapping>& mappings() const { return mappings_; }

  // Edits (REST API). Return false when the resource is reserved (built-in).
  bool is_reserved_role(const std::string& name) const;
  void put_role(SecurityRole role) {
    ++version_;
    roles_[role.name] = std::move(role);
  }
  bool delete_role(const std::string& name) {
    ++version_;
    return roles_.erase(name) != 0;
  }
  void put_mapping(const std::string& role, RoleMapping mapping) {
    ++version_;
    mappings_[role] = std::move(mapping);
  }
  bool delete_mapping(const std::string& role) {
    ++version_;
    return mappings_.erase(role) != 0;
  }
  void put_user(SecurityUser user) {
    ++version_;
    users_[user.name] = std::move(user);
  }
  bool delete_user(const std::string& name) {
    ++version_;
    return users_.erase(name) != 0;
  }
  // Changes with every edit: a decision taken at one version holds while the version stays (background requests
  // check once per version instead of once per round trip).
  std::uint64_t version() const { return version_; }

  // "User [name=u, backend_roles=[a, b], requestedTenant=null]" as the security plugin prints a user.
  std::string describe_user(const std::string& user_name) const { return describe(identity(user_name)); }
  static std::string describe(const SecurityUser& user);

 private:
  bool enabled_ = true;
  std::uint64_t version_ = 0;
  std::map<std::string, SecurityUser> users_;
  std::map<std::string, SecurityRole> roles_;
  std::map<std::string, RoleMapping> mappings_;
};

// "[a, b]" as Java prints a collection.
std::string java_list(const std::vector<std::string>& items);

}  // namespace ccrsim
