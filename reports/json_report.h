#pragma once
// report.json (docs/scenario-format.md §6.1): keys in a fixed order, numbers rounded to fixed precision.
#include <string>

#include "reports/run_result.h"
#include "sim/json.h"

namespace ccrsim {

json build_json_report(const RunResult& result);
std::string render_json_report(const RunResult& result);  // pretty-printed, 2-space indent, trailing newline

}  // namespace ccrsim
