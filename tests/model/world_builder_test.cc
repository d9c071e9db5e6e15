#include "model/world_builder.h"

#include <catch2/catch.hpp>

#include "model/index.h"

namespace ccrsim {
namespace {

Scenario two_domains() {
  Scenario scenario;
  DomainSpec leader;
  leader.name = "leader-domain";
  DomainSpec follower = leader;
  follower.name = "follower-domain";
  scenario.domains = {leader, follower};
  return scenario;
}

TEST_CASE("the world builder builds the scenario's domains and for a run its contents before t = 0") {
  Scenario scenario = two_domains();
  IndexSpec index;
  index.domain = "leader-domain";
  index.name = "logs";
  index.shards = 3;
  index.docs = 10;
  scenario.indices = {index};
  WorkloadSpec writer;
  writer.domain = "leader-domain";
  writer.index = "metrics";
  writer.rate_per_s = 10;
  scenario.workload = {writer};
  ConnectionSpec connection;
  connection.alias = "source";
  connection.from = "follower-domain";
  connection.to = "leader-domain";
  scenario.connections = {connection};

  Simulator sim;
  WorldBuilder built(sim, scenario);
  World& world = built.world();
  REQUIRE(world.domain_count() == 2);
  CHECK(world.domain(1).name() == "follower-domain");
  CHECK(world.domain(0).find_index("logs") == nullptr);  // contents only on request
  built.add_scenario_contents(kUsPerH);
  const Index* logs = world.domain(0).find_index("logs");
  REQUIRE(logs != nullptr);
  CHECK(logs->shard(0).max_seq_no() == 3);  // 4, 3, 3 documents: the remainder goes to the first shards
  CHECK(logs->shard(2).max_seq_no() == 2);
  CHECK(world.domain(0).find_index("metrics") != nullptr);  // a writer's missing index is created
  CHECK(world.domain(0).workloads().size() == 1);
  const Connection* active = world.connections().find_active(1, "source");
  REQUIRE(active != nullptr);
  CHECK(active->remote == 0);
  CHECK(sim.now() == 0);
}

TEST_CASE("the world builder adds an ACTIVE connection without the AWS lifecycle") {
  Scenario scenario = two_domains();
  Simulator sim;
  WorldBuilder built(sim, scenario);
  Connection& c = built.connect(1, 0, "source", "cc-test");
  CHECK(c.status == ConnectionStatus::kActive);
  CHECK(built.world().connections().find_active(1, "source") == &c);
  CHECK(built.world().connections().find_active(0, "source") == nullptr);
  CHECK(&built.network() == &built.world().network());
}

}  // namespace
}  // namespace ccrsim
