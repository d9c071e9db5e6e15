#pragma once
// What one primary shard of a domain can do (docs/scenario-format.md §7.3): the `capacity:` block when written,
// otherwise defaults derived from the instance type (docs/capacity.md lists the table and its assumptions).
#include <string>

#include "scenario/scenario.h"

namespace ccrsim {

struct ShardCapacity {
  double index_rate_per_s = 0;  // operations one primary indexes per second (leader writes, follower replay)
  double read_rate_per_s = 0;   // operations one leader primary serves to GetChanges per second
};

// The default for an instance type such as "r6g.large.search": family factor x size table. Unknown families and
// sizes take r6g.large's numbers.
ShardCapacity default_shard_capacity(const std::string& instance_type);

// The domain's effective capacity: each written value wins over the instance type's default.
ShardCapacity effective_shard_capacity(const DomainSpec& domain);

}  // namespace ccrsim
