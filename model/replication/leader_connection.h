#pragma once
// What a replication needs from the cross-cluster connection its `leader_alias` names, and from the leader's
// version: the start path's connection checks in one place (search-only connections, the leader on a newer
// version), and the question every task asks before it talks to the leader (is the alias still a remote cluster?).
#include <optional>
#include <string>

#include "model/connection.h"
#include "model/domain.h"
#include "model/rest/rest_response.h"

namespace ccrsim {

// The ACTIVE connection of `follower` named `alias` in `out`, or the refusal: 404 `no such remote cluster: [alias]`
// when there is none (a connection not ACTIVE yet, or deleted, is not a remote cluster), or 400 SEARCH_ONLY
// (simulator-defined, docs/connections.md) when it exists for cross-cluster search only.
std::optional<RestResponse> leader_connection_refusal(const Connections& connections, DomainId follower,
                                                      const std::string& alias, const Connection*& out);

// 400 `Leader index[<name>] is on higher version [<leader>] than follower [<follower>]` when the leader index was
// created on a newer engine than the follower runs (ValidationUtil.validateLeaderIndexMetadata).
std::optional<RestResponse> leader_version_refusal(const Domain& leader, const Domain& follower,
                                                   const std::string& leader_index);

// True while `alias` still names an ACTIVE connection of `follower`: once a connection is being deleted, the
// alias no longer resolves (NoSuchRemoteClusterException).
bool leader_alias_resolves(const Connections& connections, DomainId follower, const std::string& alias);

// The auto-pause cause when the alias stopped resolving: the exception class and message a shard task fails with.
inline constexpr const char* kNoSuchRemoteClusterClass = "org.opensearch.transport.NoSuchRemoteClusterException";
std::string no_such_remote_cluster_message(const std::string& alias);

}  // namespace ccrsim
