#include "model/security/access_control.h"

#include <algorithm>

#include "model/domain.h"
#include "model/security/iam_policy.h"

namespace ccrsim {

namespace {

constexpr char kDlsFlsRefusal[] =
    "Cross Cluster Replication is not supported when FLS or DLS or Fieldmasking is activated";

bool is_replication_action(const std::string& action) {
  return action.find("plugins/replication") != std::string::npos;
}

bool role_grants(const SecurityRole& role, const std::string& action, const std::string& index) {
  return index.empty() ? grants_cluster_action(role, action) : grants_index_action(role, action, index);
}

std::string no_permissions_for_user(const SecurityUser& user, const std::string& action) {
  return "no permissions for [" + action + "] and " + SecurityConfig::describe(user);
}

// Privileges of the user's mapped roles on `security`'s domain, then the DLS/FLS valve. `user` is the identity
// authenticated on the follower (the leader does not re-authenticate it).
std::optional<std::string> user_denial(const SecurityConfig& security, const SecurityUser& user,
                                       const std::string& action, const std::string& index) {
  if (!security.enabled()) return std::nullopt;
  const std::vector<std::string> roles = security.mapped_roles(user);
  bool allowed = false;
  for (const std::string& name : roles) {
    const SecurityRole* role = security.role(name);
    if (role != nullptr && role_grants(*role, action, index)) {
      allowed = true;
      break;
    }
  }
  if (!allowed) return no_permissions_for_user(user, action);
  if (!is_replication_action(action) || index.empty()) return std::nullopt;
  for (const std::string& name : roles) {
    const SecurityRole* role = security.role(name);
    if (role != nullptr && restricts_index(*role, index)) return std::string(kDlsFlsRefusal);
  }
  return std::nullopt;
}

// Step 3/4 of the setup checks: the user must be mapped to `role`, and evaluation then uses only that role.
std::optional<std::string> injected_role_denial(const SecurityConfig& security, const SecurityUser& user,
                                                const std::string& role, const std::string& index) {
  if (!security.enabled()) return std::nullopt;
  const std::vector<std::string> mapped = security.mapped_roles(user);
  if (std::find(mapped.begin(), mapped.end(), role) == mapped.end()) {
    return "No mapping for " + SecurityConfig::describe(user) + " on roles [" + role + "]";
  }
  const SecurityRole* r = security.role(role);
  if (r == nullptr || !grants_index_action(*r, replication_action::kValidate, index)) {
    return no_permissions_for_user(user, replication_action::kValidate);
  }
  if (restricts_index(*r, index)) return std::string(kDlsFlsRefusal);
  return std::nullopt;
}

}  // namespace

RestResponse security_forbidden(const std::string& reason) {
  return opensearch_error(403, "security_exception", reason);
}

std::optional<RestResponse> authorize_user(const SecurityConfig& security, const std::string& user,
                                           const std::string& action, const std::string& index) {
  if (auto reason = user_denial(security, security.identity(user), action, index)) return security_forbidden(*reason);
  return std::nullopt;
}

std::optional<RestResponse> check_setup(const Domain& follower, const Domain& leader,
                                        const SetupCheckRequest& request) {
  const SecurityConfig& fs = follower.security();
  const SecurityConfig& ls = leader.security();
  const SecurityUser user = fs.identity(request.user);
  if (request.auto_follow) {
    if (auto reason = cross_cluster_denial(leader.spec(), follower.spec())) return security_forbidden(*reason);
    return std::nullopt;
  }
  // With the security plugin off on the follower there is no user: nothing is checked or sent, except the leader
  // domain's IAM policy, which AWS applies to every cross-cluster call.
  if (auto reason = user_denial(fs, user, replication_action::kValidate, request.follower_index)) {
    return security_forbidden(*reason);
  }
  if (auto reason = cross_cluster_denial(leader.spec(), follower.spec())) return security_forbidden(*reason);
  if (!fs.enabled()) return std::nullopt;
  if (auto reason = user_denial(ls, user, replication_action::kValidate, request.leader_index)) {
    return security_forbidden(*reason);
  }
  if (auto reason = injected_role_denial(fs, user, request.follower_role, request.follower_index)) {
    return security_forbidden(*reason);
  }
  if (auto reason = injected_role_denial(ls, user, request.leader_role, request.leader_index)) {
    return security_forbidden(*reason);
  }
  return std::nullopt;
}

std::optional<std::string> role_denial(const SecurityConfig& security, const std::string& role,
                                       const std::string& action, const std::string& index) {
  if (!security.enabled() || role.empty()) return std::nullopt;
  const SecurityRole* r = security.role(role);
  if (r != nullptr && grants_index_action(*r, action, index)) return std::nullopt;
  return "no permissions for [" + action + "] and associated roles [" + role + "]";
}

namespace {

// A background read on the leader: its IAM policy, then the injected leader role.
std::optional<std::string> leader_read_denial(const Domain& leader, const Domain& follower, const std::string& index,
                                              const std::string& role, const char* action) {
  if (auto reason = cross_cluster_denial(leader.spec(), follower.spec())) return reason;
  // Roles are injected only when the follower has a user (security on there).
  if (!follower.security().enabled()) return std::nullopt;
  return role_denial(leader.security(), role, action, index);
}

}  // namespace

std::optional<std::string> get_changes_denial(const Domain& leader, const Domain& follower,
                                              const std::string& leader_index, const std::string& leader_role) {
  return leader_read_denial(leader, follower, leader_index, leader_role, replication_action::kReadChanges);
}

std::optional<std::string> file_chunk_denial(const Domain& leader, const Domain& follower,
                                             const std::string& leader_index, const std::string& leader_role) {
  return leader_read_denial(leader, follower, leader_index, leader_role, replication_action::kFileChunk);
}

std::optional<std::string> replay_denial(const Domain& follower, const std::string& follower_index,
                                         const std::string& follower_role) {
  return role_denial(follower.security(), follower_role, replication_action::kWriteChanges, follower_index);
}

}  // namespace ccrsim
