#include "model/rest/index_health.h"

#include <algorithm>

namespace ccrsim {

int data_nodes(const Domain& domain) {
  return std::max(domain.spec().instance_count, 1);
}

int assigned_copies(const Domain& domain, const Index& index) {
  return 1 + std::min(index.number_of_replicas(), data_nodes(domain) - 1);
}

std::string index_health(const Domain& domain, const Index& index) {
  if (index.any_shard_unassigned()) return "red";
  return assigned_copies(domain, index) == index.number_of_replicas() + 1 ? "green" : "yellow";
}

}  // namespace ccrsim
