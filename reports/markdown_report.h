#pragma once
// report.md: the same run for people — verdict, steps with pass/fail, replications and lag, checks.
#include <string>

#include "reports/run_result.h"

namespace ccrsim {

std::string render_markdown_report(const RunResult& result);

}  // namespace ccrsim
