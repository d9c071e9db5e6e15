#pragma once
// The one place a World is put together: the network of the scenario's links and the world of its domains, then,
// for a scenario run, the scenario's initial indices, writers and connections (all before t = 0). The runner, the
// unit-test worlds and the fuzz harnesses build their worlds here, so a new piece of set-up is added once.
#include <memory>
#include <string>

#include "model/connection.h"
#include "model/world.h"
#include "scenario/scenario.h"
#include "sim/network/network.h"
#include "sim/simulator.h"

namespace ccrsim {

class WorldBuilder {
 public:
  // The network and the world of `scenario` on `sim`; both must outlive the builder.
  WorldBuilder(Simulator& sim, const Scenario& scenario);
  WorldBuilder(const WorldBuilder&) = delete;
  WorldBuilder& operator=(const WorldBuilder&) = delete;

  Network& network() { return *network_; }
  World& world() { return *world_; }

  // A run's set-up before t = 0, in this order: the `indices:` section (documents spread evenly over the
  // primaries), the `workload:` writers (their indices created with default settings if missing; writers without
  // `until` write up to `end_us`), and the `connections:` section through the AWS lifecycle with its stage timers
  // collapsed.
  void add_scenario_contents(sim_time_us end_us);

  // A connection from `local` to `remote` named `alias` that is ACTIVE from the start, without the AWS lifecycle
  // (tests and fuzz harnesses).
  Connection& connect(DomainId local, DomainId remote, const std::string& alias, const std::string& id);

 private:
  void create_initial_indices();
  void add_workloads(sim_time_us end_us);
  void add_connections();

  const Scenario& scenario_;
  std::unique_ptr<Network> network_;
  std::unique_ptr<World> world_;
};

}  // namespace ccrsim
