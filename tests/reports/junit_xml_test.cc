#include "reports/junit_xml.h"

#include <catch2/catch.hpp>

#include "tests/reports/sample_run.h"
#include "tests/reports/xml_checker.h"

namespace ccrsim {
namespace {

TEST_CASE("junit lists every step with an expectation and every check") {
  const RunResult run = testing::sample_run();
  const std::string xml = render_junit_xml({junit_suite(run, run.scenario_name)});
  CHECK(testing::xml_problem(xml).empty());
  INFO(xml);
  CHECK(xml.find("<testsuites name=\"ccrsim\" tests=\"4\" failures=\"2\"") != std::string::npos);
  CHECK(xml.find("classname=\"sample &lt;run&gt; &amp; &quot;friends&quot;\" "
                 "name=\"step 0: PUT _plugins/_replication/follower-01/_start\" time=\"0.25\"/>") != std::string::npos);
  CHECK(xml.find("name=\"step 2") == std::string::npos);  // no expectation, no test case
  CHECK(xml.find("name=\"check: p99 under a minute\"") != std::string::npos);
}

TEST_CASE("a failing step carries its message and the last response") {
  const RunResult run = testing::sample_run();
  const std::string xml = render_junit_xml({junit_suite(run, run.scenario_name)});
  const std::size_t at = xml.find("name=\"step 1: GET _plugins/_replication/follower-01/_status\" time=\"120.0\">");
  REQUIRE(at != std::string::npos);
  const std::size_t failure = xml.find(
      "<failure message=\"body/status: expected &quot;SYNCING&quot;, got "
      "&quot;PAUSED&quot;\" type=\"expectation\">",
      at);
  REQUIRE(failure != std::string::npos);
  const std::size_t end = xml.find("</failure>", failure);
  const std::string text = xml.substr(failure, end - failure);
  CHECK(text.find("121 attempt(s), last response status 200") != std::string::npos);
  CHECK(text.find("&quot;reason&quot;: &quot;&lt;leader&gt; &amp; co&quot;") != std::string::npos);
}

TEST_CASE("a failing check carries its value and limit") {
  const RunResult run = testing::sample_run();
  const std::string xml = render_junit_xml({junit_suite(run, run.scenario_name)});
  CHECK(xml.find("<failure message=\"recovery_time = 30.0, limit max 10.0\" type=\"check\">") != std::string::npos);
}

TEST_CASE("several suites add up in the testsuites totals") {
  const RunResult run = testing::sample_run();
  const std::string xml = render_junit_xml({junit_suite(run, "a"), junit_suite(run, "b")});
  CHECK(testing::xml_problem(xml).empty());
  CHECK(xml.find("<testsuites name=\"ccrsim\" tests=\"8\" failures=\"4\" errors=\"0\" time=\"2400.0\">") !=
        std::string::npos);
  CHECK(xml.find("<testsuite id=\"1\" name=\"b\"") != std::string::npos);
}

}  // namespace
}  // namespace ccrsim
