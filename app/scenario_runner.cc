#include "app/scenario_runner.h"

#include <algorithm>

#include "app/autofollow_results.h"
#include "app/fault_recorder.h"
#include "app/invariant_checker.h"
#include "app/replication_sampler.h"
#include "app/step_runner.h"
#include "app/throughput_inputs.h"
#include "app/topology_summary.h"
#include "app/version.h"
#include "app/workload_results.h"
#include "model/faults/fault_injector.h"
#include "model/faults/random_faults.h"
#include "model/replication/autofollow_service.h"
#include "model/replication/replication_buggify.h"
#include "model/replication/replication_service.h"
#include "model/rest/core_apis.h"
#include "model/rest/rest_router.h"
#include "model/world.h"
#include "model/world_builder.h"
#include "reports/checks.h"
#include "sim/rng.h"
#include "sim/simulator.h"

namespace ccrsim {

namespace {

// The longest run the format allows (docs/scenario-format.md §3.2); a run without `duration` never goes past it.
constexpr sim_time_us kHorizonUs = 365 * kUsPerDay;
constexpr std::uint64_t kProgressEveryEvents = 1 << 16;

// When a run without `duration` ends after its steps: every fault window closed and every bounded writer done.
sim_time_us natural_end_us(const Scenario& scenario, sim_time_us now_us) {
  sim_time_us end = now_us;
  for (const FaultSpec& f : scenario.faults) {
    if (f.duration_us) end = std::max(end, f.at_us + *f.duration_us);
    if (f.random) end = std::max(end, f.random->until_us.value_or(end));
  }
  for (const WorkloadSpec& w : scenario.workload) {
    if (w.until_us) end = std::max(end, *w.until_us);
  }
  return std::min(end, kHorizonUs);
}

// When the world went quiet: the last fault healed and the last writer stopped (end_bound_us: never).
sim_time_us quiet_since_us(const Scenario& scenario, const FaultInjector& faults, const FaultRecorder& recorder,
                           sim_time_us end_bound_us) {
  for (const FaultInjector::Window& w : faults.windows()) {
    if (w.active) return end_bound_us;
  }
  sim_time_us quiet = recorder.last_heal_us();
  for (const WorkloadSpec& w : scenario.workload) quiet = std::max(quiet, w.until_us.value_or(end_bound_us));
  return quiet;
}

void run_events(Simulator& sim, sim_time_us limit_us, const std::function<bool()>& keep_going,
                const RunOptions& options, RunGuard& guard) {
  std::uint64_t since_progress = 0;
  while (keep_going() && !guard.exceeded(sim.events_processed(), sim.now()) && sim.step(limit_us)) {
    if (++since_progress == kProgressEveryEvents) {
      since_progress = 0;
      if (options.progress) options.progress(sim.now(), sim.events_processed());
    }
  }
}

// A run with `duration` stops there; one without runs its steps, then until every fault window and writer is done.
void run_to_end(Simulator& sim, const Scenario& scenario, const StepRunner& steps, const RunOptions& options,
                RunGuard& guard) {
  if (scenario.duration_us) {
    run_events(
        sim, *scenario.duration_us, [] { return true; }, options, guard);
    if (!guard.exceeded(sim.events_processed(), sim.now())) sim.run_until(*scenario.duration_us);
    return;
  }
  run_events(
      sim, kHorizonUs, [&] { return !steps.done(); }, options, guard);
  const sim_time_us end = natural_end_us(scenario, sim.now());
  run_events(
      sim, end, [] { return true; }, options, guard);
  if (!guard.exceeded(sim.events_processed(), sim.now())) sim.run_until(end);
}

void fill_run_identity(RunResult& r, const Scenario& scenario, sim_time_us end_us) {
  r.ccrsim_version = version();
  r.scenario_name = scenario.name;
  r.scenario_file = scenario.file;
  r.seed = scenario.seed;
  r.end_us = end_us;
}

// Once the replications are in: the topology, throughput inputs and writers, then the `checks:` over all of it.
void add_world_summaries_and_checks(RunResult& r, World& world, const Scenario& scenario) {
  r.topology = summarize_topology(world, r.replications);
  fill_throughput_inputs(world, r.replications);
  r.workloads = workload_results(world);
  for (ReplicationResult& rep : r.replications) rep.lag_threshold_us = scenario.lag_threshold_us;
  summarize_run(r);  // once, before the checks and the writers read it
  r.checks = evaluate_checks(scenario.checks, r);
}

std::vector<ConnectionResult> connection_results(const World& world) {
  std::vector<ConnectionResult> out;
  for (const Connection& c : world.connections().all()) {
    out.push_back(
        {c.alias, world.domain(c.local).name(), world.domain(c.remote).name(), to_string(c.status), c.message});
  }
  return out;
}

std::vector<DomainResult> domain_results(const World& world) {
  std::vector<DomainResult> out;
  for (DomainId d = 0; d < world.domain_count(); ++d) {
    const Domain& domain = world.domain(d);
    out.push_back(
        {domain.name(), domain.spec().region, domain.spec().engine_version, static_cast<int>(domain.indices().size())});
  }
  return out;
}

void mark_unfinished_steps(const Scenario& scenario, std::vector<StepResult>& steps, sim_time_us end_us) {
  if (!steps.empty() && steps.back().done_us == 0 && steps.back().expect == "none" &&
      scenario.steps[steps.size() - 1].expect) {
    steps.back().expect = "fail";
    steps.back().done_us = end_us;
    steps.back().message = "the run ended before the step completed";
  }
  for (std::size_t i = steps.size(); i < scenario.steps.size(); ++i) {
    const StepSpec& s = scenario.steps[i];
    StepResult r;
    r.index = static_cast<int>(i);
    r.at_us = end_us;
    r.done_us = end_us;
    r.on = s.on;
    r.request = s.kind == StepKind::kRequest ? s.method + " " + s.path
                : s.kind == StepKind::kAws   ? "aws " + s.aws_operation
                                             : "wait";
    r.attempts = 0;
    r.expect = s.expect ? "fail" : "none";
    r.message = "not run: the simulation ended first";
    steps.push_back(std::move(r));
  }
}

}  // namespace

RunOutcome run_scenario(const Scenario& scenario, const RunOptions& options) {
  RunOutcome outcome;
  Simulator sim;
  if (options.buggify) sim.buggify().enable(scenario.seed);
  WorldBuilder built(sim, scenario);
  World& world = built.world();
  if (!options.trace_path.empty() && !world.trace().open(options.trace_path, outcome.error)) {
    outcome.error = "cannot write trace file '" + options.trace_path + "': " + outcome.error;
    return outcome;
  }
  const sim_time_us end_bound_us = scenario.duration_us.value_or(kHorizonUs);
  world.set_end_us(end_bound_us);
  built.add_scenario_contents(end_bound_us);

  RestRouter router;
  register_core_apis(router);
  ReplicationService replication(world);
  if (options.buggify) replication.set_get_changes_fault(buggify_get_changes(sim.buggify()));
  register_replication_api(router, replication);
  AutofollowService autofollow(replication);
  register_autofollow_api(router, autofollow);
  ReplicationSampler sampler(sim, replication, scenario.sample_interval_us);
  FaultInjector faults(world, replication, resolve_faults(scenario));
  FaultRecorder recorder(replication, faults);
  faults.set_listener([&](std::size_t fault, bool began) { recorder.on_fault(fault, began); });
  faults.set_before_begin([&](std::size_t fault) { recorder.before_fault(fault); });
  InvariantChecker invariants(replication);
  sampler.set_observer(
      [&](const ReplicationEntry& e, const ReplicationSample& s) {
        recorder.on_sample(e, s);
        if (options.check_invariants) invariants.on_sample(e, s);
      },
      [&] { recorder.after_sample(); });
  faults.start();
  sampler.start();

  StepRunner steps(world, router, scenario.steps);
  steps.start();

  RunGuard guard(options.limits);
  run_to_end(sim, scenario, steps, options, guard);
  if (!guard.message().empty()) {
    outcome.error = "the run was stopped: " + guard.message();
    return outcome;
  }
  for (DomainId d = 0; d < world.domain_count(); ++d) world.domain(d).catch_up_writes(sim.now());

  RunResult& r = outcome.result;
  fill_run_identity(r, scenario, sim.now());
  r.steps = steps.results();
  mark_unfinished_steps(scenario, r.steps, sim.now());
  r.domains = domain_results(world);
  r.connections = connection_results(world);
  sampler.sample_now();
  r.replications = sampler.results();
  faults.finish();
  if (options.check_invariants) {
    invariants.at_end(quiet_since_us(scenario, faults, recorder, end_bound_us));
    if (invariants.violation()) outcome.invariant_violation = *invariants.violation();
  }
  r.faults = recorder.faults();
  r.disasters = recorder.disasters();
  r.autofollow_rules = autofollow_results(autofollow, replication);
  add_rule_lint(lint_autofollow_rules(scenario), r);
  add_world_summaries_and_checks(r, world, scenario);
  r.fingerprint = sim.fingerprint();
  r.events = sim.events_processed();
  world.trace().flush();
  return outcome;
}

}  // namespace ccrsim
