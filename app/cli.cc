#include "app/cli.h"

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/rule_lint.h"
#include "app/scenario_runner.h"
#include "app/scenario_validation.h"
#include "app/sha256.h"
#include "app/sweep/capacity_command.h"
#include "app/sweep/sweep_command.h"
#include "app/version.h"
#include "reports/html_report.h"
#include "reports/json_report.h"
#include "reports/junit_xml.h"
#include "reports/markdown_report.h"
#include "reports/number_format.h"
#include "reports/timeseries_csv.h"
#include "reports/topology_dot.h"

namespace ccrsim {

namespace {

constexpr int kExitPassed = 0;
constexpr int kExitFailed = 1;
constexpr int kExitInvalid = 2;

struct RunArgs {
  std::string scenario_path;
  std::optional<std::uint64_t> seed;
  std::string out_dir;
  bool quiet = false;
  std::string trace_path;
  std::string junit_path;  // empty: no JUnit file
  bool check_invariants = false;
  RunLimits limits;
};

// Loads and checks; prints every problem and returns nullopt when there is any.
std::optional<Scenario> load_valid(const std::string& path) {
  Diagnostics diags(path);
  std::optional<Scenario> scenario = load_and_check_scenario(path, diags);
  for (const std::string& line : diags.render()) std::cerr << line << "\n";
  if (!scenario && diags.empty()) std::cerr << path << ":1:1: error: the scenario could not be loaded\n";
  return scenario;
}

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

long peak_memory_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::string default_out_dir(const std::string& scenario_path) {
  return (std::filesystem::path("ccrsim-out") / std::filesystem::path(scenario_path).stem()).string();
}

// The auto-follow rule lint's warnings (`FILE:LINE:COL: warning: ...`, stderr); they never change the exit code.
RuleLint print_rule_lint_warnings(const Scenario& scenario, const std::string& path) {
  RuleLint lint = lint_autofollow_rules(scenario);
  for (const std::string& line : render_lint_warnings(path, lint)) std::cerr << line << "\n";
  return lint;
}

int command_validate(const std::string& path) {
  std::optional<Scenario> scenario = load_valid(path);
  if (!scenario) return kExitInvalid;
  const RuleLint lint = print_rule_lint_warnings(*scenario, path);
  for (const std::string& line : render_lint_rules(lint)) std::cout << line << "\n";
  std::cout << path << ": valid (" << scenario->domains.size() << " domains, " << scenario->steps.size() << " steps, "
            << scenario->checks.size() << " checks)\n";
  return kExitPassed;
}

int command_run(const RunArgs& args) {
  std::optional<Scenario> scenario = load_valid(args.scenario_path);
  if (!scenario) return kExitInvalid;
  print_rule_lint_warnings(*scenario, args.scenario_path);
  if (args.seed) scenario->seed = *args.seed;
  const std::string out_dir = args.out_dir.empty() ? default_out_dir(args.scenario_path) : args.out_dir;
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "ccrsim: error: cannot create output directory '" << out_dir << "': " << ec.message() << "\n";
    return kExitInvalid;
  }

