#include "reports/sweep_html.h"

#include <catch2/catch.hpp>

#include "tests/reports/xml_checker.h"

namespace ccrsim {
namespace {

// rate x latency x 2 seeds; the metric is rate / 1000 + latency_ms / 100 + seed / 10, and one run measured nothing.
SweepResult sample_sweep() {
  SweepResult s;
  s.name = "capacity <sweep>";
  s.paths = {"workload[0].rate", "network.links[0].latency"};
  s.metrics = {"lag_time_p99", "ops_replicated"};
  int run = 0;
  int combination = 0;
  for (int rate : {1000, 2000, 4000}) {
    for (int latency : {10, 80}) {
      for (std::uint64_t seed : {1, 2}) {
        SweepRun r;
        r.run = run++;
        r.combination = combination;
        r.seed = seed;
        r.values = {std::to_string(rate) + "/s", std::to_string(latency) + "ms"};
        r.metrics = {rate / 1000.0 + latency / 100.0 + static_cast<double>(seed) / 10.0, rate * 60.0};
        if (rate == 4000 && latency == 80 && seed == 2) r.metrics[0] = std::nullopt;
        r.passed = rate < 4000;
        s.runs.push_back(r);
      }
      ++combination;
    }
  }
  return s;
}

TEST_CASE("the sweep chart has one line per other value with the mean over seeds and a min-max band") {
  const Chart c = sweep_chart(sample_sweep(), 0);
  CHECK(c.x.categories == std::vector<std::string>{"1000/s", "2000/s", "4000/s"});
  CHECK(c.y.label == "lag_time_p99 (s)");
  REQUIRE(c.series.size() == 2);
  CHECK(c.series[0].name == "network.links[0].latency = 10ms");
  CHECK(c.series[1].name == "network.links[0].latency = 80ms");
  REQUIRE(c.series[1].points.size() == 3);
  CHECK(c.series[1].points[0].x == 0);
  CHECK(c.series[1].points[0].y == Approx(1.0 + 0.8 + 0.15));  // mean of seeds 1 and 2
  CHECK(c.series[1].points[2].y == Approx(4.0 + 0.8 + 0.1));   // seed 2 measured nothing
  REQUIRE(c.ranges.size() == 2);
  CHECK(c.ranges[0].name == "min-max over seeds");
  CHECK(c.ranges[1].lo[0] == Approx(1.9));
  CHECK(c.ranges[1].hi[0] == Approx(2.0));
}

TEST_CASE("the sweep page is well-formed - self-contained and has a chart per metric") {
  const std::string html = render_sweep_html(sample_sweep());
  CHECK(testing::xml_problem(html).empty());
  CHECK(html.find("//") == std::string::npos);
  CHECK(html.find("capacity &lt;sweep&gt;") != std::string::npos);
  CHECK(testing::count_of(html, "data-chart=\"sweep\"") == 2);
  CHECK(html.find("ops_replicated (operations)") != std::string::npos);
  CHECK(html.find("12 runs, 8 passed") != std::string::npos);
  CHECK(html.find(">4000/s</td><td>80ms</td><td class=\"num\">2</td><td class=\"num\">0</td>") != std::string::npos);
}

TEST_CASE("a sweep with one seed and one path draws one line and no band") {
  SweepResult s;
  s.name = "one";
  s.paths = {"seed-free"};
  s.metrics = {"rto"};
  for (int i = 0; i < 3; ++i) s.runs.push_back({i, i, 1, {std::to_string(i)}, {i * 2.0}, true});
  const Chart c = sweep_chart(s, 0);
  REQUIRE(c.series.size() == 1);
  CHECK(c.series[0].points.size() == 3);
  CHECK(c.ranges.empty());
}

}  // namespace
}  // namespace ccrsim
