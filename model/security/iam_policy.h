#pragma once
// The IAM resource-based policy of an Amazon OpenSearch Service domain (`access_policy`, docs/scenario-format.md §4.1)
// and its evaluation for the cross-cluster calls a follower makes to its leader (docs/security.md "403 texts", AWS
// `ac.md`, `replication.md`).
//
// Supported policy language: Version, Statement (one object or a list), each with Sid, Effect (Allow | Deny),
// Principal (`*`, or {"AWS": "*" | account id | ARN | list of those}), Action and Resource (a string or a list, with
// `*` / `?` wildcards). Condition, NotAction, NotPrincipal and NotResource are refused as not supported yet.
// An explicit Deny wins over any Allow; with no matching Allow the request is denied (AWS's collision table).
#include <optional>
#include <string>
#include <vector>

#include "sim/json.h"

namespace ccrsim {

struct DomainSpec;

constexpr char kCrossClusterGetAction[] = "es:ESCrossClusterGet";

enum class IamDecision { kAllow, kImplicitDeny, kExplicitDeny };

// Who makes a call and on what.
struct IamRequest {
  std::string principal_arn;  // e.g. arn:aws:iam::111122223333:root
  std::string account;        // the principal's account id
  std::string action;         // e.g. es:ESCrossClusterGet
  std::string resource;       // e.g. arn:aws:es:us-east-1:123456789012:domain/leader-domain
};

// Problems with a policy document, one message each (empty: usable). `unsupported` collects the parts of the
// policy language ccrsim does not evaluate, `invalid` what AWS would reject.
struct IamPolicyProblems {
  std::vector<std::string> invalid;
  std::vector<std::string> unsupported;
};
IamPolicyProblems check_iam_policy(const json& policy);

// Evaluates a policy that check_iam_policy accepted (anything else in it is ignored).
IamDecision evaluate_iam_policy(const json& policy, const IamRequest& request);

// arn:aws:es:<region>:<account>:domain/<name>
std::string domain_arn(const DomainSpec& domain);
// The AWS guide's recommended leader policy: es:ESHttp* on domain/<name>/* and es:ESCrossClusterGet on
// domain/<name>, for any principal. A domain without access_policy has it.
json recommended_access_policy(const DomainSpec& domain);
// The domain's policy: its access_policy, else the recommended one.
json effective_access_policy(const DomainSpec& domain);

// The principal a follower domain's cross-cluster calls carry (simulator-defined: its account's root ARN).
std::string cross_cluster_principal(const DomainSpec& follower);

// Evaluates the leader's policy for es:ESCrossClusterGet by the follower. Returns the denial reason
// ("User: <principal> is not authorized to perform: es:ESCrossClusterGet on resource: <leader ARN>"), or nothing
// when allowed. Every cross-cluster call (start, GetChanges, auto-follow polls) goes through this.
std::optional<std::string> cross_cluster_denial(const DomainSpec& leader, const DomainSpec& follower);

}  // namespace ccrsim