  const auto wall_start = std::chrono::steady_clock::now();
  const bool show_progress = !args.quiet && isatty(STDERR_FILENO) != 0;
  auto last_print = wall_start;
  RunOptions options;
  options.trace_path = args.trace_path;
  options.check_invariants = args.check_invariants;
  options.limits = args.limits;
  if (show_progress) {
    options.progress = [&](sim_time_us t_us, std::uint64_t events) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_print < std::chrono::milliseconds(200)) return;
      last_print = now;
      const double wall_s = std::chrono::duration<double>(now - wall_start).count();
      std::fprintf(stderr, "\r[ccrsim] simulated %s s, %.1f M events/s   ", format_seconds(t_us).c_str(),
                   wall_s > 0 ? static_cast<double>(events) / wall_s / 1e6 : 0.0);
    };
  }
  RunOutcome outcome = run_scenario(*scenario, options);
  if (show_progress) std::fprintf(stderr, "\r%60s\r", "");
  if (!outcome.error.empty()) {
    std::cerr << "ccrsim: error: " << outcome.error << "\n";
    return kExitInvalid;
  }
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  const RunResult& r = outcome.result;
  const std::filesystem::path dir(out_dir);
  bool ok = write_file(dir / "report.json", render_json_report(r));
  ok = write_file(dir / "report.md", render_markdown_report(r)) && ok;
  ok = write_file(dir / "timeseries.csv", render_timeseries_csv(r)) && ok;
  ok = write_file(dir / "report.html", render_html_report(r)) && ok;
  ok = write_file(dir / "topology.dot", render_topology_dot(r)) && ok;
  json run = json::object();
  run["ccrsim_version"] = version();
  run["seed"] = r.seed;
  run["scenario_sha256"] = sha256_hex(read_file(args.scenario_path));
  run["events"] = r.events;
  run["wall_s"] = round_to(wall_s, 3);
  run["events_per_s"] = wall_s > 0 ? round_to(static_cast<double>(r.events) / wall_s, 0) : 0.0;
  run["simulated_s"] = round_to(to_seconds(r.end_us), 6);
  run["simulated_per_wall"] = wall_s > 0 ? round_to(to_seconds(r.end_us) / wall_s, 1) : 0.0;
  run["peak_memory_kb"] = peak_memory_kb();
  ok = write_file(dir / "run.json", run.dump(2) + "\n") && ok;
  if (!ok) {
    std::cerr << "ccrsim: error: cannot write the report into '" << out_dir << "'\n";
    return kExitInvalid;
  }
  if (!args.junit_path.empty() && !write_file(args.junit_path, render_junit_xml({junit_suite(r, r.scenario_name)}))) {
    std::cerr << "ccrsim: error: cannot write the JUnit file '" << args.junit_path << "'\n";
    return kExitInvalid;
  }
  if (!args.quiet) {
    std::cout << "ccrsim: " << r.scenario_name << ": " << (r.passed() ? "passed" : "FAILED") << " ("
              << (r.expectations_total() - r.expectations_failed()) << "/" << r.expectations_total()
              << " expectations, " << (r.checks.size() - static_cast<std::size_t>(r.checks_failed())) << "/"
              << r.checks.size() << " checks) in " << format_seconds(r.end_us) << " s simulated, " << r.events
              << " events, " << format_fixed(wall_s, 2) << " s wall\n";
    for (const StepResult& s : r.steps) {
      if (s.expect == "fail")
        std::cout << "  step " << s.index << " failed: " << s.request << ": " << s.message << "\n";
    }
    for (const CheckResult& c : r.checks) {
      if (!c.passed) std::cout << "  check failed: " << c.name << "\n";
    }
    std::cout << "report: " << (dir / "report.md").string() << "\n";
    std::cout << "html: " << (dir / "report.html").string() << "\n";
  }
  if (!outcome.invariant_violation.empty()) {
    std::cerr << "ccrsim: invariant violated " << outcome.invariant_violation << "\n";
    return kExitFailed;
  }
  return r.passed() ? kExitPassed : kExitFailed;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"ccrsim: a deterministic simulator of OpenSearch cross-cluster replication", "ccrsim"};
  app.set_version_flag("--version", std::string("ccrsim ") + version());
  app.require_subcommand(0, 1);

  RunArgs run_args;
  CLI::App* run = app.add_subcommand("run", "simulate a scenario and write its report");
  run->add_option("SCENARIO", run_args.scenario_path, "scenario YAML file")->required();
  std::string seed_text;
  run->add_option("--seed", seed_text, "override the scenario's seed (0 to 18446744073709551615)");
  run->add_option("--out", run_args.out_dir, "output directory (default ./ccrsim-out/<scenario stem>/)");
  run->add_flag("--quiet", run_args.quiet, "print nothing but errors");
  run->add_option("--trace", run_args.trace_path, "write one line per state change and step to FILE");
  run->add_option("--junit", run_args.junit_path, "write the expectations and checks as JUnit XML to FILE");
  run->add_flag("--check-invariants", run_args.check_invariants,
                "fail the run when a replication invariant is violated (docs/faults.md)");
  run->add_option("--max-events", run_args.limits.max_events,
                  "stop the run (exit 2) after N events; 0 for no limit (default 10000000000)")
      ->check(CLI::NonNegativeNumber);
  run->add_option("--max-wall", run_args.limits.max_wall_s,
                  "stop the run (exit 2) after SECONDS of wall time; 0 for no limit (default 86400)")
      ->check(CLI::NonNegativeNumber);

  std::string validate_path;
  CLI::App* validate = app.add_subcommand("validate", "check a scenario without simulating it");
  validate->add_option("SCENARIO", validate_path, "scenario YAML file")->required();

  SweepArgs sweep_args;
  CLI::App* sweep = app.add_subcommand("sweep", "run a scenario over every combination of values x seeds");
  sweep->add_option("SWEEP", sweep_args.sweep_path, "sweep YAML file")->required();
  sweep->add_option("--jobs", sweep_args.jobs, "runs at once (default: every core)");
  sweep->add_option("--shard", sweep_args.shard_text, "run only the runs whose index modulo N is I (I/N)");
  sweep->add_option("--out", sweep_args.out_dir, "output directory (default ./ccrsim-out/<sweep stem>/)");
  sweep->add_option("--junit", sweep_args.junit_path, "write every run's expectations and checks as JUnit XML to FILE");

  std::vector<std::string> merge_dirs;
  std::string merge_out;
  CLI::App* merge = app.add_subcommand("merge", "join the outputs of sweep shards into one sweep's files");
  merge->add_option("DIR", merge_dirs, "shard output directories")->required();
  merge->add_option("--out", merge_out, "output directory")->required();

  CapacityArgs capacity_args;
  CLI::App* capacity = app.add_subcommand("capacity", "the largest value of a path keeping a metric in bounds");
  capacity->add_option("SCENARIO", capacity_args.scenario_path, "scenario YAML file")->required();
  capacity->add_option("--vary", capacity_args.vary_path, "the path to search, e.g. 'workload[0].rate'")->required();
  capacity->add_option("--metric", capacity_args.metric, "the metric to bound, e.g. lag_time_p99")->required();
  capacity->add_option("--max", capacity_args.max_text, "the metric's limit (30s, or a count)")->required();
  capacity->add_option("--seeds", capacity_args.seeds_text, "seeds every probe must pass: 1,2,3 or 1..5");
  capacity->add_option("--jobs", capacity_args.jobs, "runs at once (default: every core)");
  capacity->add_option("--out", capacity_args.out_dir, "output directory (default ./ccrsim-out/<stem>-capacity/)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitInvalid;
  }
  if (*run && !seed_text.empty()) {
    std::uint64_t seed = 0;
    const char* end = seed_text.data() + seed_text.size();
    const auto [ptr, ec] = std::from_chars(seed_text.data(), end, seed);
    if (ec != std::errc() || ptr != end) {
      std::cerr << "ccrsim: error: --seed must be an integer from 0 to 18446744073709551615, got '" << seed_text
                << "'\n";
      return kExitInvalid;
    }
    run_args.seed = seed;
  }
  if (*run) return command_run(run_args);
  if (*validate) return command_validate(validate_path);
  if (*sweep) return command_sweep(sweep_args);
  if (*merge) return command_merge(merge_dirs, merge_out);
  if (*capacity) return command_capacity(capacity_args);
  std::cout << app.help();
  return kExitInvalid;
}

}  // namespace ccrsim
