#include "model/replication/leader_connection.h"

#include "model/replication/replication_errors.h"
#include "scenario/engine_versions.h"

namespace ccrsim {

std::optional<RestResponse> leader_connection_refusal(const Connections& connections, DomainId follower,
                                                      const std::string& alias, const Connection*& out) {
  out = connections.find_active(follower, alias);
  if (out == nullptr) return replication_errors::no_such_remote_cluster(alias);
  if (out->search_only) {
    return opensearch_error(400, "illegal_argument_exception",
                            "Connection [" + alias + "] (" + out->id +
                                ") is a SEARCH_ONLY connection: it was created for cross-cluster search and cannot "
                                "be used for replication. Delete the connection and create it again to use it for "
                                "replication");
  }
  return std::nullopt;
}

std::optional<RestResponse> leader_version_refusal(const Domain& leader, const Domain& follower,
                                                   const std::string& leader_index) {
  const EngineVersion leader_version = engine_version_or_default(leader.spec().engine_version);
  const EngineVersion follower_version = engine_version_or_default(follower.spec().engine_version);
  if (compare_engine_versions(leader_version, follower_version) <= 0) return std::nullopt;
  return opensearch_error(400, "illegal_argument_exception",
                          "Leader index[" + leader_index + "] is on higher version [" +
                              engine_version_number(leader_version) + "] than follower [" +
                              engine_version_number(follower_version) + "]");
}

bool leader_alias_resolves(const Connections& connections, DomainId follower, const std::string& alias) {
  return connections.find_active(follower, alias) != nullptr;
}

std::string no_such_remote_cluster_message(const std::string& alias) {
  return "no such remote cluster: [" + alias + "]";
}

}  // namespace ccrsim
