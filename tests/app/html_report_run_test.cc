// report.html, the topology picture and the JUnit file of real runs: every shipped example scenario, simulated,
// gives well-formed markup (the hand-built results of tests/reports/ cannot cover what a real run puts in them).
#include <catch2/catch.hpp>
#include <filesystem>

#include "app/scenario_runner.h"
#include "app/scenario_validation.h"
#include "reports/html_report.h"
#include "reports/junit_xml.h"
#include "tests/reports/xml_checker.h"

namespace ccrsim {
namespace {

TEST_CASE("report.html and junit of every shipped example are well-formed") {
  const std::filesystem::path root = CCRSIM_SOURCE_DIR;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(root / "scenarios" / "examples")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    INFO(entry.path().filename().string());
    Diagnostics diags(entry.path().string());
    const std::optional<Scenario> scenario = load_and_check_scenario(entry.path().string(), diags);
    REQUIRE(scenario.has_value());
    const RunOutcome outcome = run_scenario(*scenario, RunOptions{});
    REQUIRE(outcome.error.empty());
    const RunResult& r = outcome.result;
    const std::string html = render_html_report(r);
    CHECK(testing::xml_problem(html).empty());
    INFO(testing::xml_problem(html));
    CHECK(html.find("<svg class=\"topology\"") != std::string::npos);
    CHECK(testing::count_of(html, "data-chart=\"lag\"") == std::min(r.replications.size(), kMaxChartedReplications));
    CHECK(testing::xml_problem(render_junit_xml({junit_suite(r, r.scenario_name)})).empty());
  }
  CHECK(files >= 3);
}

}  // namespace
}  // namespace ccrsim
