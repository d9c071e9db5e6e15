#pragma once
// topology.dot: the run's topology (reports/topology.h) for Graphviz, one cluster per region.
#include <string>

#include "reports/run_result.h"

namespace ccrsim {

std::string render_topology_dot(const RunResult& result);

}  // namespace ccrsim
