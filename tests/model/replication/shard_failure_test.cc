#include "model/replication/shard_failure.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

// The names are printed in auto-pause reasons: they are the exception classes OpenSearch reports.
TEST_CASE("shard failure classes print OpenSearch's exception class names") {
  CHECK(std::string(exception_class_name(ShardFailureClass::kNone)).empty());
  CHECK(std::string(exception_class_name(ShardFailureClass::kIndexNotFound)) ==
        "org.opensearch.index.IndexNotFoundException");
  CHECK(std::string(exception_class_name(ShardFailureClass::kIndexClosed)) ==
        "org.opensearch.indices.IndexClosedException");
  CHECK(std::string(exception_class_name(ShardFailureClass::kRetentionLeaseNotFound)) ==
        "org.opensearch.index.seqno.RetentionLeaseNotFoundException");
  CHECK(std::string(exception_class_name(ShardFailureClass::kNoSuchRemoteCluster)) ==
        "org.opensearch.transport.NoSuchRemoteClusterException");
  CHECK(std::string(exception_class_name(ShardFailureClass::kSecurity)) ==
        "org.opensearch.OpenSearchSecurityException");
  CHECK(std::string(exception_class_name(ShardFailureClass::kStatus)) == "org.opensearch.OpenSearchStatusException");
}

}  // namespace
}  // namespace ccrsim
