#include "reports/junit_xml.h"

#include "reports/html_escape.h"
#include "reports/number_format.h"
#include "reports/response_text.h"

namespace ccrsim {

namespace {

constexpr std::size_t kMaxFailureTextChars = 16000;
constexpr std::size_t kMaxMessageChars = 500;

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (text.size() > kMaxMessageChars) text = text.substr(0, kMaxMessageChars - 3) + "...";
  return text;
}

std::string seconds_attr(double s) {
  return format_fixed(s, 3);
}

}  // namespace

JunitSuite junit_suite(const RunResult& r, const std::string& suite_name) {
  JunitSuite suite;
  suite.name = suite_name;
  suite.time_s = to_seconds(r.end_us);
  for (const StepResult& s : r.steps) {
    if (s.expect == "none") continue;
    JunitCase c;
    c.classname = r.scenario_name;
    c.name = "step " + std::to_string(s.index) + ": " + s.request;
    c.time_s = to_seconds(s.done_us - s.at_us);
    c.failed = s.expect == "fail";
    if (c.failed) {
      c.failure_type = "expectation";
      c.failure_message = one_line(s.message);
      c.failure_text = "on " + s.on + " at " + format_seconds(s.at_us) + " s, " + std::to_string(s.attempts) +
                       " attempt(s), last response status " + std::to_string(s.status) + ":\n" +
                       response_text(s.body, kMaxFailureTextChars);
    }
    suite.cases.push_back(std::move(c));
  }
  for (const CheckResult& ch : r.checks) {
    JunitCase c;
    c.classname = r.scenario_name;
    c.name = "check: " + ch.name;
    c.failed = !ch.passed;
    if (c.failed) {
      c.failure_type = "check";
      const std::string value = ch.value ? format_fixed(*ch.value, 3) : "not measured";
      c.failure_message = one_line(ch.message.empty() ? ch.metric + " = " + value + ", limit " + ch.limit_kind + " " +
                                                            format_fixed(ch.limit, 3)
                                                      : ch.message);
      c.failure_text =
          "metric " + ch.metric + ": value " + value + ", limit " + ch.limit_kind + " " + format_fixed(ch.limit, 3);
    }
    suite.cases.push_back(std::move(c));
  }
  return suite;
}

std::string render_junit_xml(const std::vector<JunitSuite>& suites) {
  std::size_t tests = 0;
  std::size_t failures = 0;
  double time_s = 0;
  for (const JunitSuite& s : suites) {
    tests += s.cases.size();
    for (const JunitCase& c : s.cases) failures += c.failed ? 1 : 0;
    time_s += s.time_s;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"ccrsim\" tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
         "\" errors=\"0\" time=\"" + seconds_attr(time_s) + "\">\n";
  for (std::size_t i = 0; i < suites.size(); ++i) {
    const JunitSuite& s = suites[i];
    std::size_t suite_failures = 0;
    for (const JunitCase& c : s.cases) suite_failures += c.failed ? 1 : 0;
    out += "  <testsuite id=\"" + std::to_string(i) + "\" name=\"" + html_escape(s.name) + "\" tests=\"" +
           std::to_string(s.cases.size()) + "\" failures=\"" + std::to_string(suite_failures) +
           "\" errors=\"0\" skipped=\"0\" time=\"" + seconds_attr(s.time_s) + "\">\n";
    for (const JunitCase& c : s.cases) {
      out += "    <testcase classname=\"" + html_escape(c.classname) + "\" name=\"" + html_escape(c.name) +
             "\" time=\"" + seconds_attr(c.time_s) + "\"";
      if (!c.failed) {
        out += "/>\n";
        continue;
      }
      out += ">\n      <failure message=\"" + html_escape(c.failure_message) + "\" type=\"" +
             html_escape(c.failure_type) + "\">" + html_escape(c.failure_text) + "</failure>\n    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace ccrsim
