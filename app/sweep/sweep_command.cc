#include "app/sweep/sweep_command.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "app/sweep/parallel_runs.h"
#include "app/sweep/scenario_variants.h"
#include "app/sweep/sweep_spec.h"
#include "reports/junit_xml.h"
#include "reports/sweep_html.h"
#include "reports/sweep_writers.h"

namespace ccrsim {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRunFailed = 1;  // a run could not start; its row has no metrics
constexpr int kExitInvalid = 2;
constexpr int kMaxShards = 100'000;
constexpr const char* kRunsFile = "sweep-runs.json";

struct ShardSpec {
  int index = 0;
  int count = 1;
};

std::optional<ShardSpec> parse_shard(const std::string& text) {
  if (text.empty()) return ShardSpec{};
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  ShardSpec s;
  const char* a = text.data();
  const char* b = text.data() + slash;
  const char* c = text.data() + text.size();
  const auto [p1, e1] = std::from_chars(a, b, s.index);
  const auto [p2, e2] = std::from_chars(b + 1, c, s.count);
  if (e1 != std::errc() || p1 != b || e2 != std::errc() || p2 != c) return std::nullopt;
  if (s.count < 1 || s.count > kMaxShards || s.index < 0 || s.index >= s.count) return std::nullopt;
  return s;
}

bool write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

// Every file a sweep writes, whole, sharded or merged.
bool write_sweep_outputs(const std::string& out_dir, const SweepResult& sweep, int total_runs) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "ccrsim: error: cannot create output directory '" << out_dir << "': " << ec.message() << "\n";
    return false;
  }
  const std::filesystem::path dir(out_dir);
  bool ok = write_text(dir / "sweep.csv", render_sweep_csv(sweep));
  ok = write_text(dir / "summary.csv", render_sweep_summary_csv(sweep)) && ok;
  ok = write_text(dir / "report.md", render_sweep_markdown(sweep)) && ok;
  ok = write_text(dir / "report.html", render_sweep_html(sweep)) && ok;
  ok = write_text(dir / kRunsFile, render_sweep_runs_json(sweep, total_runs)) && ok;
  if (!ok) std::cerr << "ccrsim: error: cannot write the sweep's files into '" << out_dir << "'\n";
  return ok;
}

void print_at(const std::string& file, SourcePos pos, const std::string& message) {
  std::cerr << file << ":" << pos.line << ":" << pos.col << ": error: " << message << "\n";
}

std::vector<std::string> paths_of(const SweepSpec& spec) {
  std::vector<std::string> paths;
  for (const SweepAxis& a : spec.axes) paths.push_back(a.path);
  return paths;
}

std::vector<std::string> values_of(const SweepSpec& spec, std::size_t combination) {
  std::vector<std::string> values;
  const std::vector<std::size_t> idx = spec.value_indices(combination);
  for (std::size_t i = 0; i < spec.axes.size(); ++i) values.push_back(spec.axes[i].values[idx[i]]);
  return values;
}

// Loads every combination the share needs; prints every problem (pointing at the sweep file's value) and returns
// nullopt when there is any, so nothing runs.
std::optional<std::vector<std::optional<Scenario>>> load_combinations(const SweepSpec& spec,
                                                                      const ScenarioVariants& variants,
                                                                      const std::vector<int>& runs) {
  std::vector<std::optional<Scenario>> scenarios(spec.combinations());
  std::vector<bool> needed(spec.combinations(), false);
  needed[0] = true;  // the sweep's name, even for a share with no runs
  for (int run : runs) needed[static_cast<std::size_t>(run) / spec.seeds.size()] = true;
  bool ok = true;
  for (std::size_t c = 0; c < scenarios.size(); ++c) {
    if (!needed[c]) continue;
    std::vector<std::string> errors;
    scenarios[c] = variants.load(values_of(spec, c), errors);
    for (const std::string& line : errors) std::cerr << line << "\n";
    ok = ok && scenarios[c].has_value();
  }
  if (!ok) return std::nullopt;
  return scenarios;
}

// A run's suite in the sweep's JUnit file; a run that could not start is one failed case carrying its error.
std::string suite_name(const std::string& sweep_name, int run, std::uint64_t seed) {
  return sweep_name + " [run " + std::to_string(run) + " seed " + std::to_string(seed) + "]";
}

JunitSuite run_error_suite(const std::string& name, const std::string& error) {
  JunitSuite suite;
  suite.name = name;
  JunitCase c;
  c.classname = name;
  c.name = "run";
  c.failed = true;
  c.failure_type = "error";
  c.failure_message = error;
  suite.cases.push_back(std::move(c));
  return suite;
}

}  // namespace

