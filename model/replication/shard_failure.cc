#include "model/replication/shard_failure.h"

#include "model/replication/leader_connection.h"
#include "model/security/access_control.h"

namespace ccrsim {

const char* exception_class_name(ShardFailureClass failure) {
  switch (failure) {
    case ShardFailureClass::kNone:
      return "";
    case ShardFailureClass::kIndexNotFound:
      return "org.opensearch.index.IndexNotFoundException";
    case ShardFailureClass::kIndexClosed:
      return "org.opensearch.indices.IndexClosedException";
    case ShardFailureClass::kRetentionLeaseNotFound:
      return "org.opensearch.index.seqno.RetentionLeaseNotFoundException";
    case ShardFailureClass::kNoSuchRemoteCluster:
      return kNoSuchRemoteClusterClass;
    case ShardFailureClass::kSecurity:
      return kSecurityExceptionClass;
    case ShardFailureClass::kStatus:
      return "org.opensearch.OpenSearchStatusException";
  }
  return "";
}

}  // namespace ccrsim
