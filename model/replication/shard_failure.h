#pragma once
// Why a shard task failed, as a type: the failure classes are compared as values, and their OpenSearch exception
// class names (printed in auto-pause reasons and traces) are spelled in one place.
#include <string>

namespace ccrsim {

enum class ShardFailureClass {
  kNone,
  kIndexNotFound,           // the leader index is gone (or another instance than the one replicated)
  kIndexClosed,             // the leader index is closed
  kRetentionLeaseNotFound,  // the shard's lease on the leader expired or was removed
  kNoSuchRemoteCluster,     // the leader alias no longer names an ACTIVE connection
  kSecurity,                // GetChanges or replay denied by the security configuration or IAM policy
  kStatus,                  // an injected 4xx GetChanges answer
};

// The exception class OpenSearch reports for the failure ("" for kNone).
const char* exception_class_name(ShardFailureClass failure);

struct ShardFailure {
  ShardFailureClass failure_class = ShardFailureClass::kNone;
  std::string message;
};

}  // namespace ccrsim
