#pragma once
// timeseries.csv (docs/scenario-format.md §6.3): one row per replication per output point, at most 2000 points per
// replication.
#include <string>

#include "reports/run_result.h"

namespace ccrsim {

std::string render_timeseries_csv(const RunResult& result);

}  // namespace ccrsim
