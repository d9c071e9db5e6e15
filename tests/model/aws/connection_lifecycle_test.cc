// The AWS connection lifecycle and the `aws:` operations over a small world: statuses and their timers, the
// validation rules with their messages, the 20-connected-domains limit, alias lookup and AWS error shapes.
#include <catch2/catch.hpp>
#include <memory>

#include "model/aws/aws_api.h"
#include "model/aws/connection_rules.h"
#include "model/world.h"
#include "model/world_builder.h"
#include "sim/simulator.h"

namespace ccrsim {
namespace {

class AwsWorld {
 public:
  explicit AwsWorld(int domains = 2) {
    for (int i = 0; i < domains; ++i) {
      DomainSpec d;
      d.name = i == 0 ? "leader-domain" : i == 1 ? "follower-domain" : "domain-" + std::to_string(i);
      scenario_.domains.push_back(d);
    }
  }
  DomainSpec& spec(int i) { return scenario_.domains[static_cast<std::size_t>(i)]; }
  World& world() {
    if (!built_) built_ = std::make_unique<WorldBuilder>(sim_, scenario_);
    return built_->world();
  }
  RestResponse call(int on, const std::string& op, const json& args = json::object()) {
    return handle_aws_operation(world(), on, op, args);
  }
  void run_for(sim_time_us d) { sim_.run_until(sim_.now() + d); }
  Simulator& sim() { return sim_; }
  Scenario scenario_;

