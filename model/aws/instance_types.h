#pragma once
// Amazon OpenSearch Service data-node instance types, by family (`r6g.large.search` is family r6g, size large).
// The families decide what cross-cluster features allow: no replication or cross-cluster search on M3 or on the
// burstable T2/T3 (AWS guide, "Limitations").
#include <optional>
#include <string>
#include <string_view>

namespace ccrsim {

enum class InstanceClass {
  kGeneralPurpose,
  kComputeOptimized,
  kMemoryOptimized,
  kStorageOptimized,
  kBurstable,
  kOptimized
};

struct InstanceType {
  std::string family;  // "r6g"
  std::string size;    // "large"
  InstanceClass instance_class = InstanceClass::kMemoryOptimized;
};

// `family.size.search` with a family and size AWS offers; nullopt otherwise.
std::optional<InstanceType> parse_instance_type(std::string_view text);
// Why `text` is not a known instance type (for a validation message), or "" when it is one.
std::string instance_type_problem(std::string_view text);
// M3, T2 and T3 cannot take part in cross-cluster replication or search.
bool supports_cross_cluster(const InstanceType& type);

}  // namespace ccrsim
