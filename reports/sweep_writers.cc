#include "reports/sweep_writers.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <map>
#include <string_view>

#include "reports/number_format.h"
#include "scenario/scenario_loader.h"
#include "sim/json.h"

namespace ccrsim {

namespace {

// Appends pieces one by one (GCC 12 warns falsely about `"literal" + std::string` under -O3 -Wrestrict).
void append(std::string& out, std::initializer_list<std::string_view> pieces) {
  for (std::string_view p : pieces) out.append(p.data(), p.size());
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string format_metric(const std::string& metric, double value) {
  if (is_time_metric_name(metric)) return format_fixed(value, 3);
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  return format_fixed(value, 1);
}

std::string format_optional(const std::string& metric, const std::optional<double>& value) {
  return value ? format_metric(metric, *value) : "";
}

struct MetricStats {
  std::optional<double> mean;
  std::optional<double> min;
  std::optional<double> max;
};

struct Combination {
  int combination = 0;
  std::vector<std::string> values;
  int runs = 0;
  int passed = 0;
  std::vector<MetricStats> stats;
};

// Combinations in index order; statistics over the seeds that measured the metric, summed in run order so the
// result does not depend on which machine ran what.
std::vector<Combination> combinations(const SweepResult& sweep) {
  std::map<int, std::vector<const SweepRun*>> by_combination;
  for (const SweepRun& run : sweep.runs) by_combination[run.combination].push_back(&run);
  std::vector<Combination> out;
  for (auto& [index, runs] : by_combination) {
    std::sort(runs.begin(), runs.end(), [](const SweepRun* a, const SweepRun* b) { return a->run < b->run; });
    Combination c;
    c.combination = index;
    c.values = runs.front()->values;
    c.runs = static_cast<int>(runs.size());
    for (const SweepRun* run : runs) c.passed += run->passed ? 1 : 0;
    for (std::size_t m = 0; m < sweep.metrics.size(); ++m) {
      MetricStats s;
      double sum = 0;
      int n = 0;
      for (const SweepRun* run : runs) {
        if (m >= run->metrics.size() || !run->metrics[m]) continue;
        const double v = *run->metrics[m];
        sum += v;
        ++n;
        s.min = s.min ? std::min(*s.min, v) : v;
        s.max = s.max ? std::max(*s.max, v) : v;
      }
      if (n > 0) s.mean = sum / n;
      c.stats.push_back(s);
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::string join_row(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += csv_field(fields[i]);
  }
  return line + "\n";
}

// Markdown table cells must not break the table.
std::string md_cell(std::string text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

std::string render_sweep_csv(const SweepResult& sweep) {
  std::vector<std::string> header = {"run", "seed"};
  header.insert(header.end(), sweep.paths.begin(), sweep.paths.end());
  header.insert(header.end(), sweep.metrics.begin(), sweep.metrics.end());
  std::string out = join_row(header);
  for (const SweepRun& run : sweep.runs) {
    std::vector<std::string> row = {std::to_string(run.run), std::to_string(run.seed)};
    row.insert(row.end(), run.values.begin(), run.values.end());
    for (std::size_t m = 0; m < sweep.metrics.size(); ++m) {
      row.push_back(m < run.metrics.size() ? format_optional(sweep.metrics[m], run.metrics[m]) : "");
    }
    out += join_row(row);
  }
  return out;
}

std::string render_sweep_summary_csv(const SweepResult& sweep) {
  std::vector<std::string> header = {"combination"};
  header.insert(header.end(), sweep.paths.begin(), sweep.paths.end());
  header.push_back("runs");
  header.push_back("passed");
  for (const std::string& m : sweep.metrics) {
    for (const char* stat : {"_mean", "_min", "_max"}) header.push_back(m + stat);
  }
  std::string out = join_row(header);
  for (const Combination& c : combinations(sweep)) {
    std::vector<std::string> row = {std::to_string(c.combination)};
    row.insert(row.end(), c.values.begin(), c.values.end());
    row.push_back(std::to_string(c.runs));
    row.push_back(std::to_string(c.passed));
    for (std::size_t m = 0; m < sweep.metrics.size(); ++m) {
      const std::string& name = sweep.metrics[m];
      row.push_back(format_optional(name, c.stats[m].mean));
      row.push_back(format_optional(name, c.stats[m].min));
      row.push_back(format_optional(name, c.stats[m].max));
    }
    out += join_row(row);
  }
  return out;
}

std::string render_sweep_markdown(const SweepResult& sweep) {
  const std::vector<Combination> combos = combinations(sweep);
  std::string out;
  append(out, {"# Sweep: ", md_cell(sweep.name), "\n\n", std::to_string(sweep.runs.size()), " runs, ",
               std::to_string(combos.size())});
  out +=
      " combinations. Each metric is the worst over the run's replications (faults, disasters), then the mean "
      "over seeds with the range in brackets; times in seconds. `passed` counts the runs whose expectations "
      "and checks all passed.\n\n";
  std::string header = "|";
  std::string rule = "|";
  for (const std::string& p : sweep.paths) {
    header += " `";
    header += md_cell(p);
    header += "` |";
    rule += " ---: |";
  }
  for (const std::string& m : sweep.metrics) {
    header += " ";
    header += md_cell(m);
    if (is_time_metric_name(m)) header += " (s)";
    header += " |";
    rule += " ---: |";
  }
  header += " passed |\n";
  rule += " ---: |\n";
  out += header + rule;
  for (const Combination& c : combos) {
    std::string row = "|";
    for (const std::string& v : c.values) {
      row += " ";
      row += md_cell(v);
      row += " |";
    }
    for (std::size_t m = 0; m < sweep.metrics.size(); ++m) {
      const std::string& name = sweep.metrics[m];
      const MetricStats& s = c.stats[m];
      if (!s.mean) {
        row += " – |";
        continue;
      }
      append(row, {" ", format_metric(name, *s.mean)});
      if (c.runs > 1) append(row, {" [", format_metric(name, *s.min), " – ", format_metric(name, *s.max), "]"});
      row += " |";
    }
    append(row, {" ", std::to_string(c.passed), "/", std::to_string(c.runs), " |\n"});
    out += row;
  }
  return out;
}

std::string render_sweep_runs_json(const SweepResult& sweep, int total_runs) {
  json j = json::object();
  j["name"] = sweep.name;
  j["paths"] = sweep.paths;
  j["metrics"] = sweep.metrics;
  j["total_runs"] = total_runs;
  j["runs"] = json::array();
  for (const SweepRun& run : sweep.runs) {
    json metrics = json::array();
    for (const std::optional<double>& m : run.metrics) metrics.push_back(m ? json(*m) : json(nullptr));
    j["runs"].push_back({{"run", run.run},
                         {"combination", run.combination},
                         {"seed", run.seed},
                         {"values", run.values},
                         {"metrics", metrics},
                         {"passed", run.passed}});
  }
  return j.dump(1) + "\n";
}

std::optional<SweepRunsFile> parse_sweep_runs_json(const std::string& text, std::string& error) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  try {
    SweepRunsFile f;
    f.sweep.name = j.at("name").get<std::string>();
    f.sweep.paths = j.at("paths").get<std::vector<std::string>>();
    f.sweep.metrics = j.at("metrics").get<std::vector<std::string>>();
    f.total_runs = j.at("total_runs").get<int>();
    for (const json& r : j.at("runs")) {
      SweepRun run;
      run.run = r.at("run").get<int>();
      run.combination = r.at("combination").get<int>();
      run.seed = r.at("seed").get<std::uint64_t>();
      run.values = r.at("values").get<std::vector<std::string>>();
      for (const json& m : r.at("metrics")) {
        run.metrics.push_back(m.is_null() ? std::nullopt : std::optional<double>(m.get<double>()));
      }
      run.passed = r.at("passed").get<bool>();
      if (run.values.size() != f.sweep.paths.size() || run.metrics.size() != f.sweep.metrics.size()) {
        error.clear();
        append(error, {"run ", std::to_string(run.run), " does not have one value per path and metric"});
        return std::nullopt;
      }
      f.sweep.runs.push_back(std::move(run));
    }
    return f;
  } catch (const json::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

}  // namespace ccrsim
