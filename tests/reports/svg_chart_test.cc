#include "reports/svg_chart.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "tests/reports/xml_checker.h"

namespace ccrsim {
namespace {

// The step is 1, 2 or 5 times a power of ten.
bool is_one_two_five(double step) {
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  return std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6;
}

TEST_CASE("nice ticks cover the range with 1-2-5 steps and at most the asked number of ticks (3 or more)") {
  const double cases[][2] = {{0, 0.128}, {0, 10}, {0, 97}, {-3, 7}, {12.5, 13.1}, {0, 1e9}, {0, 3.7e-5}, {1, 1}};
  for (const auto& c : cases) {
    for (int max_ticks : {3, 5, 7, 11}) {
      const std::vector<double> t = nice_ticks(c[0], c[1], max_ticks);
      INFO("range " << c[0] << " .. " << c[1] << " max " << max_ticks);
      REQUIRE(t.size() >= 2);
      CHECK(static_cast<int>(t.size()) <= max_ticks);
      CHECK(t.front() <= c[0]);
      CHECK(t.back() >= c[1]);
      const double step = t[1] - t[0];
      CHECK(is_one_two_five(step));
      for (std::size_t i = 1; i < t.size(); ++i) CHECK(t[i] - t[i - 1] == Approx(step));
      // Each tick is a whole multiple of the step (round values).
      for (double v : t) CHECK(std::abs(v / step - std::round(v / step)) < 1e-6);
    }
  }
}

TEST_CASE("nice ticks pick the smallest 1-2-5 step that fits") {
  CHECK(nice_ticks(0, 10, 6) == std::vector<double>{0, 2, 4, 6, 8, 10});
  CHECK(nice_ticks(0, 97, 7) == std::vector<double>{0, 20, 40, 60, 80, 100});
  const std::vector<double> t = nice_ticks(0, 0.128, 7);
  REQUIRE(t.size() == 4);
  CHECK(t[1] == Approx(0.05));
  CHECK(t[3] == Approx(0.15));
}

TEST_CASE("decade ticks cover a log range with powers of ten") {
  const std::vector<double> t = decade_ticks(0.05, 0.3);
  REQUIRE(t.size() == 3);
  CHECK(t[0] == Approx(0.01));
  CHECK(t[1] == Approx(0.1));
  CHECK(t[2] == Approx(1));
  CHECK(decade_ticks(1, 1).size() == 2);  // a single value still gets a decade
}

TEST_CASE("tick labels use the decimals the step needs") {
  CHECK(format_tick(0.15, 0.05) == "0.15");
  CHECK(format_tick(1500, 500) == "1500");
  CHECK(format_tick(0.001, 0.001) == "0.001");
  CHECK(format_tick(-0.0, 0.5) == "0.0");
  CHECK(format_tick(3, 1) == "3");
}

TEST_CASE("a chart is well-formed SVG with its series - windows - markers and legend") {
  Chart c;
  c.kind = "test";
  c.title = "a <title> & more";
  c.x.label = "time (s)";
  c.y.label = "lag (s)";
  c.series.push_back({"lag", "lag", {{0, 0}, {5, 2}, {10, 1}}, false, 0});
  c.series.push_back({"ops", "ops", {{0, 10}, {10, 40}}, true, 1});
  c.windows.push_back({2, 4, "cut"});
  c.markers.push_back({6, "PAUSED"});
  const std::string svg = render_svg_chart(c);
  CHECK(testing::xml_problem(svg).empty());
  CHECK(svg.find("a &lt;title&gt; &amp; more") != std::string::npos);
  CHECK(svg.find("data-series=\"lag\"") != std::string::npos);
  CHECK(svg.find("data-axis=\"right\"") != std::string::npos);
  CHECK(svg.find("class=\"window\" data-label=\"cut\"") != std::string::npos);
  CHECK(svg.find("class=\"marker\" data-label=\"PAUSED\"") != std::string::npos);
  CHECK(svg.find(">fault window</text>") != std::string::npos);
  CHECK(svg.find(">status change</text>") != std::string::npos);
  CHECK(svg.find("no data") == std::string::npos);
  // The two series differ in dash pattern, not only in colour (greyscale printing).
  CHECK(svg.find("stroke-dasharray=\"7 3\"") != std::string::npos);
}

TEST_CASE("a chart without data says so") {
  Chart c;
  c.kind = "empty";
  c.series.push_back({"nothing", "nothing", {}, false, 0});
  const std::string svg = render_svg_chart(c);
  CHECK(testing::xml_problem(svg).empty());
  CHECK(svg.find("no data") != std::string::npos);
}

TEST_CASE("the xml checker rejects broken markup") {
  CHECK(testing::xml_problem("<a><b></b></a>").empty());
  CHECK_FALSE(testing::xml_problem("<a><b></a>").empty());
  CHECK_FALSE(testing::xml_problem("<a>x & y</a>").empty());
  CHECK_FALSE(testing::xml_problem("<a x=1></a>").empty());
  CHECK_FALSE(testing::xml_problem("<a></a><b></b>").empty());
  CHECK_FALSE(testing::xml_problem("<a>").empty());
}

}  // namespace
}  // namespace ccrsim

namespace ccrsim {
namespace {

TEST_CASE("a chart draws at most 1000 markers and labels only those that do not overprint") {
  Chart c;
  c.kind = "many";
  c.series.push_back({"line", "line", {{0, 0}, {3000, 1}}, false, 0});
  for (int i = 0; i < 2500; ++i) c.markers.push_back({static_cast<double>(i), "S"});
  const std::string svg = render_svg_chart(c);
  const std::size_t labels = testing::count_of(svg, "class=\"marker-label\"");
  CHECK(testing::count_of(svg, "<line class=\"marker\"") == 1000);
  // 1000 markers over a third of 616 px: about 0.2 px apart, so one label per 11 px at most.
  CHECK(labels >= 5);
  CHECK(labels <= 40);
}

}  // namespace
}  // namespace ccrsim
