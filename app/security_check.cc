#include "app/security_check.h"

#include <set>

#include "model/security/iam_policy.h"
#include "model/security/security_role.h"

namespace ccrsim {

namespace {

void check_policy(const DomainSpec& d, Diagnostics& diags) {
  if (!d.access_policy) return;
  for (const std::string& problem : check_iam_policy(*d.access_policy).invalid) {
    diags.error(d.pos, "domain '" + d.name + "': invalid access_policy: " + problem);
  }
}

void check_security(const DomainSpec& d, Diagnostics& diags) {
  if (!d.security.present) return;
  std::set<std::string> roles;
  for (const auto& [name, role] : builtin_roles()) {
    (void)role;
    roles.insert(name);
  }
  for (const SecurityRoleSpec& r : d.security.roles) {
    if (builtin_roles().count(r.name) != 0) {
      diags.error(r.pos, "domain '" + d.name + "': role '" + r.name + "' is a built-in role and cannot be redefined");
      continue;
    }
    RoleDefinitionError error;
    if (!parse_role(r.name, r.definition, error)) {
      diags.error(r.pos, "domain '" + d.name + "': role '" + r.name + "': " + error.message());
      continue;
    }
    roles.insert(r.name);
  }
  for (const SecurityUserSpec& u : d.security.users) {
    for (const std::string& role : u.roles) {
      if (roles.count(role) == 0) {
        diags.error(u.pos, "domain '" + d.name + "': user '" + u.name + "' is mapped to unknown role '" + role + "'");
      }
    }
  }
}

}  // namespace

void check_domain_security(const Scenario& scenario, Diagnostics& diags) {
  for (const DomainSpec& d : scenario.domains) {
    check_policy(d, diags);
    check_security(d, diags);
  }
}

}  // namespace ccrsim
