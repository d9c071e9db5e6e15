#include "reports/html_report.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "reports/timeseries_csv.h"
#include "tests/reports/sample_run.h"
#include "tests/reports/xml_checker.h"

namespace ccrsim {
namespace {

using testing::count_of;

std::string attr(const std::string& element, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = element.find(key);
  if (at == std::string::npos) return "";
  const std::size_t start = at + key.size();
  return element.substr(start, element.find('"', start) - start);
}

// The n-th chart of a kind, from <svg to </svg>.
std::string nth_chart(const std::string& html, const std::string& kind, int n) {
  std::size_t at = 0;
  for (int i = 0; i <= n; ++i) {
    at = html.find("data-chart=\"" + kind + "\"", at + 1);
    if (at == std::string::npos) return "";
  }
  const std::size_t start = html.rfind("<svg", at);
  return html.substr(start, html.find("</svg>", at) + 6 - start);
}

struct Pixel {
  double x;
  double y;
};

std::vector<Pixel> series_points(const std::string& svg, const std::string& id) {
  const std::size_t at = svg.find("data-series=\"" + id + "\"");
  if (at == std::string::npos) return {};
  const std::size_t start = svg.rfind("<polyline", at);
  std::istringstream in(attr(svg.substr(start, svg.find("/>", at) - start), "points"));
  std::vector<Pixel> out;
  std::string pair;
  while (in >> pair) {
    const std::size_t comma = pair.find(',');
    out.push_back({std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1))});
  }
  return out;
}

// Maps a pixel back to data values with the chart's published plot box and axis ranges.
struct Inverse {
  double left, top, right, bottom, x_min, x_max, y_min, y_max;
  explicit Inverse(const std::string& svg, const std::string& y_axis = "y") {
    std::istringstream plot(attr(svg, "data-plot"));
    plot >> left >> top >> right >> bottom;
    x_min = std::stod(attr(svg, "data-x-min"));
    x_max = std::stod(attr(svg, "data-x-max"));
    y_min = std::stod(attr(svg, "data-" + y_axis + "-min"));
    y_max = std::stod(attr(svg, "data-" + y_axis + "-max"));
  }
  double x(double px) const { return x_min + (px - left) / (right - left) * (x_max - x_min); }
  double y(double py) const { return y_min + (bottom - py) / (bottom - top) * (y_max - y_min); }
};

