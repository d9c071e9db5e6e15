#pragma once
// JUnit XML for CI (`ccrsim run --junit FILE`): every step with an expectation and every check is a test case.
// Follows the common Jenkins/Surefire subset (docs/reports.md): <testsuites> with <testsuite name tests failures
// errors skipped time>, <testcase classname name time>, <failure message type> with the last response as text,
// <system-out>. Times are simulated seconds, so the file is deterministic.
#include <string>
#include <vector>

#include "reports/run_result.h"

namespace ccrsim {

struct JunitCase {
  std::string classname;
  std::string name;
  double time_s = 0;
  bool failed = false;
  std::string failure_type;     // "expectation" | "check"
  std::string failure_message;  // one line
  std::string failure_text;     // the last response body, or the measured value
};

struct JunitSuite {
  std::string name;
  double time_s = 0;
  std::vector<JunitCase> cases;
};

// One suite for a run; a sweep makes one per run (suite name e.g. "<scenario> [run 3 seed 2]") and renders them
// all into one file.
JunitSuite junit_suite(const RunResult& result, const std::string& suite_name);
std::string render_junit_xml(const std::vector<JunitSuite>& suites);

}  // namespace ccrsim
