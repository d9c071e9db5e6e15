#pragma once
// A two-domain world (leader 0, follower 1, connection alias "source") with the replication service and its REST
// API, for the replication tests.
#include <memory>
#include <optional>
#include <string>

#include "model/replication/replication_service.h"
#include "model/rest/rest_router.h"
#include "model/world.h"
#include "model/world_builder.h"
#include "sim/network/network.h"
#include "sim/simulator.h"

namespace ccrsim::testing {

struct ReplicationFixtureOptions {
  std::string engine_version = "OpenSearch_2.11";
  bool fine_grained_access_control = false;
  sim_time_us latency_us = 20 * kUsPerMs;
  double bandwidth_bytes_per_s = 100e6;
  std::uint64_t seed = 1;
  double leader_read_rate_per_s = 0;     // capacity.shard_read_rate of the leader (0: no read cost)
  double follower_index_rate_per_s = 0;  // capacity.shard_index_rate of the follower (0: fixed replay cost)
};

class ReplicationFixture {
 public:
  static constexpr DomainId kLeader = 0;
  static constexpr DomainId kFollower = 1;

  explicit ReplicationFixture(const ReplicationFixtureOptions& options = {}) {
    scenario_.seed = options.seed;
    DomainSpec leader;
    leader.name = "leader-domain";
    leader.engine_version = options.engine_version;
    leader.fine_grained_access_control = options.fine_grained_access_control;
    DomainSpec follower = leader;
    leader.capacity.shard_read_rate_per_s = options.leader_read_rate_per_s;
    follower.name = "follower-domain";
    follower.capacity.shard_index_rate_per_s = options.follower_index_rate_per_s;
    follower.region = "eu-west-1";
    scenario_.domains = {leader, follower};
    scenario_.network.defaults.latency_us = options.latency_us;
    scenario_.network.defaults.bandwidth_bytes_per_s = options.bandwidth_bytes_per_s;
    built_ = std::make_unique<WorldBuilder>(sim_, scenario_);
    world_ = &built_->world();
    world_->set_end_us(7 * kUsPerDay);
    built_->connect(kFollower, kLeader, "source", "cc-test");
    service_ = std::make_unique<ReplicationService>(*world_);
    register_replication_api(router_, *service_);
  }

  Simulator& sim() { return sim_; }
  World& world() { return *world_; }
  Network& network() { return built_->network(); }
  ReplicationService& service() { return *service_; }
  Domain& leader() { return world_->domain(kLeader); }
  Domain& follower() { return world_->domain(kFollower); }

  Index& leader_index(const std::string& name, int shards) { return leader().create_index(name, shards, 1, 0); }

  void add_workload(const std::string& index, double rate_per_s, sim_time_us from_us, sim_time_us until_us,
                    Arrival arrival = Arrival::kUniform) {
    WorkloadSpec spec;
    spec.domain = "leader-domain";
    spec.index = index;
    spec.rate_per_s = rate_per_s;
    spec.doc_size_bytes = 1000;
    spec.from_us = from_us;
    spec.until_us = until_us;
    spec.arrival = arrival;
    leader().add_workload(Workload(spec, scenario_.seed, workloads_++, world_->end_us()));
  }

  // Sends a request and runs the simulation until it is answered (at most 5 simulated minutes).
  RestResponse call(const std::string& line, std::optional<json> body = std::nullopt, DomainId on = kFollower) {
    RestRequest request;
    std::string error;
    if (!parse_request_line(line, request, error)) return opensearch_error(400, "test", error);
    request.body = std::move(body);
    std::optional<RestResponse> answer;
    router_.dispatch(*world_, on, request, [&answer](RestResponse r) { answer = std::move(r); });
    const sim_time_us deadline = sim_.now() + 5 * kUsPerMin;
    while (!answer && sim_.step(deadline)) {
    }
    return answer ? *answer : opensearch_error(599, "test", "no answer");
  }

  RestResponse start(const std::string& follower_index, const std::string& leader_index, bool wait = true) {
    return call("PUT _plugins/_replication/" + follower_index + "/_start" + (wait ? "?wait_for_restore=true" : ""),
                json{{"leader_alias", "source"}, {"leader_index", leader_index}});
  }
  json status(const std::string& follower_index) {
    return call("GET _plugins/_replication/" + follower_index + "/_status").body;
  }
  void run_until(sim_time_us t_us) { sim_.run_until(t_us); }

 private:
  Scenario scenario_;
  Simulator sim_;
  std::unique_ptr<WorldBuilder> built_;
  World* world_ = nullptr;
  std::unique_ptr<ReplicationService> service_;
  RestRouter router_;
  int workloads_ = 0;
};

}  // namespace ccrsim::testing
