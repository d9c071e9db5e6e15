#pragma once
// Builds the topology graph of a finished run (domains, connections, index copies joined by the replications that
// still copy data) and the report's `topology` section from it.
#include <vector>

#include "model/topology/topology_graph.h"
#include "model/world.h"
#include "reports/run_result.h"

namespace ccrsim {

// Every domain (vertex i = DomainId i), every connection, every index of every domain, and the replications that
// are not stopped.
TopologyGraph build_topology_graph(const World& world, const std::vector<ReplicationResult>& replications);
TopologyResult summarize_topology(const World& world, const std::vector<ReplicationResult>& replications);

}  // namespace ccrsim
