#pragma once
// Permission evaluation of the security plugin for the replication plugin's requests (docs/security.md "Per-endpoint
// checks", "use_roles and the start sequence", "403 texts", "Background tasks run as the given roles"): user requests
// against the user's mapped roles, the start setup checks across follower and leader, and the background requests that
// run as the roles given in use_roles. Together with the leader's IAM policy (iam_policy.h) these are the only security
// decisions the replication code asks for.
#include <optional>
#include <string>

#include "model/rest/rest_response.h"
#include "model/security/security_config.h"

namespace ccrsim {

class Domain;

namespace replication_action {
constexpr char kStart[] = "indices:admin/plugins/replication/index/start";
constexpr char kValidate[] = "indices:admin/plugins/replication/index/setup/validate";
constexpr char kPause[] = "indices:admin/plugins/replication/index/pause";
constexpr char kResume[] = "indices:admin/plugins/replication/index/resume";
constexpr char kStop[] = "indices:admin/plugins/replication/index/stop";
constexpr char kUpdate[] = "indices:admin/plugins/replication/index/update";
constexpr char kStatus[] = "indices:admin/plugins/replication/index/status_check";
constexpr char kWriteChanges[] = "indices:data/write/plugins/replication/changes";
constexpr char kAutofollowUpdate[] = "cluster:admin/plugins/replication/autofollow/update";
constexpr char kReadChanges[] = "indices:data/read/plugins/replication/changes";
constexpr char kFileChunk[] = "indices:data/read/plugins/replication/file_chunk";
constexpr char kFollowerStats[] = "indices:admin/plugins/replication/follower/stats";
constexpr char kLeaderStats[] = "indices:admin/plugins/replication/index/stats";
constexpr char kAutofollowStats[] = "cluster:admin/plugins/replication/autofollow/stats";
}  // namespace replication_action

// 403 security_exception with the security plugin's envelope.
RestResponse security_forbidden(const std::string& reason);

// A user request on `domain`: the user's mapped roles must grant `action` on `index` (an index action), or the
// cluster action when `index` is empty. Then, for replication actions, no mapped role may put DLS, FLS or field
// masking on the index. Returns the 403, or nothing when allowed (and always nothing with FGAC off).
std::optional<RestResponse> authorize_user(const SecurityConfig& security, const std::string& user,
                                           const std::string& action, const std::string& index);

// What a start (or auto-follow rule) asks for, as the security checks see it.
struct SetupCheckRequest {
  std::string user;            // the authenticated user on the follower
  std::string follower_index;  // or the auto-follow pattern
  std::string leader_index;    // or the auto-follow pattern
  std::string leader_role;     // use_roles.leader_cluster_role
  std::string follower_role;   // use_roles.follower_cluster_role
  // A start made by an auto-follow rule (isAutoFollowRequest): the rule's ADD ran the setup checks with its pattern,
  // so only the leader's IAM policy is evaluated (docs/security.md "use_roles and the start sequence").
  bool auto_follow = false;
};

// The setup checks of docs/security.md "use_roles and the start sequence", in order: (1) the user may validate on the
// follower, then the leader domain's IAM policy for es:ESCrossClusterGet, (2) the same user, mapped by the leader's own
// role mappings, may validate on the leader, (3) the user is mapped to follower_role, which grants validate on the
// follower index, (4) the same with leader_role on the leader. The first failure is the 403. use_roles presence is
// checked before (the caller).
std::optional<RestResponse> check_setup(const Domain& follower, const Domain& leader, const SetupCheckRequest& request);

// A background request running as an injected role (no mapping check: the role is used as given). The role must
// grant `action` on `index`; a missing role grants nothing. An empty role name means no role was injected (an entry
// started without use_roles: security off, or a caller that passed none) and is not checked. Returns the reason
// "no permissions for [<action>] and associated roles [<role>]", or nothing when allowed or FGAC is off.
std::optional<std::string> role_denial(const SecurityConfig& security, const std::string& role,
                                       const std::string& action, const std::string& index);

// One GetChanges request of a shard task arriving at the leader: the leader's IAM policy, then leader_role's
// read/changes permission on the leader index. The reason of the first denial, or nothing.
std::optional<std::string> get_changes_denial(const Domain& leader, const Domain& follower,
                                              const std::string& leader_index, const std::string& leader_role);
// The same for one bootstrap file-chunk request (read/file_chunk).
std::optional<std::string> file_chunk_denial(const Domain& leader, const Domain& follower,
                                             const std::string& leader_index, const std::string& leader_role);

// Replaying fetched operations on the follower: follower_role's write/changes permission on the follower index.
std::optional<std::string> replay_denial(const Domain& follower, const std::string& follower_index,
                                         const std::string& follower_role);

// The exception class a shard task reports for these denials.
constexpr char kSecurityExceptionClass[] = "org.opensearch.OpenSearchSecurityException";

}  // namespace ccrsim
