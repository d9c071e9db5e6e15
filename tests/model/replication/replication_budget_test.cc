#include <catch2/catch.hpp>
#include <chrono>
#include <iostream>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;
using testing::ReplicationFixtureOptions;

// The reference load of tests/bench/scenarios/reference-24h-5k.yaml, shortened: 10 indices x 5 shards, 5 000 ops/s,
// transatlantic latency. Hidden ([.]); run with `ccrsim_tests "[budget]"` to print events per simulated second and per
// round trip.
TEST_CASE("event budget on the reference load", "[.][budget]") {
  ReplicationFixtureOptions options;
  options.latency_us = 40 * kUsPerMs;
  options.bandwidth_bytes_per_s = 1.25e9;
  ReplicationFixture f(options);
  for (int i = 0; i < 10; ++i) {
    const std::string name = "leader-" + std::to_string(i);
    f.leader_index(name, 5);
    f.add_workload(name, 500, 0, 7 * kUsPerDay);
  }
  for (int i = 0; i < 10; ++i) {
    REQUIRE(f.start("follower-" + std::to_string(i), "leader-" + std::to_string(i)).status == 200);
  }
  const sim_time_us t0 = f.sim().now();
  const auto e0 = f.sim().events_processed();
  const auto wall0 = std::chrono::steady_clock::now();
  const sim_time_us span = kUsPerH;
  f.run_until(t0 + span);
  const auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  const auto events = f.sim().events_processed() - e0;
  std::int64_t ops = 0;
  for (const auto& e : f.service().entries()) ops += e->ops_replicated;
  const double round_trips_bound = 50.0 * 2 * to_seconds(span) / 0.08;  // 2 readers per shard, 80 ms RTT
  std::cout << "events " << events << " in " << wall << " s wall; " << static_cast<double>(events) / to_seconds(span)
            << " events per simulated s; ops replicated " << ops << "; events per reader RTT "
            << static_cast<double>(events) / round_trips_bound << "\n";
  CHECK(ops > 0);
}

}  // namespace
}  // namespace ccrsim
