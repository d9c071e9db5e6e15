#pragma once
// Shard allocation as the simulator sees it: every primary is assigned; a replica is assigned when there is a data
// node without a copy of its shard (replicas < data nodes), as the same-shard allocation decider requires.
#include <string>

#include "model/domain.h"

namespace ccrsim {

int data_nodes(const Domain& domain);
// Copies of each shard that are assigned: 1 + the replicas that fit.
int assigned_copies(const Domain& domain, const Index& index);
// "red" when a primary is unassigned (node_down), "green" when every replica is assigned, else "yellow".
std::string index_health(const Domain& domain, const Index& index);

}  // namespace ccrsim
