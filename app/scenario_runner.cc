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
#include "model/network_config.h"
#include "model/replication/autofollow_service.h"
#include "model/replication/replication_service.h"
#include "model/rest/core_apis.h"
#include "model/rest/rest_router.h"
#include "model/world.h"
#include "reports/checks.h"
#include "sim/network/network.h"
#include "sim/rng.h"
#include "sim/simulator.h"

namespace ccrsim {

namespace {

// The longest run the format allows (spec §3.2); a run without `duration` never goes past it.
constexpr sim_time_us kHorizonUs = 365 * kUsPerDay;
constexpr std::uint64_t kProgressEveryEvents = 1 << 16;

void create_initial_indices(World& world, const Scenario& scenario) {
  for (const IndexSpec& spec : scenario.indices) {
    Domain& domain = world.domain(*world.find_domain(spec.domain));
    Index& index = domain.create_index(spec.name, spec.shards, spec.replicas, 0);
    // Pre-existing documents, spread evenly over the primaries, written "before" t = 0.
    for (int s = 0; s < spec.shards; ++s) {
      const std::int64_t n = spec.docs / spec.shards + (s < spec.docs % spec.shards ? 1 : 0);
      index.shard(s).append_synthetic(n, 0, 0, spec.doc_size_bytes);
    }
  }
}

void add_workloads(World& world, const Scenario& scenario, sim_time_us end_us) {
  for (std::size_t i = 0; i < scenario.workload.size(); ++i) {
    const WorkloadSpec& spec = scenario.workload[i];
    Domain& domain = world.domain(*world.find_domain(spec.domain));
    // "created with default settings if missing": before t = 0, like the indices section.
    if (!spec.rollover && domain.find_index(spec.index) == nullptr) domain.create_index(spec.index, 1, 1, 0);
    domain.add_workload(Workload(spec, scenario.seed, static_cast<int>(i), end_us));
  }
}

// The `connections:` section: each connection is requested, validated and accepted before t = 0 through the same
// lifecycle the `aws:` steps use, with the stage timers collapsed.
void add_connections(World& world, const Scenario& scenario) {
  ConnectionLifecycle& lifecycle = world.connection_lifecycle();
  lifecycle.set_instant(true);
  for (const ConnectionSpec& spec : scenario.connections) {
    CreateConnectionRequest request;
    request.local = *world.find_domain(spec.from);
    request.remote = *world.find_domain(spec.to);
    request.alias = spec.alias;
    request.vpc_endpoint = spec.mode == ConnectionMode::kVpcEndpoint;
    request.search_only = spec.search_only;
    ConnectionOutcome created = lifecycle.create_outbound(request);
    if (created.connection == nullptr || created.connection->status != ConnectionStatus::kPendingAcceptance) continue;
    ConnectionOutcome accepted = lifecycle.accept(*created.connection, request.remote);
    if (accepted.error) {
      // Accepting would break the limit: the connection stays pending, with the reason for the report.
      created.connection->message = accepted.error->body.value("message", "");
    }
  }
  lifecycle.set_instant(false);
}

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
  Network network(sim, network_config(scenario));
  World world(sim, network, scenario);
  if (!options.trace_path.empty() && !world.trace().open(options.trace_path, outcome.error)) {
    outcome.error = "cannot write trace file '" + options.trace_path + "': " + outcome.error;
    return outcome;
  }
  const sim_time_us end_bound_us = scenario.duration_us.value_or(kHorizonUs);
  world.set_end_us(end_bound_us);
  create_initial_indices(world, scenario);
  add_workloads(world, scenario, end_bound_us);
  add_connections(world, scenario);

  RestRouter router;
  register_core_apis(router);
  ReplicationService replication(world);
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
  if (scenario.duration_us) {
    run_events(
        sim, *scenario.duration_us, [] { return true; }, options, guard);
    if (!guard.exceeded(sim.events_processed(), sim.now())) sim.run_until(*scenario.duration_us);
  } else {
    run_events(
        sim, kHorizonUs, [&] { return !steps.done(); }, options, guard);
    const sim_time_us end = natural_end_us(scenario, sim.now());
    run_events(
        sim, end, [] { return true; }, options, guard);
    if (!guard.exceeded(sim.events_processed(), sim.now())) sim.run_until(end);
  }
  if (!guard.message().empty()) {
    outcome.error = "the run was stopped: " + guard.message();
    return outcome;
  }
  for (DomainId d = 0; d < world.domain_count(); ++d) world.domain(d).catch_up_writes(sim.now());

  RunResult& r = outcome.result;
  r.ccrsim_version = version();
  r.scenario_name = scenario.name;
  r.scenario_file = scenario.file;
  r.seed = scenario.seed;
  r.end_us = sim.now();
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
  r.topology = summarize_topology(world, r.replications);
  fill_throughput_inputs(world, r.replications);
  r.workloads = workload_results(world);
  for (ReplicationResult& rep : r.replications) rep.lag_threshold_us = scenario.lag_threshold_us;
  summarize_run(r);  // once, before the checks and the writers read it
  r.checks = evaluate_checks(scenario.checks, r);
  r.fingerprint = sim.fingerprint();
  r.events = sim.events_processed();
  world.trace().flush();
  return outcome;
}

}  // namespace ccrsim
