#include "model/security/iam_policy.h"

#include <catch2/catch.hpp>

#include "scenario/scenario.h"

namespace ccrsim {
namespace {

DomainSpec domain_spec(const std::string& name, const std::string& region, const std::string& account) {
  DomainSpec d;
  d.name = name;
  d.region = region;
  d.account = account;
  return d;
}

DomainSpec leader_spec() {
  return domain_spec("leader-domain", "us-east-1", "123456789012");
}
DomainSpec follower_spec() {
  return domain_spec("follower-domain", "eu-west-1", "111122223333");
}

json statement(const std::string& effect, json principal, json action, json resource) {
  return {{"Effect", effect}, {"Principal", principal}, {"Action", action}, {"Resource", resource}};
}

json policy(std::vector<json> statements) {
  return {{"Version", "2012-10-17"}, {"Statement", statements}};
}

const std::string kArn = "arn:aws:es:us-east-1:123456789012:domain/leader-domain";

TEST_CASE("iam: the domain ARN and the cross-cluster principal") {
  CHECK(domain_arn(leader_spec()) == kArn);
  CHECK(cross_cluster_principal(follower_spec()) == "arn:aws:iam::111122223333:root");
}

TEST_CASE("iam: the recommended policy grants es:ESCrossClusterGet on the domain") {
  const json p = recommended_access_policy(leader_spec());
  CHECK(check_iam_policy(p).invalid.empty());
  CHECK(check_iam_policy(p).unsupported.empty());
  IamRequest r{"arn:aws:iam::111122223333:root", "111122223333", kCrossClusterGetAction, kArn};
  CHECK(evaluate_iam_policy(p, r) == IamDecision::kAllow);
  r.action = "es:ESHttpGet";
  CHECK(evaluate_iam_policy(p, r) == IamDecision::kImplicitDeny);  // HTTP only on sub-resources
  r.resource = kArn + "/leader-01";
  CHECK(evaluate_iam_policy(p, r) == IamDecision::kAllow);
  // Without access_policy the domain has it, so cross-cluster calls pass.
  CHECK_FALSE(cross_cluster_denial(leader_spec(), follower_spec()));
}

TEST_CASE("iam: the /* mistake denies es:ESCrossClusterGet with AWS's text") {
  DomainSpec leader = leader_spec();
  leader.access_policy = policy({statement("Allow", {{"AWS", "*"}}, "es:ESCrossClusterGet", kArn + "/*")});
  auto denial = cross_cluster_denial(leader, follower_spec());
  REQUIRE(denial);
  CHECK(*denial ==
        "User: arn:aws:iam::111122223333:root is not authorized to perform: es:ESCrossClusterGet on "
        "resource: " +
            kArn);
}

TEST_CASE("iam: explicit deny wins over allow") {
  DomainSpec leader = leader_spec();
  leader.access_policy = policy(
      {statement("Allow", "*", "es:*", "*"), statement("Deny", {{"AWS", "111122223333"}}, "es:ESCrossCluster*", kArn)});
  CHECK(cross_cluster_denial(leader, follower_spec()));
  IamRequest other{"arn:aws:iam::444455556666:root", "444455556666", kCrossClusterGetAction, kArn};
  CHECK(evaluate_iam_policy(*leader.access_policy, other) == IamDecision::kAllow);
  other.account = "111122223333";
  other.principal_arn = "arn:aws:iam::111122223333:root";
  CHECK(evaluate_iam_policy(*leader.access_policy, other) == IamDecision::kExplicitDeny);
}

TEST_CASE("iam: principals by account id root ARN or another ARN") {
  DomainSpec leader = leader_spec();
  leader.access_policy =
      policy({statement("Allow", {{"AWS", json::array({"111122223333"})}}, "es:ESCrossClusterGet", kArn)});
  CHECK_FALSE(cross_cluster_denial(leader, follower_spec()));
  leader.access_policy =
      policy({statement("Allow", {{"AWS", "arn:aws:iam::111122223333:root"}}, "es:ESCrossClusterGet", kArn)});
  CHECK_FALSE(cross_cluster_denial(leader, follower_spec()));
  leader.access_policy =
      policy({statement("Allow", {{"AWS", "arn:aws:iam::111122223333:user/bob"}}, "es:ESCrossClusterGet", kArn)});
  CHECK(cross_cluster_denial(leader, follower_spec()));
  leader.access_policy = policy({statement("Allow", {{"AWS", "999999999999"}}, "es:ESCrossClusterGet", kArn)});
  CHECK(cross_cluster_denial(leader, follower_spec()));
}

TEST_CASE("iam: action wildcards and case") {
  DomainSpec leader = leader_spec();
  leader.access_policy = policy({statement("Allow", "*", "es:*", kArn)});
  CHECK_FALSE(cross_cluster_denial(leader, follower_spec()));
  leader.access_policy = policy({statement("Allow", "*", "ES:esCrossClusterGET", kArn)});
  CHECK_FALSE(cross_cluster_denial(leader, follower_spec()));
  leader.access_policy = policy({statement("Allow", "*", "es:ESHttp*", kArn)});
  CHECK(cross_cluster_denial(leader, follower_spec()));
  // A single statement object instead of a list.
  leader.access_policy = json{{"Statement", statement("Allow", "*", "es:ESCrossClusterGet", kArn)}};
  CHECK_FALSE(cross_cluster_denial(leader, follower_spec()));
}

TEST_CASE("iam: an empty policy denies") {
  DomainSpec leader = leader_spec();
  leader.access_policy = policy({});
  CHECK(cross_cluster_denial(leader, follower_spec()));
}

TEST_CASE("iam: policy problems") {
  CHECK(check_iam_policy(json::array()).invalid.size() == 1);
  CHECK(check_iam_policy(json{{"Version", "2012-10-17"}}).invalid.size() == 1);
  const json bad = policy({json{{"Effect", "Maybe"}, {"Principal", 3}, {"Action", json::array()}, {"Foo", 1}}});
  const IamPolicyProblems p = check_iam_policy(bad);
  CHECK(p.invalid.size() == 5);  // Effect, Principal, Action, missing Resource, unknown Foo
  json conditional = statement("Allow", "*", "es:*", "*");
  conditional["Condition"] = {{"IpAddress", {{"aws:SourceIp", "192.0.2.0/24"}}}};
  const IamPolicyProblems c = check_iam_policy(policy({conditional}));
  CHECK(c.invalid.empty());
  REQUIRE(c.unsupported.size() == 1);
  CHECK(c.unsupported[0] == "Statement[0].Condition");
  const IamPolicyProblems service =
      check_iam_policy(policy({statement("Allow", {{"Service", "es.amazonaws.com"}}, "es:*", "*")}));
  CHECK(service.unsupported.size() == 1);
}

}  // namespace
}  // namespace ccrsim
