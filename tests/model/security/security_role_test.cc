#include "model/security/security_role.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

constexpr char kStart[] = "indices:admin/plugins/replication/index/start";
constexpr char kResume[] = "indices:admin/plugins/replication/index/resume";
constexpr char kValidate[] = "indices:admin/plugins/replication/index/setup/validate";
constexpr char kReadChanges[] = "indices:data/read/plugins/replication/changes";
constexpr char kWriteChanges[] = "indices:data/write/plugins/replication/changes";
constexpr char kAutofollow[] = "cluster:admin/plugins/replication/autofollow/update";

SecurityRole parse_ok(const json& body) {
  RoleDefinitionError error;
  auto role = parse_role("r", body, error);
  REQUIRE(role);
  return *role;
}

TEST_CASE("role: built-in replication roles exactly as shipped") {
  const auto& roles = builtin_roles();
  REQUIRE(roles.size() == 3);
  const SecurityRole& leader = roles.at("cross_cluster_replication_leader_full_access");
  CHECK(leader.reserved);
  CHECK(leader.cluster_permissions.empty());
  REQUIRE(leader.index_permissions.size() == 1);
  CHECK(leader.index_permissions[0].allowed_actions.size() == 3);
  CHECK(grants_index_action(leader, kValidate, "any"));
  CHECK(grants_index_action(leader, kReadChanges, "any"));
  CHECK(grants_index_action(leader, "indices:data/read/plugins/replication/file_chunk", "any"));
  CHECK_FALSE(grants_index_action(leader, kStart, "any"));
  CHECK_FALSE(grants_index_action(leader, "indices:data/read/plugins/replication/file_metadata", "any"));

  const SecurityRole& follower = roles.at("cross_cluster_replication_follower_full_access");
  CHECK(grants_cluster_action(follower, kAutofollow));
  CHECK(follower.index_permissions[0].allowed_actions.size() == 8);
  CHECK(grants_index_action(follower, kStart, "follower-01"));
  CHECK(grants_index_action(follower, kWriteChanges, "follower-01"));
  CHECK_FALSE(grants_index_action(follower, kReadChanges, "follower-01"));
  CHECK_FALSE(grants_index_action(follower, "indices:admin/plugins/replication/follower/stats", "*"));

  const SecurityRole& all = roles.at("all_access");
  CHECK(all.static_role);
  CHECK(grants_index_action(all, kReadChanges, "x"));
  CHECK(grants_cluster_action(all, kAutofollow));
  for (const auto& [name, role] : roles) CHECK_FALSE(restricts_index(role, "x"));
}

TEST_CASE("role: index patterns scope the grant") {
  const SecurityRole r =
      parse_ok({{"index_permissions", {{{"index_patterns", {"follower-index1*"}}, {"allowed_actions", {kStart}}}}}});
  CHECK(grants_index_action(r, kStart, "follower-index1"));
  CHECK(grants_index_action(r, kStart, "follower-index1-allow-start"));
  CHECK_FALSE(grants_index_action(r, kStart, "follower-index2"));
  CHECK_FALSE(grants_cluster_action(r, kStart));
}

TEST_CASE("role: the AWS guide's _resume spelling is an alias of the real action") {
  const SecurityRole r = parse_ok(
      {{"index_permissions",
        {{{"index_patterns", {"*"}}, {"allowed_actions", {"indices:admin/plugins/replication/index/_resume"}}}}}});
  CHECK(grants_index_action(r, kResume, "f"));
  CHECK(r.index_permissions[0].allowed_actions[0] == kResume);
  CHECK(canonical_action("indices:admin/plugins/replication/index/_resume") == kResume);
  CHECK(canonical_action(kStart) == kStart);
}

TEST_CASE("role: action patterns and action groups") {
  const SecurityRole wild =
      parse_ok({{"index_permissions",
                 {{{"index_patterns", {"*"}}, {"allowed_actions", {"indices:admin/plugins/replication/*"}}}}}});
  CHECK(grants_index_action(wild, kStart, "f"));
  CHECK_FALSE(grants_index_action(wild, kWriteChanges, "f"));
  const SecurityRole read =
      parse_ok({{"index_permissions", {{{"index_patterns", {"*"}}, {"allowed_actions", {"read"}}}}}});
  CHECK(grants_index_action(read, kReadChanges, "l"));
  CHECK_FALSE(grants_index_action(read, kValidate, "l"));
  const SecurityRole cluster = parse_ok({{"cluster_permissions", {"cluster_all"}}});
  CHECK(grants_cluster_action(cluster, kAutofollow));
}

TEST_CASE("role: DLS FLS and masked fields restrict only their patterns") {
  for (const char* key : {"dls", "fls", "masked_fields"}) {
    json perm = {{"index_patterns", {"follower-index1*"}}, {"allowed_actions", {kStart}}};
    perm[key] = std::string(key) == "dls" ? json("{\"match\":{\"a\":1}}") : json::array({"field"});
    const SecurityRole r = parse_ok({{"index_permissions", {perm}}});
    CHECK(restricts_index(r, "follower-index1"));
    CHECK_FALSE(restricts_index(r, "follower-index2"));
  }
}

TEST_CASE("role: definitions refused with the REST API's reasons") {
  RoleDefinitionError error;
  CHECK_FALSE(parse_role("r", {{"cluster_permission", json::array()}}, error));
  CHECK(error.reason == "Invalid configuration");
  CHECK(error.to_body() == json{{"status", "error"},
                                {"reason", "Invalid configuration"},
                                {"invalid_keys", {{"keys", "cluster_permission"}}}});
  CHECK_FALSE(parse_role("r", {{"cluster_permissions", "cluster_all"}}, error));
  CHECK(error.to_body()["wrong_datatypes"] == json{{"cluster_permissions", "Array expected"}});
  CHECK_FALSE(parse_role("r", {{"index_permissions", {{{"index_pattern", {"*"}}}}}}, error));
  CHECK(error.key == "index_permissions.index_pattern");
  CHECK_FALSE(parse_role("r", {{"index_permissions", {{{"dls", 3}}}}}, error));
  CHECK(error.key == "index_permissions.dls");
  CHECK_FALSE(parse_role("r", json::array(), error));
}

TEST_CASE("role: JSON form as GET shows it") {
  const SecurityRole r =
      parse_ok({{"cluster_permissions", {kAutofollow}},
                {"index_permissions", {{{"index_patterns", {"a*"}}, {"allowed_actions", {kStart}}}}}});
  const json j = role_to_json(r);
  CHECK(j["reserved"] == false);
  CHECK(j["static"] == false);
  CHECK(j["cluster_permissions"] == json::array({kAutofollow}));
  CHECK(j["index_permissions"][0]["index_patterns"] == json::array({"a*"}));
  CHECK(j["index_permissions"][0]["fls"] == json::array());
  CHECK_FALSE(j["index_permissions"][0].contains("dls"));
}

}  // namespace
}  // namespace ccrsim
