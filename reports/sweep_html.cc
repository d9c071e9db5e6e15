#include "reports/sweep_html.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "reports/html_escape.h"
#include "reports/html_report.h"
#include "reports/number_format.h"

namespace ccrsim {

namespace {

// Metrics measured in seconds (docs/scenario-format.md §6.2); the others are counts of operations.
bool is_seconds_metric(const std::string& metric) {
  for (const char* prefix : {"lag_time_", "delivery_", "bootstrap_time", "recovery_time", "rpo_time", "rto"}) {
    if (metric.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

std::string other_values(const SweepResult& sweep, const SweepRun& run) {
  std::string out;
  for (std::size_t p = 1; p < sweep.paths.size() && p < run.values.size(); ++p) {
    out += (out.empty() ? "" : ", ") + sweep.paths[p] + " = " + run.values[p];
  }
  return out;
}

// Values in order of first appearance.
void add_unique(std::vector<std::string>& list, const std::string& v) {
  if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
}

struct Stats {
  double mean = 0;
  double min = 0;
  double max = 0;
  std::size_t n = 0;
};

Stats stats_of(const std::vector<double>& v) {
  if (v.empty()) return {};
  return {std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()),
          *std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end()), v.size()};
}

// Metric values of one metric grouped by (line, x).
struct Grouped {
  std::vector<std::string> xs;                                                // values of the first path
  std::vector<std::string> lines;                                             // values of the other paths
  std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> values;  // (line, x) -> over seeds
};

Grouped group(const SweepResult& sweep, std::size_t metric) {
  Grouped g;
  for (const SweepRun& run : sweep.runs) {
    add_unique(g.xs, run.values.empty() ? "" : run.values[0]);
    add_unique(g.lines, other_values(sweep, run));
  }
  for (const SweepRun& run : sweep.runs) {
    if (metric >= run.metrics.size() || !run.metrics[metric]) continue;
    const auto x = static_cast<std::size_t>(
        std::find(g.xs.begin(), g.xs.end(), run.values.empty() ? "" : run.values[0]) - g.xs.begin());
    const auto line =
        static_cast<std::size_t>(std::find(g.lines.begin(), g.lines.end(), other_values(sweep, run)) - g.lines.begin());
    g.values[{line, x}].push_back(*run.metrics[metric]);
  }
  return g;
}

std::string td_num(const std::string& text) {
  return "<td class=\"num\">" + html_escape(text) + "</td>";
}

void table(const SweepResult& sweep, std::string& out) {
  out += "<h2>Runs by combination</h2>\n<table>\n<thead><tr>";
  for (const std::string& p : sweep.paths) out += "<th>" + html_escape(p) + "</th>";
  out += "<th>runs</th><th>passed</th>";
  for (const std::string& m : sweep.metrics) out += "<th>" + html_escape(m) + " mean [min, max]</th>";
  out += "</tr></thead>\n<tbody>\n";
  std::vector<int> combinations;
  for (const SweepRun& r : sweep.runs) {
    if (std::find(combinations.begin(), combinations.end(), r.combination) == combinations.end()) {
      combinations.push_back(r.combination);
    }
  }
  std::sort(combinations.begin(), combinations.end());
  for (int c : combinations) {
    std::vector<const SweepRun*> runs;
    for (const SweepRun& r : sweep.runs) {
      if (r.combination == c) runs.push_back(&r);
    }
    out += "<tr>";
    for (std::size_t p = 0; p < sweep.paths.size(); ++p) {
      out += "<td>" + html_escape(p < runs[0]->values.size() ? runs[0]->values[p] : "") + "</td>";
    }
    const auto passed = std::count_if(runs.begin(), runs.end(), [](const SweepRun* r) { return r->passed; });
    out += td_num(std::to_string(runs.size())) + td_num(std::to_string(passed));
    for (std::size_t m = 0; m < sweep.metrics.size(); ++m) {
      std::vector<double> v;
      for (const SweepRun* r : runs) {
        if (m < r->metrics.size() && r->metrics[m]) v.push_back(*r->metrics[m]);
      }
      const Stats s = stats_of(v);
      out += td_num(s.n == 0 ? "-"
                             : format_fixed(s.mean, 3) + " [" + format_fixed(s.min, 3) + ", " + format_fixed(s.max, 3) +
                                   "]");
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

}  // namespace

Chart sweep_chart(const SweepResult& sweep, std::size_t metric) {
  const Grouped g = group(sweep, metric);
  const std::string name = metric < sweep.metrics.size() ? sweep.metrics[metric] : "metric";
  Chart c;
  c.kind = "sweep";
  c.title = name + " against " + (sweep.paths.empty() ? std::string("run") : sweep.paths[0]);
  c.x.label = sweep.paths.empty() ? "run" : sweep.paths[0];
  c.x.categories = g.xs;
  c.y.label = name + (is_seconds_metric(name) ? " (s)" : " (operations)");
  bool several_seeds = false;
  for (std::size_t line = 0; line < g.lines.size() && line < kMaxSweepLines; ++line) {
    ChartSeries s{g.lines[line].empty() ? name + " (mean over seeds)" : g.lines[line],
                  "sweep-" + std::to_string(line),
                  {},
                  false,
                  static_cast<int>(line)};
    ChartRange band{"", {}, {}, {}, static_cast<int>(line)};
    for (std::size_t x = 0; x < g.xs.size(); ++x) {
      const auto it = g.values.find({line, x});
      if (it == g.values.end()) continue;
      const Stats st = stats_of(it->second);
      s.points.push_back({static_cast<double>(x), st.mean});
      band.xs.push_back(static_cast<double>(x));
      band.lo.push_back(st.min);
      band.hi.push_back(st.max);
      several_seeds = several_seeds || st.n > 1;
    }
    c.series.push_back(std::move(s));
    c.ranges.push_back(std::move(band));
  }
  if (several_seeds && !c.ranges.empty()) {
    c.ranges[0].name = "min-max over seeds";
  } else {
    c.ranges.clear();
  }
  return c;
}

std::string render_sweep_html(const SweepResult& sweep) {
  std::string out = html_page_begin("ccrsim sweep: " + sweep.name);
  const auto passed = std::count_if(sweep.runs.begin(), sweep.runs.end(), [](const SweepRun& r) { return r.passed; });
  out += "<h1>ccrsim sweep: " + html_escape(sweep.name) + "</h1>\n";
  out += "<p class=\"summary\">" + std::to_string(sweep.runs.size()) + " runs, " + std::to_string(passed) +
         " passed. Lines are the mean over seeds; the shaded band spans the minimum to the maximum.</p>\n";
  for (std::size_t m = 0; m < sweep.metrics.size(); ++m) {
    out += "<figure>\n" + render_svg_chart(sweep_chart(sweep, m)) + "</figure>\n";
  }
  table(sweep, out);
  out += html_page_end();
  return out;
}

}  // namespace ccrsim
