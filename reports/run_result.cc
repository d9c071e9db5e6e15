#include "reports/run_result.h"

#include <algorithm>
#include <stdexcept>

namespace ccrsim {

const ReplicationSummary& ReplicationResult::summary() const {
  if (!summarized) throw std::logic_error("the summary of " + id + " is read before summarize_run");
  return *summarized;
}

int RunResult::expectations_total() const {
  return static_cast<int>(
      std::count_if(steps.begin(), steps.end(), [](const StepResult& s) { return s.expect != "none"; }));
}

int RunResult::expectations_failed() const {
  return static_cast<int>(
      std::count_if(steps.begin(), steps.end(), [](const StepResult& s) { return s.expect == "fail"; }));
}

int RunResult::checks_failed() const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(), [](const CheckResult& c) { return !c.passed; }));
}

}  // namespace ccrsim
