#include "model/security/security_api.h"

#include <catch2/catch.hpp>

#include "model/domain.h"

namespace ccrsim {
namespace {

struct SecurityApiFixture {
  DomainSpec spec;
  std::unique_ptr<Domain> domain;
  RestRouter router;

  explicit SecurityApiFixture(bool with_block = true) {
    spec.name = "leader-domain";
    if (with_block) {
      spec.security.present = true;
      spec.security.users = {{"admin", {"all_access"}, {}},
                             {"replicator", {"cross_cluster_replication_leader_full_access"}, {}}};
      spec.security.roles = {{"custom", json{{"cluster_permissions", json::array()}}, {}}};
    }
    domain = std::make_unique<Domain>(spec, 1);
    register_security_api(router);
  }

  RestResponse call(const std::string& line, std::optional<json> body = std::nullopt,
                    const std::string& user = "admin") {
    RestRequest request;
    std::string error;
    REQUIRE(parse_request_line(line, request, error));
    request.body = std::move(body);
    request.user = user;
    return router.dispatch_now(*domain, 0, request);
  }
};

TEST_CASE("security api: PUT role creates then updates") {
  SecurityApiFixture f;
  const json body = {
      {"index_permissions",
       {{{"index_patterns", {"*"}}, {"allowed_actions", {"indices:data/read/plugins/replication/changes"}}}}}};
  RestResponse r = f.call("PUT _plugins/_security/api/roles/leaderRole", body);
  CHECK(r.status == 201);
  CHECK(r.body == json{{"status", "CREATED"}, {"message", "'leaderRole' created."}});
  r = f.call("PUT _plugins/_security/api/roles/leaderRole", json{{"index_permissions", json::array()}});
  CHECK(r.status == 200);
  CHECK(r.body == json{{"status", "OK"}, {"message", "'leaderRole' updated."}});
  CHECK(f.domain->security().role("leaderRole")->index_permissions.empty());
  r = f.call("GET _plugins/_security/api/roles/leaderRole");
  CHECK(r.status == 200);
  CHECK(r.body["leaderRole"]["index_permissions"] == json::array());
}

TEST_CASE("security api: built-in roles cannot be changed") {
  SecurityApiFixture f;
  RestResponse r =
      f.call("PUT _plugins/_security/api/roles/cross_cluster_replication_leader_full_access", json::object());
  CHECK(r.status == 403);
  CHECK(r.body["message"] == "Resource 'cross_cluster_replication_leader_full_access' is reserved.");
  r = f.call("DELETE _plugins/_security/api/roles/all_access");
  CHECK(r.status == 403);
  CHECK(r.body["status"] == "FORBIDDEN");
}

TEST_CASE("security api: bad role bodies and missing roles") {
  SecurityApiFixture f;
  RestResponse r = f.call("PUT _plugins/_security/api/roles/x", json{{"clusterperms", json::array()}});
  CHECK(r.status == 400);
  CHECK(r.body["reason"] == "Invalid configuration");
  r = f.call("PUT _plugins/_security/api/roles/x");
  CHECK(r.status == 400);
  r = f.call("GET _plugins/_security/api/roles/nope");
  CHECK(r.status == 404);
  CHECK(r.body == json{{"status", "NOT_FOUND"}, {"message", "Resource 'nope' not found."}});
  r = f.call("DELETE _plugins/_security/api/roles/custom");
  CHECK(r.status == 200);
  CHECK(r.body["message"] == "'custom' deleted.");
  CHECK(f.domain->security().role("custom") == nullptr);
}

TEST_CASE("security api: role mappings and users") {
  SecurityApiFixture f;
  RestResponse r = f.call("GET _plugins/_security/api/rolesmapping/cross_cluster_replication_leader_full_access");
  CHECK(r.status == 200);
  CHECK(r.body["cross_cluster_replication_leader_full_access"]["users"] == json::array({"replicator"}));
  r = f.call("PUT _plugins/_security/api/rolesmapping/custom", json{{"backend_roles", {"ops"}}});
  CHECK(r.status == 201);
  r = f.call("PUT _plugins/_security/api/internalusers/carol", json{{"password", "x"}, {"backend_roles", {"ops"}}});
  CHECK(r.status == 201);
  CHECK(f.domain->security().mapped_roles("carol") == std::vector<std::string>{"custom"});
  r = f.call("DELETE _plugins/_security/api/rolesmapping/cross_cluster_replication_leader_full_access");
  CHECK(r.status == 200);
  CHECK(f.domain->security().mapped_roles("replicator").empty());
  r = f.call("PUT _plugins/_security/api/rolesmapping/custom", json{{"users", "carol"}});
  CHECK(r.status == 400);
  CHECK(r.body["reason"] == "Wrong datatype");
  r = f.call("DELETE _plugins/_security/api/internalusers/carol");
  CHECK(r.status == 200);
  CHECK(f.domain->security().user("carol") == nullptr);
}

TEST_CASE("security api: only all_access or security_manager users may call it") {
  SecurityApiFixture f;
  RestResponse r = f.call("GET _plugins/_security/api/roles", std::nullopt, "replicator");
  CHECK(r.status == 403);
  CHECK(r.body["status"] == "FORBIDDEN");
  CHECK(r.body["message"].get<std::string>().find("User replicator") != std::string::npos);
  r = f.call("GET _plugins/_security/api/roles");
  CHECK(r.status == 200);
  CHECK(r.body.contains("all_access"));
  CHECK(r.body.contains("custom"));
}

TEST_CASE("security config: without a security block admin is mapped to all_access") {
  SecurityApiFixture f(false);
  CHECK(f.domain->security().enabled());
  CHECK(f.domain->security().user("admin") != nullptr);
  CHECK(f.domain->security().mapped_roles("admin") == std::vector<std::string>{"all_access"});
  CHECK(f.domain->security().users().size() == 1);
  CHECK(f.domain->security().roles().size() == 3);
}

}  // namespace
}  // namespace ccrsim
