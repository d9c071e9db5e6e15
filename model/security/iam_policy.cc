#include "model/security/iam_policy.h"

#include "model/wildcard.h"
#include "scenario/scenario.h"

namespace ccrsim {

namespace {

constexpr std::size_t kMaxStatements = 1000;

// A string or a list of strings, as IAM accepts for Action, Resource and principal values.
std::vector<std::string> strings_of(const json& value) {
  std::vector<std::string> out;
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_array()) {
    for (const json& v : value) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

bool is_string_or_string_list(const json& value) {
  if (value.is_string()) return true;
  if (!value.is_array() || value.empty()) return false;
  for (const json& v : value) {
    if (!v.is_string()) return false;
  }
  return true;
}

std::vector<json> statements_of(const json& policy) {
  std::vector<json> out;
  if (!policy.is_object()) return out;
  auto it = policy.find("Statement");
  if (it == policy.end()) return out;
  if (it->is_object()) out.push_back(*it);
  if (it->is_array()) {
    for (const json& s : *it) out.push_back(s);
  }
  return out;
}

// "123456789012" and "arn:aws:iam::123456789012:root" both name the whole account: any principal in it.
bool principal_value_matches(const std::string& value, const IamRequest& request) {
  if (value == "*") return true;
  if (value == request.account) return true;
  if (value == "arn:aws:iam::" + request.account + ":root") return true;
  return wildcard_match(value, request.principal_arn);
}

bool principal_matches(const json& principal, const IamRequest& request) {
  if (principal.is_string()) return principal.get<std::string>() == "*";
  if (!principal.is_object()) return false;
  auto aws = principal.find("AWS");
  if (aws == principal.end()) return false;
  for (const std::string& v : strings_of(*aws)) {
    if (principal_value_matches(v, request)) return true;
  }
  return false;
}

bool any_matches(const json& patterns, const std::string& value, bool nocase) {
  for (const std::string& p : strings_of(patterns)) {
    if (nocase ? wildcard_match_nocase(p, value) : wildcard_match(p, value)) return true;
  }
  return false;
}

bool statement_matches(const json& s, const IamRequest& request) {
  if (!s.is_object()) return false;
  auto principal = s.find("Principal");
  auto action = s.find("Action");
  auto resource = s.find("Resource");
  if (principal == s.end() || action == s.end() || resource == s.end()) return false;
  return principal_matches(*principal, request) && any_matches(*action, request.action, true) &&
         any_matches(*resource, request.resource, false);
}

void check_statement(const json& s, std::size_t i, IamPolicyProblems& out) {
  const std::string where = "Statement[" + std::to_string(i) + "]";
  if (!s.is_object()) {
    out.invalid.push_back(where + " must be a map");
    return;
  }
  for (const char* key : {"Condition", "NotAction", "NotPrincipal", "NotResource"}) {
    if (s.contains(key)) out.unsupported.push_back(where + "." + key);
  }
  for (const auto& [key, value] : s.items()) {
    (void)value;
    if (key != "Sid" && key != "Effect" && key != "Principal" && key != "Action" && key != "Resource" &&
        key != "Condition" && key != "NotAction" && key != "NotPrincipal" && key != "NotResource") {
      out.invalid.push_back(where + " has unknown field '" + key + "'");
    }
  }
  auto effect = s.find("Effect");
  if (effect == s.end() || !effect->is_string() ||
      (effect->get<std::string>() != "Allow" && effect->get<std::string>() != "Deny")) {
    out.invalid.push_back(where + ".Effect must be Allow or Deny");
  }
  auto principal = s.find("Principal");
  if (principal == s.end()) {
    if (!s.contains("NotPrincipal")) out.invalid.push_back(where + " needs a Principal");
  } else if (principal->is_object()) {
    auto aws = principal->find("AWS");
    if (aws == principal->end() || !is_string_or_string_list(*aws)) {
      out.unsupported.push_back(where + ".Principal other than AWS");
    }
  } else if (!(principal->is_string() && principal->get<std::string>() == "*")) {
    out.invalid.push_back(where + ".Principal must be \"*\" or a map such as {\"AWS\": ...}");
  }
  for (const char* key : {"Action", "Resource"}) {
    auto v = s.find(key);
    if (v == s.end()) {
      const std::string article = std::string(key) == "Action" ? " needs an " : " needs a ";
      if (!s.contains(std::string("Not") + key)) out.invalid.push_back(where + article + key);
    } else if (!is_string_or_string_list(*v)) {
      out.invalid.push_back(where + "." + key + " must be a string or a list of strings");
    }
  }
}

}  // namespace

IamPolicyProblems check_iam_policy(const json& policy) {
  IamPolicyProblems out;
  if (!policy.is_object()) {
    out.invalid.push_back("the policy must be a map");
    return out;
  }
  auto it = policy.find("Statement");
  if (it == policy.end() || !(it->is_object() || it->is_array())) {
    out.invalid.push_back("the policy needs a Statement (a map or a list of maps)");
    return out;
  }
  if (it->is_array() && it->size() > kMaxStatements) {
    out.invalid.push_back("too many statements: " + std::to_string(it->size()));
    return out;
  }
  const std::vector<json> statements = statements_of(policy);
  for (std::size_t i = 0; i < statements.size(); ++i) check_statement(statements[i], i, out);
  return out;
}

IamDecision evaluate_iam_policy(const json& policy, const IamRequest& request) {
  bool allowed = false;
  for (const json& s : statements_of(policy)) {
    if (!statement_matches(s, request)) continue;
    const std::string effect = s.value("Effect", std::string());
    if (effect == "Deny") return IamDecision::kExplicitDeny;
    if (effect == "Allow") allowed = true;
  }
  return allowed ? IamDecision::kAllow : IamDecision::kImplicitDeny;
}

std::string domain_arn(const DomainSpec& domain) {
  return "arn:aws:es:" + domain.region + ":" + domain.account + ":domain/" + domain.name;
}

json recommended_access_policy(const DomainSpec& domain) {
  const std::string arn = domain_arn(domain);
  json http = {{"Effect", "Allow"},
               {"Principal", {{"AWS", json::array({"*"})}}},
               {"Action", json::array({"es:ESHttp*"})},
               {"Resource", arn + "/*"}};
  json get = {
      {"Effect", "Allow"}, {"Principal", {{"AWS", "*"}}}, {"Action", kCrossClusterGetAction}, {"Resource", arn}};
  return {{"Version", "2012-10-17"}, {"Statement", json::array({http, get})}};
}

json effective_access_policy(const DomainSpec& domain) {
  return domain.access_policy ? *domain.access_policy : recommended_access_policy(domain);
}

std::string cross_cluster_principal(const DomainSpec& follower) {
  return "arn:aws:iam::" + follower.account + ":root";
}

std::optional<std::string> cross_cluster_denial(const DomainSpec& leader, const DomainSpec& follower) {
  // The recommended policy grants es:ESCrossClusterGet on the domain to any principal: skip building it (this runs
  // for every GetChanges request).
  if (!leader.access_policy) return std::nullopt;
  IamRequest request;
  request.principal_arn = cross_cluster_principal(follower);
  request.account = follower.account;
  request.action = kCrossClusterGetAction;
  request.resource = domain_arn(leader);
  if (evaluate_iam_policy(*leader.access_policy, request) == IamDecision::kAllow) return std::nullopt;
  return "User: " + request.principal_arn + " is not authorized to perform: " + request.action +
         " on resource: " + request.resource;
}

}  // namespace ccrsim