TEST_CASE("report.html is well-formed and self-contained") {
  const std::string html = render_html_report(testing::sample_run());
  CHECK(testing::xml_problem(html).empty());
  INFO(testing::xml_problem(html));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("http:") == std::string::npos);
  CHECK(html.find("https:") == std::string::npos);
  CHECK(html.find("//") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("report.html escapes names and response bodies") {
  const std::string html = render_html_report(testing::sample_run());
  CHECK(html.find("sample &lt;run&gt; &amp; &quot;friends&quot;") != std::string::npos);
  CHECK(html.find("&lt;leader&gt; &amp; co") != std::string::npos);  // the failing step's last response
  CHECK(html.find("<run>") == std::string::npos);
}

TEST_CASE("report.html has a lag chart and a delivery CDF per replication") {
  const RunResult run = testing::sample_run();
  const std::string html = render_html_report(run);
  CHECK(count_of(html, "data-chart=\"lag\"") == run.replications.size());
  CHECK(count_of(html, "data-chart=\"delivery-cdf\"") == run.replications.size());
  CHECK(count_of(html, "<svg class=\"topology\"") == 1);
}

TEST_CASE("the lag chart's points are the report's time series") {
  const RunResult run = testing::sample_run();
  const std::string html = render_html_report(run);
  const std::string csv = render_timeseries_csv(run);
  for (std::size_t r = 0; r < run.replications.size(); ++r) {
    const ReplicationResult& rep = run.replications[r];
    const std::string svg = nth_chart(html, "lag", static_cast<int>(r));
    REQUIRE_FALSE(svg.empty());
    const std::vector<Pixel> time = series_points(svg, "lag_time_s");
    const std::vector<Pixel> ops = series_points(svg, "lag_ops");
    // As many points as timeseries.csv has rows for the replication.
    CHECK(time.size() == count_of(csv, "," + rep.id + ","));
    REQUIRE(time.size() == rep.series.points().size());
    REQUIRE(ops.size() == time.size());
    const Inverse left(svg, "y");
    const Inverse right(svg, "y2");
    // Pixels are rounded to 0.1: a tenth of a pixel in data units is the tolerance.
    const double tx = 0.1 / (left.right - left.left) * (left.x_max - left.x_min) * 1.01;
    const double ty = 0.1 / (left.bottom - left.top) * (left.y_max - left.y_min) * 1.01;
    const double to = 0.1 / (right.bottom - right.top) * (right.y_max - right.y_min) * 1.01;
    for (std::size_t i = 0; i < time.size(); ++i) {
      const LagPoint& p = rep.series.points()[i];
      CHECK(std::abs(left.x(time[i].x) - to_seconds(p.t_us) / 60.0) <= tx);  // 20 min run: minutes on the axis
      CHECK(std::abs(left.y(time[i].y) - to_seconds(p.lag_time_us)) <= ty);
      CHECK(std::abs(right.y(ops[i].y) - static_cast<double>(p.lag_ops)) <= to);
    }
  }
}

TEST_CASE("fault windows shade the charts of the replications they affect") {
  const RunResult run = testing::sample_run();
  const std::string html = render_html_report(run);
  const std::string first = nth_chart(html, "lag", 0);
  const std::string second = nth_chart(html, "lag", 1);
  CHECK(count_of(first, "class=\"window\" data-label=\"atlantic-cut\"") == 1);
  CHECK(count_of(second, "class=\"window\" data-label=\"atlantic-cut\"") == 0);
  // The permanent loss affects both and reaches the end of the run.
  CHECK(count_of(first, "data-label=\"leader-gone\"") == 1);
  CHECK(count_of(second, "data-label=\"leader-gone\"") == 1);
  // The window starts at the fault's start: 300 s is 5 min on the minute axis.
  const std::size_t at = first.find("data-label=\"atlantic-cut\"");
  const std::string rect = first.substr(first.rfind("<rect", at), first.find("/>", at) - first.rfind("<rect", at));
  const Inverse inv(first);
  CHECK(inv.x(std::stod(attr(rect, "x"))) == Approx(5.0).margin(0.01));
  CHECK(inv.x(std::stod(attr(rect, "x")) + std::stod(attr(rect, "width"))) == Approx(7.0).margin(0.01));
}

TEST_CASE("status changes are marked on the lag chart") {
  const RunResult run = testing::sample_run();
  const std::string svg = nth_chart(render_html_report(run), "lag", 0);
  CHECK(count_of(svg, "<line class=\"marker\"") == run.replications[0].status_changes.size());
  CHECK(count_of(svg, "class=\"marker\" data-label=\"PAUSED\"") == 1);
}

TEST_CASE("the delivery CDF rises to 1 on a log axis through the histogram's quantiles") {
  const ReplicationResult rep = testing::sample_run().replications[0];
  const Chart c = delivery_cdf_chart(rep);
  REQUIRE(c.x.log);
  REQUIRE(c.series.size() == 1);
  const std::vector<ChartPoint>& pts = c.series[0].points;
  REQUIRE(pts.size() > 100);
  CHECK(pts.back().y == Approx(1.0));
  CHECK(pts.back().x == Approx(to_seconds(rep.delivery.max_us())));
  for (std::size_t i = 1; i < pts.size(); ++i) {
    CHECK(pts[i].x >= pts[i - 1].x);
    CHECK(pts[i].y > pts[i - 1].y);
  }
  // 90 % of the operations were delivered within 2 s.
  const auto at_90 = std::find_if(pts.begin(), pts.end(), [](const ChartPoint& p) { return p.y >= 0.9 - 1e-9; });
  REQUIRE(at_90 != pts.end());
  CHECK(at_90->x == Approx(2.0).epsilon(0.02));
  const std::string svg = render_svg_chart(c);
  CHECK(attr(svg, "data-x-log") == "true");
  CHECK(std::stod(attr(svg, "data-x-min")) == Approx(0.01));
  CHECK(std::stod(attr(svg, "data-x-max")) == Approx(1000));
}

TEST_CASE("report.html lists fault recovery - disasters - failing steps and checks") {
  const std::string html = render_html_report(testing::sample_run());
  CHECK(html.find("<span class=\"verdict fail\">FAILED</span>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">30.0 s</td>") != std::string::npos);  // recovery time of the cut
  CHECK(html.find("<td class=\"num\">permanent</td>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">120</td><td class=\"num\">0.4 s</td><td class=\"num\">95.0 s</td>") !=
        std::string::npos);                           // RPO ops, RPO time and RTO
  CHECK(count_of(html, "<tr class=\"fail\">") == 2);  // the failing step and the failing check
  CHECK(html.find("<summary>last response</summary>") != std::string::npos);
}

TEST_CASE("charts stop at the replication limit and say so") {
  RunResult run = testing::sample_run();
  run.faults.clear();
  const ReplicationResult rep = run.replications[0];
  run.replications.assign(kMaxChartedReplications + 3, rep);
  const std::string html = render_html_report(run);
  CHECK(count_of(html, "data-chart=\"lag\"") == kMaxChartedReplications);
  CHECK(html.find("Charts are drawn for the first") != std::string::npos);
}

}  // namespace
}  // namespace ccrsim

namespace ccrsim {
namespace {

TEST_CASE("the steps table stops at twice its row limit even when every step failed") {
  RunResult run = testing::sample_run();
  const StepResult failing = run.steps[1];
  run.steps.assign(5000, failing);
  const std::string html = render_html_report(run);
  CHECK(count_of(html, "<summary>last response</summary>") == 4000);
  CHECK(html.find("at most 4000 rows in all") != std::string::npos);
}

}  // namespace
}  // namespace ccrsim
