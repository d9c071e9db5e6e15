#pragma once
// Per `workload:` entry, what its writer issued and what the leader's primaries acknowledged, at the end of a run.
#include <vector>

#include "model/world.h"
#include "reports/run_result.h"

namespace ccrsim {

std::vector<WorkloadResult> workload_results(const World& world);

}  // namespace ccrsim
