#include "model/security/access_control.h"

#include <catch2/catch.hpp>

#include "model/domain.h"

namespace ccrsim {
namespace {

namespace action = replication_action;

json role(const std::string& pattern, std::vector<std::string> actions, const char* restriction = nullptr) {
  json perm = {{"index_patterns", {pattern}}, {"allowed_actions", actions}};
  if (restriction != nullptr) perm[restriction] = std::string(restriction) == "dls" ? json("{}") : json::array({"f"});
  return {{"index_permissions", {perm}}};
}

const std::vector<std::string> kFollowerActions = {action::kValidate, action::kWriteChanges, action::kStart,
                                                   action::kPause,    action::kResume,       action::kStop,
                                                   action::kUpdate,   action::kStatus};

// The IT fixtures of docs/security.md "Scenarios" (SecurityBase), reduced: follower and leader roles and users
// mapped to them.
DomainSpec follower_spec() {
  DomainSpec d;
  d.name = "follower-domain";
  d.account = "111122223333";
  d.security.present = true;
  d.security.roles = {{"followerRoleValidPerms", role("follower-index1*", kFollowerActions), {}},
                      {"followerRoleNoPerms", role("follower-index2*", kFollowerActions), {}},
                      {"followerDlsRole", role("follower-index1*", kFollowerActions, "dls"), {}},
                      {"followerFlsRole", role("follower-index1*", kFollowerActions, "fls"), {}},
                      {"followerMaskRole", role("follower-index1*", kFollowerActions, "masked_fields"), {}}};
  d.security.users = {{"testUser1", {"followerRoleValidPerms"}, {}},
                      {"testUser2", {"followerRoleNoPerms"}, {}},
                      {"testUser3", {"followerDlsRole"}, {}},
                      {"testUser4", {"followerFlsRole"}, {}},
                      {"testUser5", {"followerMaskRole"}, {}},
                      {"testUser6", {"followerRoleValidPerms"}, {}},
                      {"admin", {"all_access"}, {}}};
  return d;
}

DomainSpec leader_spec() {
  DomainSpec d;
  d.name = "leader-domain";
  d.security.present = true;
  d.security.roles = {
      {"leaderRoleValidPerms", role("*", {action::kValidate, action::kReadChanges, action::kFileChunk}), {}},
      {"leaderRoleNoPerms",
       {{"index_permissions", {{{"index_patterns", {"*"}}, {"allowed_actions", json::array()}}}}},
       {}}};
  d.security.users = {{"testUser1", {"leaderRoleValidPerms"}, {}},
                      {"testUser6", {"leaderRoleNoPerms"}, {}},
                      {"admin", {"all_access"}, {}}};
  return d;
}

std::string reason(const std::optional<RestResponse>& r) {
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(r->body["error"]["type"] == "security_exception");
  CHECK(r->body["error"]["root_cause"][0]["reason"] == r->body["error"]["reason"]);
  return r->body["error"]["reason"].get<std::string>();
}

TEST_CASE("access: user requests need the endpoint's action on the index") {
  Domain follower(follower_spec(), 1);
  const SecurityConfig& s = follower.security();
  CHECK_FALSE(authorize_user(s, "testUser1", action::kStart, "follower-index1"));
  CHECK(reason(authorize_user(s, "testUser2", action::kStart, "follower-index1")) ==
        "no permissions for [indices:admin/plugins/replication/index/start] and User [name=testUser2, "
        "backend_roles=[], requestedTenant=null]");
  CHECK_FALSE(authorize_user(s, "testUser2", action::kStop, "follower-index2"));
  CHECK(authorize_user(s, "testUser1", action::kAutofollowUpdate, ""));  // no cluster permission in the role
  CHECK_FALSE(authorize_user(s, "admin", action::kAutofollowUpdate, ""));
  CHECK(authorize_user(s, "testUser1", action::kFollowerStats, "*"));
  CHECK_FALSE(authorize_user(s, "admin", action::kFollowerStats, "*"));
}

TEST_CASE("access: DLS FLS and field masking block replication actions after the privilege check") {
  Domain follower(follower_spec(), 1);
  const SecurityConfig& s = follower.security();
  const std::string refusal = "Cross Cluster Replication is not supported when FLS or DLS or Fieldmasking is activated";
  for (const char* user : {"testUser3", "testUser4", "testUser5"}) {
    for (const char* a : {action::kStart, action::kStop, action::kPause, action::kStatus, action::kUpdate}) {
      CHECK(reason(authorize_user(s, user, a, "follower-index1")) == refusal);
    }
    // No privilege on index2: the privilege failure comes first.
    CHECK(reason(authorize_user(s, user, action::kStart, "follower-index2")).rfind("no permissions for", 0) == 0);
  }
}

TEST_CASE("access: security off checks nothing") {
  DomainSpec spec = follower_spec();
  spec.fine_grained_access_control = false;
  Domain follower(spec, 1);
  CHECK_FALSE(authorize_user(follower.security(), "nobody", action::kStart, "x"));
  CHECK_FALSE(role_denial(follower.security(), "missing", action::kWriteChanges, "x"));
}

SetupCheckRequest setup(const std::string& user, const std::string& follower_role, const std::string& leader_role) {
  return SetupCheckRequest{user, "follower-index1", "leader-index1", leader_role, follower_role};
}

TEST_CASE("access: setup checks pass for the identical user with its mapped roles") {
  Domain follower(follower_spec(), 1);
  Domain leader(leader_spec(), 2);
  CHECK_FALSE(check_setup(follower, leader, setup("testUser1", "followerRoleValidPerms", "leaderRoleValidPerms")));
  CHECK_FALSE(check_setup(follower, leader, setup("admin", "all_access", "all_access")));
}

TEST_CASE("access: setup check order and texts") {
  Domain follower(follower_spec(), 1);
  Domain leader(leader_spec(), 2);
  // (1) validate on the follower index as the user.
  CHECK(reason(check_setup(follower, leader, setup("testUser2", "followerRoleNoPerms", "leaderRoleValidPerms"))) ==
        "no permissions for [indices:admin/plugins/replication/index/setup/validate] and User [name=testUser2, "
        "backend_roles=[], requestedTenant=null]");
  // (2) the leader maps the same user name with its own mappings: leaderRoleNoPerms grants nothing.
  CHECK(reason(check_setup(follower, leader, setup("testUser6", "followerRoleValidPerms", "leaderRoleNoPerms"))) ==
        "no permissions for [indices:admin/plugins/replication/index/setup/validate] and User [name=testUser6, "
        "backend_roles=[], requestedTenant=null]");
  // (3) the follower role must be mapped to the user.
  CHECK(reason(check_setup(follower, leader,
                           setup("admin", "cross_cluster_replication_follower_full_access", "all_access"))) ==
        "No mapping for User [name=admin, backend_roles=[], requestedTenant=null] on roles "
        "[cross_cluster_replication_follower_full_access]");
  // (4) the same on the leader.
  CHECK(reason(check_setup(follower, leader, setup("testUser1", "followerRoleValidPerms", "leaderRoleNoPerms"))) ==
        "No mapping for User [name=testUser1, backend_roles=[], requestedTenant=null] on roles [leaderRoleNoPerms]");
}

TEST_CASE("access: a user missing on the leader is refused there") {
  DomainSpec fs = follower_spec();
  fs.security.users.push_back({"replicator", {"followerRoleValidPerms"}, {}});
  Domain follower(fs, 1);
  Domain leader(leader_spec(), 2);
  CHECK(reason(check_setup(follower, leader, setup("replicator", "followerRoleValidPerms", "leaderRoleValidPerms"))) ==
        "no permissions for [indices:admin/plugins/replication/index/setup/validate] and User [name=replicator, "
        "backend_roles=[], requestedTenant=null]");
}

TEST_CASE("access: the leader's IAM policy comes before the leader's role checks") {
  Domain follower(follower_spec(), 1);
  DomainSpec ls = leader_spec();
  const std::string arn = "arn:aws:es:us-east-1:123456789012:domain/leader-domain";
  ls.access_policy = json{{"Statement",
                           {{{"Effect", "Allow"},
                             {"Principal", {{"AWS", "*"}}},
                             {"Action", "es:ESCrossClusterGet"},
                             {"Resource", arn + "/*"}}}}};
  Domain leader(ls, 2);
  CHECK(reason(check_setup(follower, leader, setup("testUser6", "followerRoleValidPerms", "leaderRoleNoPerms"))) ==
        "User: arn:aws:iam::111122223333:root is not authorized to perform: es:ESCrossClusterGet on resource: " + arn);
  CHECK(get_changes_denial(leader, follower, "leader-index1", "all_access"));
}

TEST_CASE("access: background requests run as the given role and see its current definition") {
  Domain follower(follower_spec(), 1);
  Domain leader(leader_spec(), 2);
  CHECK_FALSE(get_changes_denial(leader, follower, "leader-index1", "leaderRoleValidPerms"));
  CHECK(*get_changes_denial(leader, follower, "leader-index1", "leaderRoleNoPerms") ==
        "no permissions for [indices:data/read/plugins/replication/changes] and associated roles [leaderRoleNoPerms]");
  // Unmapping the user changes nothing: roles are used as given.
  leader.security().delete_mapping("leaderRoleValidPerms");
  CHECK_FALSE(get_changes_denial(leader, follower, "leader-index1", "leaderRoleValidPerms"));
  // Editing the role does.
  RoleDefinitionError error;
  leader.security().put_role(*parse_role("leaderRoleValidPerms", role("*", {action::kValidate}), error));
  CHECK(get_changes_denial(leader, follower, "leader-index1", "leaderRoleValidPerms"));
  // A deleted role grants nothing.
  CHECK_FALSE(replay_denial(follower, "follower-index1", "followerRoleValidPerms"));
  follower.security().delete_role("followerRoleValidPerms");
  CHECK(*replay_denial(follower, "follower-index1", "followerRoleValidPerms") ==
        "no permissions for [indices:data/write/plugins/replication/changes] and associated roles "
        "[followerRoleValidPerms]");
}

TEST_CASE("access: auto-follow starts skip the setup checks but not the leader's IAM policy") {
  Domain follower(follower_spec(), 1);
  SetupCheckRequest request = setup("nobody", "", "");
  request.auto_follow = true;
  CHECK_FALSE(check_setup(follower, Domain(leader_spec(), 2), request));
  DomainSpec ls = leader_spec();
  ls.access_policy = json{{"Statement", json::array()}};
  CHECK(reason(check_setup(follower, Domain(ls, 2), request)).rfind("User: arn:aws:iam::111122223333:root", 0) == 0);
}

TEST_CASE("access: bootstrap chunks need file_chunk on the leader role") {
  Domain follower(follower_spec(), 1);
  Domain leader(leader_spec(), 2);
  CHECK_FALSE(file_chunk_denial(leader, follower, "leader-index1", "leaderRoleValidPerms"));
  CHECK_FALSE(file_chunk_denial(leader, follower, "leader-index1", "cross_cluster_replication_leader_full_access"));
  CHECK(
      *file_chunk_denial(leader, follower, "leader-index1", "leaderRoleNoPerms") ==
      "no permissions for [indices:data/read/plugins/replication/file_chunk] and associated roles [leaderRoleNoPerms]");
}

TEST_CASE("access: an entry without injected roles is not role-checked") {
  Domain follower(follower_spec(), 1);
  Domain leader(leader_spec(), 2);
  CHECK_FALSE(role_denial(leader.security(), "", action::kReadChanges, "x"));
  CHECK(role_denial(leader.security(), "missing-role", action::kReadChanges, "x"));
}

}  // namespace
}  // namespace ccrsim
