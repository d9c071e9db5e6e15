#include "model/world_builder.h"

#include "model/aws/connection_lifecycle.h"
#include "model/network_config.h"
#include "model/workload.h"

namespace ccrsim {

WorldBuilder::WorldBuilder(Simulator& sim, const Scenario& scenario)
    : scenario_(scenario),
      network_(std::make_unique<Network>(sim, network_config(scenario))),
      world_(std::make_unique<World>(sim, *network_, scenario)) {}

void WorldBuilder::add_scenario_contents(sim_time_us end_us) {
  create_initial_indices();
  add_workloads(end_us);
  add_connections();
}

void WorldBuilder::create_initial_indices() {
  World& world = *world_;
  for (const IndexSpec& spec : scenario_.indices) {
    Domain& domain = world.domain(*world.find_domain(spec.domain));
    Index& index = domain.create_index(spec.name, spec.shards, spec.replicas, 0);
    // Pre-existing documents, spread evenly over the primaries, written "before" t = 0.
    for (int s = 0; s < spec.shards; ++s) {
      const std::int64_t n = spec.docs / spec.shards + (s < spec.docs % spec.shards ? 1 : 0);
      index.shard(s).append_synthetic(n, 0, 0, spec.doc_size_bytes);
    }
  }
}

void WorldBuilder::add_workloads(sim_time_us end_us) {
  World& world = *world_;
  for (std::size_t i = 0; i < scenario_.workload.size(); ++i) {
    const WorkloadSpec& spec = scenario_.workload[i];
    Domain& domain = world.domain(*world.find_domain(spec.domain));
    // "created with default settings if missing": before t = 0, like the indices section.
    if (!spec.rollover && domain.find_index(spec.index) == nullptr) domain.create_index(spec.index, 1, 1, 0);
    domain.add_workload(Workload(spec, scenario_.seed, static_cast<int>(i), end_us));
  }
}

// Each connection is requested, validated and accepted before t = 0 through the same lifecycle the `aws:` steps
// use, with the stage timers collapsed.
void WorldBuilder::add_connections() {
  World& world = *world_;
  ConnectionLifecycle& lifecycle = world.connection_lifecycle();
  lifecycle.set_instant(true);
  for (const ConnectionSpec& spec : scenario_.connections) {
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

Connection& WorldBuilder::connect(DomainId local, DomainId remote, const std::string& alias, const std::string& id) {
  Connection c;
  c.id = id;
  c.alias = alias;
  c.local = local;
  c.remote = remote;
  return world_->connections().add(std::move(c));
}

}  // namespace ccrsim