 private:
  Simulator sim_;
  std::unique_ptr<WorldBuilder> built_;
};

constexpr int kLeader = 0;
constexpr int kFollower = 1;

json create_args(const std::string& remote = "leader-domain", const std::string& alias = "conn") {
  return json{{"remote_domain", remote}, {"connection_alias", alias}};
}

// {"filters": [{"name": name, "values": [values...]}]}
json filter_args(const std::string& name, const std::vector<std::string>& values) {
  json f = json::object();
  f["name"] = name;
  f["values"] = values;
  json args = json::object();
  args["filters"] = json::array({f});
  return args;
}

std::string status_of(const RestResponse& r) {
  return r.body["ConnectionStatus"]["StatusCode"].get<std::string>();
}

}  // namespace

TEST_CASE("an outbound connection goes VALIDATING then PENDING_ACCEPTANCE then through approval to ACTIVE",
          "[aws][connections]") {
  AwsWorld w;
  const RestResponse created = w.call(kFollower, "create-outbound-connection", create_args());
  REQUIRE(created.status == 200);
  CHECK(status_of(created) == "VALIDATING");
  CHECK(created.body["ConnectionAlias"] == "conn");
  CHECK(created.body["ConnectionMode"] == "DIRECT");
  CHECK(created.body["LocalDomainInfo"]["AWSDomainInformation"]["DomainName"] == "follower-domain");
  CHECK(created.body["RemoteDomainInfo"]["AWSDomainInformation"]["DomainName"] == "leader-domain");
  CHECK(created.body["ConnectionId"].get<std::string>().starts_with("cc-"));

  // The remote owner does not see it while it validates.
  CHECK(w.call(kLeader, "describe-inbound-connections").body["Connections"].empty());
  CHECK(w.call(kLeader, "accept-inbound-connection", {{"connection_alias", "conn"}}).status == 409);

  w.run_for(w.scenario_.connection_delays.validating_us);
  const json inbound = w.call(kLeader, "describe-inbound-connections").body["Connections"];
  REQUIRE(inbound.size() == 1);
  CHECK(inbound[0]["ConnectionStatus"]["StatusCode"] == "PENDING_ACCEPTANCE");
  CHECK_FALSE(inbound[0].contains("ConnectionAlias"));

  const RestResponse accepted = w.call(kLeader, "accept-inbound-connection", {{"connection_alias", "conn"}});
  REQUIRE(accepted.status == 200);
  CHECK(accepted.body["Connection"]["ConnectionStatus"]["StatusCode"] == "APPROVED");
  w.run_for(w.scenario_.connection_delays.approved_us);
  CHECK(w.world().connections().all()[0].status == ConnectionStatus::kProvisioning);
  CHECK(w.world().connections().find_active(kFollower, "conn") == nullptr);
  w.run_for(w.scenario_.connection_delays.provisioning_us);
  CHECK(w.world().connections().find_active(kFollower, "conn") != nullptr);
}

TEST_CASE("rejecting and deleting end in REJECTED and DELETED and deleted ones stay visible for 15 days",
          "[aws][connections]") {
  AwsWorld w(3);
  w.call(kFollower, "create-outbound-connection", create_args("leader-domain", "ca"));
  w.call(kFollower, "create-outbound-connection", create_args("domain-2", "cb"));
  w.run_for(w.scenario_.connection_delays.validating_us);
  const RestResponse rejected = w.call(kLeader, "reject-inbound-connection", {{"connection_alias", "ca"}});
  REQUIRE(rejected.status == 200);
  CHECK(rejected.body["Connection"]["ConnectionStatus"]["StatusCode"] == "REJECTING");
  w.run_for(w.scenario_.connection_delays.rejecting_us);
  CHECK(w.world().connections().all()[0].status == ConnectionStatus::kRejected);
  CHECK(w.world().connections().all()[0].message.find("Rejected") != std::string::npos);
  // A rejected connection is no longer live: its alias cannot be deleted, but can be reused.
  CHECK(w.call(kFollower, "delete-outbound-connection", {{"connection_alias", "ca"}}).status == 409);

  const RestResponse deleted = w.call(kFollower, "delete-outbound-connection", {{"connection_alias", "cb"}});
  REQUIRE(deleted.status == 200);
  CHECK(deleted.body["Connection"]["ConnectionStatus"]["StatusCode"] == "DELETING");
  w.run_for(w.scenario_.connection_delays.deleting_us);
  const json filter = filter_args("connection-id", {deleted.body["Connection"]["ConnectionId"].get<std::string>()});
  json seen = w.call(kFollower, "describe-outbound-connections", filter).body["Connections"];
  REQUIRE(seen.size() == 1);
  CHECK(seen[0]["ConnectionStatus"]["StatusCode"] == "DELETED");
  w.run_for(kDeletedVisibleUs + kUsPerS);
  CHECK(w.call(kFollower, "describe-outbound-connections", filter).body["Connections"].empty());
}

TEST_CASE("describe filters and errors use the AWS names and shapes", "[aws][connections]") {
  AwsWorld w(3);
  w.call(kFollower, "create-outbound-connection", create_args("leader-domain", "ca"));
  w.call(kFollower, "create-outbound-connection", create_args("domain-2", "cb"));
  const json by_remote = filter_args("remote-domain-info.domain-name", {"domain-2"});
  const json found = w.call(kFollower, "describe-outbound-connections", by_remote).body["Connections"];
  REQUIRE(found.size() == 1);
  CHECK(found[0]["ConnectionAlias"] == "cb");
  CHECK(w.call(kFollower, "describe-outbound-connections", json{{"max_results", 1}}).body["Connections"].size() == 1);

  const RestResponse bad_filter = w.call(kFollower, "describe-outbound-connections", filter_args("nope", {}));
  CHECK(bad_filter.status == 400);
  CHECK(bad_filter.body["__type"] == "ValidationException");
  const RestResponse bad_alias = w.call(kFollower, "create-outbound-connection", create_args("leader-domain", "1x"));
  CHECK(bad_alias.status == 400);
  CHECK(bad_alias.body["message"].get<std::string>().find("regular expression pattern") != std::string::npos);
  const RestResponse missing = w.call(kFollower, "create-outbound-connection", create_args("no-such-domain", "cx"));
  CHECK(missing.status == 409);
  CHECK(missing.body["__type"] == "ResourceNotFoundException");
  const RestResponse duplicate = w.call(kFollower, "create-outbound-connection", create_args("leader-domain", "ca"));
  CHECK(duplicate.body["__type"] == "ResourceAlreadyExistsException");
  CHECK(w.call(kFollower, "accept-inbound-connection", {{"connection_alias", "ca"}}).body["__type"] ==
        "ResourceNotFoundException");
  CHECK(aws_args_problem("accept-inbound-connection", {{"alias", "a"}}).find("unknown argument 'alias'") == 0);
  CHECK(aws_args_problem("create-outbound-connection", {{"search_only", "yes"}}) ==
        "argument 'search_only' must be true or false");
}

TEST_CASE("validation fails with a message naming the broken rule", "[aws][connections]") {
  struct Case {
    const char* what;
    std::function<void(DomainSpec&)> change;
    const char* message_part;
  };
  const std::vector<Case> cases = {
      {"old engine", [](DomainSpec& d) { d.engine_version = "Elasticsearch_7.9"; }, "needs Elasticsearch 7.10"},
      {"opensearch 1.0", [](DomainSpec& d) { d.engine_version = "OpenSearch_1.0"; }, "OpenSearch 1.1 or later"},
      {"no fgac", [](DomainSpec& d) { d.fine_grained_access_control = false; }, "fine-grained access control"},
      {"no n2n",
       [](DomainSpec& d) {
         d.fine_grained_access_control = false;
         d.node_to_node_encryption = false;
       },
       "fine-grained access control"},
      {"burstable", [](DomainSpec& d) { d.instance_type = "t3.medium.search"; }, "burstable (T2, T3)"},
      {"m3", [](DomainSpec& d) { d.instance_type = "m3.large.search"; }, "M3"},
      {"versions apart", [](DomainSpec& d) { d.engine_version = "OpenSearch_1.2"; }, "are not compatible"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.what) {
      AwsWorld w;
      c.change(w.spec(kLeader));
      w.call(kFollower, "create-outbound-connection", create_args());
      w.run_for(w.scenario_.connection_delays.validating_us);
      const Connection& conn = w.world().connections().all()[0];
      CHECK(conn.status == ConnectionStatus::kValidationFailed);
      CHECK(conn.message.find(c.message_part) != std::string::npos);
      CHECK(conn.message.find("leader-domain") != std::string::npos);
    }
  }
}

TEST_CASE("node-to-node encryption alone is checked after fine-grained access control", "[aws][connections]") {
  DomainSpec d;
  d.name = "x-domain";
  DomainSpec other = d;
  other.name = "y-domain";
  d.node_to_node_encryption = false;
  CHECK(connection_validation_failure(d, other, false).find("node-to-node encryption") != std::string::npos);
  CHECK(connection_validation_failure(other, other, false).empty());
}

TEST_CASE("version compatibility is same major or final minor and the next major", "[aws][connections]") {
  const auto v = [](const char* s) { return *parse_engine_version(s); };
  CHECK(engine_versions_compatible(v("OpenSearch_2.3"), v("OpenSearch_2.19")));
  CHECK(engine_versions_compatible(v("OpenSearch_1.3"), v("OpenSearch_2.11")));
  CHECK_FALSE(engine_versions_compatible(v("OpenSearch_1.2"), v("OpenSearch_2.11")));
  CHECK(engine_versions_compatible(v("Elasticsearch_7.10"), v("OpenSearch_1.1")));
  CHECK(engine_versions_compatible(v("OpenSearch_1.3"), v("Elasticsearch_7.10")));
  CHECK_FALSE(engine_versions_compatible(v("Elasticsearch_7.10"), v("OpenSearch_2.11")));
  CHECK_FALSE(engine_versions_compatible(v("Elasticsearch_7.9"), v("OpenSearch_1.1")));
  CHECK(engine_versions_compatible(v("OpenSearch_2.19"), v("OpenSearch_3.1")));
  CHECK_FALSE(engine_versions_compatible(v("OpenSearch_2.17"), v("OpenSearch_3.1")));
  CHECK(engine_versions_compatible(v("Elasticsearch_6.8"), v("Elasticsearch_7.1")));
  CHECK(engine_supports_connection(v("Elasticsearch_6.8"), true));
  CHECK_FALSE(engine_supports_connection(v("Elasticsearch_6.8"), false));
}

TEST_CASE("a domain connects to at most 20 other domains inbound and outbound together", "[aws][connections]") {
  AwsWorld w(23);
  w.scenario_.connection_delays.validating_us = 0;
  // Domain 1 requests connections to 20 others (several to the same leader count once).
  w.call(kFollower, "create-outbound-connection", create_args("leader-domain", "dup"));
  for (int i = 0; i < 20; ++i) {
    const int remote = i == 0 ? 0 : i + 1;
    const RestResponse r = w.call(kFollower, "create-outbound-connection",
                                  create_args(w.spec(remote).name, std::string("c").append(std::to_string(i))));
    REQUIRE(r.status == 200);
  }
  w.run_for(kUsPerS);
  CHECK(w.world().connections().connected_domain_count(kFollower) == 20);
  const RestResponse refused = w.call(kFollower, "create-outbound-connection", create_args("domain-21", "c21"));
  CHECK(refused.status == 409);
  CHECK(refused.body["__type"] == "LimitExceededException");
  CHECK(refused.body["message"].get<std::string>().find("follower-domain is already connected to 20") !=
        std::string::npos);
  // The remote side of a new request: domain-22 asking to connect to the full follower-domain fails validation.
  w.call(22, "create-outbound-connection", create_args("follower-domain", "in"));
  w.run_for(kUsPerS);
  const Connection& last = w.world().connections().all().back();
  CHECK(last.status == ConnectionStatus::kValidationFailed);
  CHECK(last.message.find("already connected to 20") != std::string::npos);
}

TEST_CASE("an alias picks the one live connection and the connections section path ends ACTIVE", "[aws][connections]") {
  AwsWorld w;
  w.scenario_.connection_delays.validating_us = 0;
  w.call(kFollower, "create-outbound-connection", create_args());
  w.run_for(kUsPerS);
  w.call(kLeader, "reject-inbound-connection", {{"connection_alias", "conn"}});
  w.run_for(w.scenario_.connection_delays.rejecting_us);
  // The same alias again: the rejected one is not live, so accept picks the new one.
  w.call(kFollower, "create-outbound-connection", create_args());
  w.run_for(kUsPerS);
  const RestResponse accepted = w.call(kLeader, "accept-inbound-connection", {{"connection_alias", "conn"}});
  REQUIRE(accepted.status == 200);
  CHECK(accepted.body["Connection"]["ConnectionId"] == w.world().connections().all()[1].id);

  ConnectionLifecycle& lifecycle = w.world().connection_lifecycle();
  lifecycle.set_instant(true);
  CreateConnectionRequest request;
  request.local = kLeader;
  request.remote = kFollower;
  request.alias = "back";
  ConnectionOutcome created = lifecycle.create_outbound(request);
  REQUIRE(created.connection != nullptr);
  CHECK(created.connection->status == ConnectionStatus::kPendingAcceptance);
  lifecycle.accept(*created.connection, kFollower);
  CHECK(created.connection->status == ConnectionStatus::kActive);
}

}  // namespace ccrsim
