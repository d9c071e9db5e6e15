#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <iostream>

#include "app/command_support.h"
#include "app/rule_lint.h"
#include "app/run_command.h"
#include "app/sweep/capacity_command.h"
#include "app/sweep/sweep_command.h"
#include "app/version.h"

namespace ccrsim {

namespace {

int command_validate(const std::string& path) {
  std::optional<Scenario> scenario = load_valid(path);
  if (!scenario) return kExitInvalid;
  const RuleLint lint = print_rule_lint_warnings(*scenario, path);
  for (const std::string& line : render_lint_rules(lint)) std::cout << line << "\n";
  std::cout << path << ": valid (" << scenario->domains.size() << " domains, " << scenario->steps.size() << " steps, "
            << scenario->checks.size() << " checks)\n";
  return kExitPassed;
}

// Command-line values that need checking after parsing (CLI11 takes them as text).
struct CliArgs {
  RunArgs run;
  std::string seed_text;
  std::string validate_path;
  SweepArgs sweep;
  std::vector<std::string> merge_dirs;
  std::string merge_out;
  CapacityArgs capacity;
};

CLI::App* add_run_command(CLI::App& app, CliArgs& a) {
  CLI::App* run = app.add_subcommand("run", "simulate a scenario and write its report");
  run->add_option("SCENARIO", a.run.scenario_path, "scenario YAML file")->required();
  run->add_option("--seed", a.seed_text, "override the scenario's seed (0 to 18446744073709551615)");
  run->add_option("--out", a.run.out_dir, "output directory (default ./ccrsim-out/<scenario stem>/)");
  run->add_flag("--quiet", a.run.quiet, "print nothing but errors");
  run->add_option("--trace", a.run.trace_path, "write one line per state change and step to FILE");
  run->add_option("--junit", a.run.junit_path, "write the expectations and checks as JUnit XML to FILE");
  run->add_flag("--check-invariants", a.run.check_invariants,
                "fail the run when a replication invariant is violated (docs/faults.md)");
  run->add_flag("--buggify", a.run.buggify,
                "for swarm runs: the model's buggify sites sometimes take their rare paths (docs/robustness.md)");
  run->add_option("--max-events", a.run.limits.max_events,
                  "stop the run (exit 2) after N events; 0 for no limit (default 10000000000)")
      ->check(CLI::NonNegativeNumber);
  run->add_option("--max-wall", a.run.limits.max_wall_s,
                  "stop the run (exit 2) after SECONDS of wall time; 0 for no limit (default 86400)")
      ->check(CLI::NonNegativeNumber);
  return run;
}

CLI::App* add_sweep_command(CLI::App& app, CliArgs& a) {
  CLI::App* sweep = app.add_subcommand("sweep", "run a scenario over every combination of values x seeds");
  sweep->add_option("SWEEP", a.sweep.sweep_path, "sweep YAML file")->required();
  sweep->add_option("--jobs", a.sweep.jobs, "runs at once (default: every core)");
  sweep->add_option("--shard", a.sweep.shard_text, "run only the runs whose index modulo N is I (I/N)");
  sweep->add_option("--out", a.sweep.out_dir, "output directory (default ./ccrsim-out/<sweep stem>/)");
  sweep->add_option("--junit", a.sweep.junit_path, "write every run's expectations and checks as JUnit XML to FILE");
  return sweep;
}

CLI::App* add_merge_command(CLI::App& app, CliArgs& a) {
  CLI::App* merge = app.add_subcommand("merge", "join the outputs of sweep shards into one sweep's files");
  merge->add_option("DIR", a.merge_dirs, "shard output directories")->required();
  merge->add_option("--out", a.merge_out, "output directory")->required();
  return merge;
}

CLI::App* add_capacity_command(CLI::App& app, CliArgs& a) {
  CLI::App* capacity = app.add_subcommand("capacity", "the largest value of a path keeping a metric in bounds");
  capacity->add_option("SCENARIO", a.capacity.scenario_path, "scenario YAML file")->required();
  capacity->add_option("--vary", a.capacity.vary_path, "the path to search, e.g. 'workload[0].rate'")->required();
  capacity->add_option("--metric", a.capacity.metric, "the metric to bound, e.g. lag_time_p99")->required();
  capacity->add_option("--max", a.capacity.max_text, "the metric's limit (30s, or a count)")->required();
  capacity->add_option("--seeds", a.capacity.seeds_text, "seeds every probe must pass: 1,2,3 or 1..5");
  capacity->add_option("--jobs", a.capacity.jobs, "runs at once (default: every core)");
  capacity->add_option("--out", a.capacity.out_dir, "output directory (default ./ccrsim-out/<stem>-capacity/)");
  return capacity;
}

// --seed as a whole unsigned 64-bit number; false (with the error printed) otherwise.
bool parse_seed(const std::string& text, std::optional<std::uint64_t>& seed) {
  if (text.empty()) return true;
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) {
    std::cerr << "ccrsim: error: --seed must be an integer from 0 to 18446744073709551615, got '" << text << "'\n";
    return false;
  }
  seed = value;
  return true;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"ccrsim: a deterministic simulator of OpenSearch cross-cluster replication", "ccrsim"};
  app.set_version_flag("--version", std::string("ccrsim ") + version());
  app.require_subcommand(0, 1);
  CliArgs a;
  CLI::App* run = add_run_command(app, a);
  CLI::App* validate = app.add_subcommand("validate", "check a scenario without simulating it");
  validate->add_option("SCENARIO", a.validate_path, "scenario YAML file")->required();
  CLI::App* sweep = add_sweep_command(app, a);
  CLI::App* merge = add_merge_command(app, a);
  CLI::App* capacity = add_capacity_command(app, a);
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
  if (*run) return parse_seed(a.seed_text, a.run.seed) ? command_run(a.run) : kExitInvalid;
  if (*validate) return command_validate(a.validate_path);
  if (*sweep) return command_sweep(a.sweep);
  if (*merge) return command_merge(a.merge_dirs, a.merge_out);
  if (*capacity) return command_capacity(a.capacity);
  std::cout << app.help();
  return kExitInvalid;
}

}  // namespace ccrsim
