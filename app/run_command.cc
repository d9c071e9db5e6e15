#include "app/run_command.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/command_support.h"
#include "app/scenario_runner.h"
#include "app/sha256.h"
#include "app/version.h"
#include "reports/html_report.h"
#include "reports/json_report.h"
#include "reports/junit_xml.h"
#include "reports/markdown_report.h"
#include "reports/number_format.h"
#include "reports/timeseries_csv.h"
#include "reports/topology_dot.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

using Clock = std::chrono::steady_clock;

long peak_memory_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

std::string default_out_dir(const std::string& scenario_path) {
  return (std::filesystem::path("ccrsim-out") / std::filesystem::path(scenario_path).stem()).string();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The terminal's progress line, at most five times a second, only when stderr is a terminal.
RunOptions run_options(const RunArgs& args, Clock::time_point wall_start, bool show_progress) {
  RunOptions options;
  options.trace_path = args.trace_path;
  options.check_invariants = args.check_invariants;
  options.buggify = args.buggify;
  options.limits = args.limits;
  if (!show_progress) return options;
  options.progress = [wall_start, last_print = wall_start](sim_time_us t_us, std::uint64_t events) mutable {
    const auto now = Clock::now();
    if (now - last_print < std::chrono::milliseconds(200)) return;
    last_print = now;
    const double wall_s = std::chrono::duration<double>(now - wall_start).count();
    std::fprintf(stderr, "\r[ccrsim] simulated %s s, %.1f M events/s   ", format_seconds(t_us).c_str(),
                 wall_s > 0 ? static_cast<double>(events) / wall_s / 1e6 : 0.0);
  };
  return options;
}

// run.json: the one output allowed to differ between runs (wall time, speed, memory).
json run_json(const RunResult& r, const std::string& scenario_path, double wall_s) {
  json run = json::object();
  run["ccrsim_version"] = version();
  run["seed"] = r.seed;
  run["scenario_sha256"] = sha256_hex(read_file(scenario_path));
  run["events"] = r.events;
  run["wall_s"] = round_to(wall_s, 3);
  run["events_per_s"] = wall_s > 0 ? round_to(static_cast<double>(r.events) / wall_s, 0) : 0.0;
  run["simulated_s"] = round_to(to_seconds(r.end_us), 6);
  run["simulated_per_wall"] = wall_s > 0 ? round_to(to_seconds(r.end_us) / wall_s, 1) : 0.0;
  run["peak_memory_kb"] = peak_memory_kb();
  return run;
}

bool write_reports(const RunResult& r, const std::filesystem::path& dir, const RunArgs& args, double wall_s) {
  bool ok = write_file(dir / "report.json", render_json_report(r));
  ok = write_file(dir / "report.md", render_markdown_report(r)) && ok;
  ok = write_file(dir / "timeseries.csv", render_timeseries_csv(r)) && ok;
  ok = write_file(dir / "report.html", render_html_report(r)) && ok;
  ok = write_file(dir / "topology.dot", render_topology_dot(r)) && ok;
  ok = write_file(dir / "run.json", run_json(r, args.scenario_path, wall_s).dump(2) + "\n") && ok;
  if (!ok) {
    std::cerr << "ccrsim: error: cannot write the report into '" << dir.string() << "'\n";
    return false;
  }
  if (!args.junit_path.empty() && !write_file(args.junit_path, render_junit_xml({junit_suite(r, r.scenario_name)}))) {
    std::cerr << "ccrsim: error: cannot write the JUnit file '" << args.junit_path << "'\n";
    return false;
  }
  return true;
}

void print_verdict(const RunResult& r, const std::filesystem::path& dir, double wall_s) {
  std::cout << "ccrsim: " << r.scenario_name << ": " << (r.passed() ? "passed" : "FAILED") << " ("
            << (r.expectations_total() - r.expectations_failed()) << "/" << r.expectations_total() << " expectations, "
            << (r.checks.size() - static_cast<std::size_t>(r.checks_failed())) << "/" << r.checks.size()
            << " checks) in " << format_seconds(r.end_us) << " s simulated, " << r.events << " events, "
            << format_fixed(wall_s, 2) << " s wall\n";
  for (const StepResult& s : r.steps) {
    if (s.expect == "fail") std::cout << "  step " << s.index << " failed: " << s.request << ": " << s.message << "\n";
  }
  for (const CheckResult& c : r.checks) {
    if (!c.passed) std::cout << "  check failed: " << c.name << "\n";
  }
  std::cout << "report: " << (dir / "report.md").string() << "\n";
  std::cout << "html: " << (dir / "report.html").string() << "\n";
}

}  // namespace

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
  const auto wall_start = Clock::now();
  const bool show_progress = !args.quiet && isatty(STDERR_FILENO) != 0;
  RunOutcome outcome = run_scenario(*scenario, run_options(args, wall_start, show_progress));
  if (show_progress) std::fprintf(stderr, "\r%60s\r", "");
  if (!outcome.error.empty()) {
    std::cerr << "ccrsim: error: " << outcome.error << "\n";
    return kExitInvalid;
  }
  const double wall_s = seconds_since(wall_start);
  const RunResult& r = outcome.result;
  const std::filesystem::path dir(out_dir);
  if (!write_reports(r, dir, args, wall_s)) return kExitInvalid;
  if (!args.quiet) print_verdict(r, dir, wall_s);
  if (!outcome.invariant_violation.empty()) {
    std::cerr << "ccrsim: invariant violated " << outcome.invariant_violation << "\n";
    return kExitFailed;
  }
  CCRSIM_ASSERT(r.passed() || r.expectations_failed() > 0 || r.checks_failed() > 0);  // a failure has a cause
  return r.passed() ? kExitPassed : kExitFailed;
}

}  // namespace ccrsim
