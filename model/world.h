#pragma once
// Everything simulated, in one place: the domains, the network between them and the cross-cluster connections.
// Services (the replication plugin, the REST surface) hold a World& and act on it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/aws/connection_lifecycle.h"
#include "model/connection.h"
#include "model/domain.h"
#include "scenario/scenario.h"
#include "sim/network/network.h"
#include "sim/simulator.h"
#include "sim/trace.h"

namespace ccrsim {

class World {
 public:
  World(Simulator& sim, Network& network, const Scenario& scenario);

  Simulator& sim() { return sim_; }
  Network& network() { return network_; }
  sim_time_us now() const { return sim_.now(); }
  const Scenario& scenario() const { return scenario_; }
  std::uint64_t seed() const { return scenario_.seed; }
  // Simulated end of the run (for writers without `until`).
  sim_time_us end_us() const { return end_us_; }
  void set_end_us(sim_time_us end_us) { end_us_ = end_us; }

  int domain_count() const { return static_cast<int>(domains_.size()); }
  Domain& domain(DomainId id) { return *domains_[static_cast<std::size_t>(id)]; }
  const Domain& domain(DomainId id) const { return *domains_[static_cast<std::size_t>(id)]; }
  std::optional<DomainId> find_domain(const std::string& name) const;

  const Trace& trace() const { return trace_; }
  Trace& trace() { return trace_; }

  Connections& connections() { return connections_; }
  const Connections& connections() const { return connections_; }
  ConnectionLifecycle& connection_lifecycle() { return *connection_lifecycle_; }

 private:
  Simulator& sim_;
  Network& network_;
  const Scenario& scenario_;
  sim_time_us end_us_ = 0;
  std::vector<std::unique_ptr<Domain>> domains_;
  Connections connections_;
  std::unique_ptr<ConnectionLifecycle> connection_lifecycle_;
  Trace trace_;
};

}  // namespace ccrsim
