#pragma once
// Reads from the world at the end of a run what the capacity analysis needs per replication: shards, readers,
// batch size, round trip, capacities, bandwidth, bytes per operation and the leader's retention lease period.
#include <vector>

#include "model/world.h"
#include "reports/run_result.h"

namespace ccrsim {

void fill_throughput_inputs(World& world, std::vector<ReplicationResult>& replications);

}  // namespace ccrsim
