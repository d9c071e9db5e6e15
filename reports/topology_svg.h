#pragma once
// The topology picture in report.html: one column per region, domains as boxes labelled with engine version, role
// and index counts, connections (dashed, follower -> leader) and replications (solid, leader -> follower) as arrows.
#include <string>

#include "reports/run_result.h"

namespace ccrsim {

std::string render_topology_svg(const RunResult& result);

}  // namespace ccrsim
