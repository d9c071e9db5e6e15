#include "reports/analytic_throughput.h"

#include <catch2/catch.hpp>
#include <string>

#include "app/scenario_runner.h"
#include "app/scenario_validation.h"
#include "reports/lag_trend.h"

namespace ccrsim {
namespace {

// A one-shard pair written faster than it can replicate, so the simulated throughput is the sustainable one.
std::string saturating_pair(const std::string& follower_extra, const std::string& rate) {
  return R"(name: saturating pair
duration: 4m
domains:
  leader-domain: {region: us-east-1}
  follower-domain:
    region: ap-southeast-2
)" + follower_extra +
         R"(
connections:
  - {alias: source, from: follower-domain, to: leader-domain}
network:
  links:
    - {between: [leader-domain, follower-domain], latency: 150ms, bandwidth: 1gbit/s}
indices:
  - {domain: leader-domain, name: leader-01, shards: 1, replicas: 1}
workload:
  - {domain: leader-domain, index: leader-01, rate: )" +
         rate + R"(, doc_size: 1kb, from: 20s}
steps:
  - at: 1s
    on: follower-domain
    request: PUT _plugins/_replication/follower-01/_start?wait_for_restore=true
    body: {leader_alias: source, leader_index: leader-01, use_roles: {leader_cluster_role: all_access, follower_cluster_role: all_access}}
)";
}

struct Compared {
  double simulated = 0;
  ThroughputEstimate analytic;
};

Compared run(const std::string& text) {
  Diagnostics diags("saturating.yaml");
  const std::optional<Scenario> scenario = load_and_check_scenario_text(text, "saturating.yaml", diags);
  std::string problems;
  for (const std::string& line : diags.render()) problems += line + "\n";
  INFO(problems);
  REQUIRE(scenario);
  const RunOutcome outcome = run_scenario(*scenario, RunOptions{});
  REQUIRE(outcome.result.replications.size() == 1);
  const ReplicationResult& r = outcome.result.replications[0];
  REQUIRE(r.throughput_inputs);
  const std::optional<LagTrend> trend = fit_lag_trend(r, 43200);
  REQUIRE(trend);
  CHECK(trend->verdict == "falls_behind");
  return {trend->simulated_ops_per_s, analytic_throughput(*r.throughput_inputs)};
}

TEST_CASE("analytic throughput: the follower's indexing bound matches the simulation within 10 percent", "[capacity]") {
  const Compared c = run(saturating_pair("    capacity: {shard_index_rate: 4000/s}", "6000/s"));
  CHECK(c.analytic.bound == "follower_index");
  CHECK(c.analytic.ops_per_s == Approx(4000));
  CHECK(c.simulated == Approx(c.analytic.ops_per_s).epsilon(0.10));
}

TEST_CASE("analytic throughput: the readers' round-trip bound matches the simulation within 10 percent", "[capacity]") {
  const Compared c =
      run(saturating_pair("    capacity: {shard_index_rate: 50000/s}\n    settings: "
                          "{plugins.replication.follower.index.ops_batch_size: 1000}",
                          "9000/s"));
  CHECK(c.analytic.bound == "readers");
  CHECK(c.analytic.ops_per_s < 9000);
  CHECK(c.simulated == Approx(c.analytic.ops_per_s).epsilon(0.10));
}

TEST_CASE("analytic throughput: each bound takes over when it is the smallest", "[capacity]") {
  ThroughputInputs in;
  in.shards = 2;
  in.readers_per_shard = 2;
  in.batch_ops = 1000;
  in.round_trip_s = 0.1;
  in.index_rate_per_s = 1e9;
  in.read_rate_per_s = 1e9;
  in.bandwidth_bytes_per_s = 1e12;
  in.bytes_per_op = 1000;
  CHECK(analytic_throughput(in).bound == "readers");
  CHECK(analytic_throughput(in).ops_per_s == Approx(2 * 2 * 1000 / (0.1 + 1e-6 + 1e-6)));
  in.index_rate_per_s = 5000;
  CHECK(analytic_throughput(in).bound == "follower_index");
  CHECK(analytic_throughput(in).ops_per_s == Approx(10000));
  in.read_rate_per_s = 3000;
  CHECK(analytic_throughput(in).bound == "leader_read");
  in.bandwidth_bytes_per_s = 1e6;
  CHECK(analytic_throughput(in).bound == "bandwidth");
  CHECK(analytic_throughput(in).ops_per_s == Approx(1000));
}

}  // namespace
}  // namespace ccrsim