int command_sweep(const SweepArgs& args) {
  const std::optional<ShardSpec> shard = parse_shard(args.shard_text);
  if (!shard) {
    std::cerr << "ccrsim: error: --shard must be I/N with 0 <= I < N <= " << kMaxShards << ", got '" << args.shard_text
              << "'\n";
    return kExitInvalid;
  }
  if (args.jobs < 0) {
    std::cerr << "ccrsim: error: --jobs must be at least 1 (0 or absent: every core)\n";
    return kExitInvalid;
  }
  Diagnostics diags(args.sweep_path);
  const std::optional<SweepSpec> spec = load_sweep_spec(args.sweep_path, diags);
  for (const std::string& line : diags.render()) std::cerr << line << "\n";
  if (!spec) return kExitInvalid;

  std::vector<ScenarioVariants::PathError> path_errors;
  const std::optional<ScenarioVariants> variants =
      ScenarioVariants::open(spec->scenario_path, paths_of(*spec), path_errors);
  for (const ScenarioVariants::PathError& e : path_errors) {
    print_at(spec->file, e.path_index < spec->axes.size() ? spec->axes[e.path_index].pos : spec->scenario_pos,
             e.message);
  }
  if (!variants) return kExitInvalid;

  std::vector<int> runs;
  for (std::size_t r = 0; r < spec->runs(); ++r) {
    if (static_cast<int>(r % static_cast<std::size_t>(shard->count)) == shard->index)
      runs.push_back(static_cast<int>(r));
  }
  const auto scenarios = load_combinations(*spec, *variants, runs);
  if (!scenarios) return kExitInvalid;

  SweepResult sweep;
  sweep.name = (*scenarios)[0]->name;
  sweep.paths = paths_of(*spec);
  sweep.metrics = spec->metrics;
  sweep.runs.resize(runs.size());
  std::vector<std::string> run_errors(runs.size());
  std::vector<JunitSuite> suites(args.junit_path.empty() ? 0 : runs.size());
  {
    // The bar is wiped when it goes out of scope, before anything else is printed.
    ProgressBar bar("sweep");
    for_each_in_parallel(
        runs.size(), args.jobs,
        [&](std::size_t i) {
          const auto run = static_cast<std::size_t>(runs[i]);
          const std::size_t combination = run / spec->seeds.size();
          Scenario scenario = *(*scenarios)[combination];
          scenario.seed = spec->seeds[run % spec->seeds.size()];
          const std::string name = suite_name(sweep.name, runs[i], scenario.seed);
          const RunMeasure m = measure_run(scenario, spec->metrics, [&](const RunResult& result) {
            if (!suites.empty()) suites[i] = junit_suite(result, name);
          });
          if (!suites.empty() && !m.error.empty()) suites[i] = run_error_suite(name, m.error);
          SweepRun& row = sweep.runs[i];
          row.run = runs[i];
          row.combination = static_cast<int>(combination);
          row.seed = scenario.seed;
          row.values = values_of(*spec, combination);
          row.metrics = m.metrics;
          row.passed = m.passed;
          run_errors[i] = m.error;
        },
        [&](std::size_t done, std::size_t count) { bar.update(done, count); });
  }
  bool all_ran = true;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (run_errors[i].empty()) continue;
    all_ran = false;
    std::cerr << "ccrsim: error: run " << runs[i] << ": " << run_errors[i] << "\n";
  }
  const std::string out_dir =
      args.out_dir.empty() ? (std::filesystem::path("ccrsim-out") / std::filesystem::path(spec->file).stem()).string()
                           : args.out_dir;
  if (!write_sweep_outputs(out_dir, sweep, static_cast<int>(spec->runs()))) return kExitInvalid;
  if (!args.junit_path.empty() && !write_text(args.junit_path, render_junit_xml(suites))) {
    std::cerr << "ccrsim: error: cannot write the JUnit file '" << args.junit_path << "'\n";
    return kExitInvalid;
  }
  std::cout << "ccrsim: sweep " << sweep.name << ": " << runs.size() << " of " << spec->runs() << " runs ("
            << spec->combinations() << " combinations x " << spec->seeds.size() << " seeds) -> " << out_dir << "\n";
  return all_ran ? kExitOk : kExitRunFailed;
}

int command_merge(const std::vector<std::string>& dirs, const std::string& out_dir) {
  std::optional<SweepRunsFile> merged;
  std::set<int> seen;
  for (const std::string& dir : dirs) {
    const std::filesystem::path file = std::filesystem::path(dir) / kRunsFile;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "ccrsim: error: cannot read '" << file.string() << "' (is '" << dir << "' a sweep output?)\n";
      return kExitInvalid;
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    std::optional<SweepRunsFile> part = parse_sweep_runs_json(text.str(), error);
    if (!part) {
      std::cerr << "ccrsim: error: '" << file.string() << "' is not a sweep's runs file: " << error << "\n";
      return kExitInvalid;
    }
    if (!merged) {
      merged = SweepRunsFile{part->sweep, part->total_runs};
      merged->sweep.runs.clear();
    } else if (part->sweep.name != merged->sweep.name || part->sweep.paths != merged->sweep.paths ||
               part->sweep.metrics != merged->sweep.metrics || part->total_runs != merged->total_runs) {
      std::cerr << "ccrsim: error: '" << dir << "' is from another sweep (name, paths, metrics or size differ)\n";
      return kExitInvalid;
    }
    for (SweepRun& run : part->sweep.runs) {
      if (run.run < 0 || run.run >= merged->total_runs || !seen.insert(run.run).second) {
        std::cerr << "ccrsim: error: run " << run.run << " appears twice or is out of range (in '" << dir << "')\n";
        return kExitInvalid;
      }
      merged->sweep.runs.push_back(std::move(run));
    }
  }
  if (!merged) return kExitInvalid;
  if (static_cast<int>(seen.size()) != merged->total_runs) {
    std::cerr << "ccrsim: error: the shares hold " << seen.size() << " of the sweep's " << merged->total_runs
              << " runs; a shard's output is missing\n";
    return kExitInvalid;
  }
  std::sort(merged->sweep.runs.begin(), merged->sweep.runs.end(),
            [](const SweepRun& a, const SweepRun& b) { return a.run < b.run; });
  if (!write_sweep_outputs(out_dir, merged->sweep, merged->total_runs)) return kExitInvalid;
  std::cout << "ccrsim: merged " << dirs.size() << " shares, " << merged->total_runs << " runs -> " << out_dir << "\n";
  return kExitOk;
}

}  // namespace ccrsim
