#include "scenario/top_level_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::kMinimal;
using test::Lines;
using test::load_ok;

TEST_CASE("lag_threshold is a positive duration for the lag trend projection") {
  const Scenario s = load_ok(R"(name: x
lag_threshold: 5m
domains:
  leader: {}
)");
  REQUIRE(s.lag_threshold_us);
  CHECK(*s.lag_threshold_us == 5 * 60 * kUsPerS);
  CHECK_FALSE(load_ok("name: x\ndomains:\n  leader: {}\n").lag_threshold_us);
  CHECK(errors_of("name: x\nlag_threshold: 0s\ndomains:\n  leader: {}\n") ==
        Lines{"s.yaml:2:16: error: lag_threshold must be greater than 0s"});
  CHECK(errors_of("name: x\nlag_threshold: soon\ndomains:\n  leader: {}\n").size() == 1);
}

const char* const kFull = R"(name: leader-follower across the Atlantic
seed: 18446744073709551615
duration: 6h
sample_interval: 500ms
domains:
  leader-domain:
    engine_version: OpenSearch_2.19
    region: us-east-1
    account: "111122223333"
    instance_type: r6g.xlarge.search
    instance_count: 3
    fine_grained_access_control: true
    node_to_node_encryption: true
    access_policy:
      Version: "2012-10-17"
      Statement: [{Effect: Allow, Principal: {AWS: "*"}, Action: "es:ESHttp*"}]
    security:
      users:
        admin: {roles: [all_access]}
        replicator: {roles: [cross_cluster_replication_leader_full_access]}
      roles:
        my-role: {cluster_permissions: ["cluster:monitor/*"], index_permissions: [{index_patterns: ["*"]}]}
    settings:
      plugins.replication.follower.index.ops_batch_size: 10000
      plugins:
        replication:
          autofollow.fetch_poll_interval: 30s
    capacity: {shard_index_rate: 10000/s, shard_read_rate: 3000000/m}
  follower-domain:
    engine_version: Elasticsearch_7.10
    region: eu-west-1
    fine_grained_access_control: false
    node_to_node_encryption: false
connections:
  - alias: connection-alias
    from: follower-domain
    to: leader-domain
    mode: VPC_ENDPOINT
    search_only: true
network:
  default: {latency: auto, jitter: 1ms, bandwidth: 10gbit/s, loss: 0}
  links:
    - between: [leader-domain, follower-domain]
      latency: 40ms
      bandwidth: 125mb/s
    - {from: follower-domain, to: leader-domain, loss: 0.01}
indices:
  - {domain: leader-domain, name: leader-01, shards: 5, replicas: 2, docs: 100000, doc_size: 2kb}
  - {domain: follower-domain, name: other}
workload:
  - domain: leader-domain
    index: leader-01
    rate: 2000/s
    doc_size: 512b
    from: 1m
    until: 5h
    arrival: poisson
    rollover: {every: 1d, name: "logs-{n}"}
  - {domain: leader-domain, index: leader-02, rate: 60/m}
faults:
  - name: atlantic-cut
    at: 2h
    duration: 30m
    link_down: [leader-domain, follower-domain]
  - {at: 5h, duration: 10m, domain_down: leader-domain}
  - {at: 3h, duration: 1h, latency: {between: [leader-domain, follower-domain], add: 200ms}}
  - {at: 4h, duration: 20m, bandwidth: {between: [leader-domain, follower-domain], set: 10mbit/s}}
  - {at: 6h, node_down: {domain: leader-domain, count: 2}, duration: 15m}
  - {at: 5h30m, domain_lost: leader-domain}
steps:
  - at: 1m
    on: follower-domain
    as: replicator
    request: put /_plugins/_replication/follower-01/_start?pretty
    body:
      leader_alias: connection-alias
      count: 3
      quoted: "3"
      ratio: 0.5
      nothing: ~
      flag: true
      use_roles: {leader_cluster_role: all_access}
    expect: {status: 200, body: {acknowledged: true}}
  - on: follower-domain
    aws: create-outbound-connection
    args: {remote_domain: leader-domain, connection_alias: connection-alias}
    expect: {status: {gte: 200}, body: {ConnectionStatus: {StatusCode: VALIDATING}}}
  - wait: 30m
  - on: follower-domain
    request: GET _plugins/_replication/follower-01/_status
    within: 10m
    every: 5s
    expect: {body: {status: SYNCING}}
checks:
  - name: p99 lag under one minute
    metric: lag_time_p99
    replication: follower-domain/follower-01
    max: 1m
  - {metric: recovery_time, fault: atlantic-cut, max: 15m}
  - {metric: ops_replicated, min: 1000}
  - {metric: lag_ops_max, eq: 0.5, fault: domain_down-2}
)";

TEST_CASE("a full scenario covering every section") {
  const Scenario s = load_ok(kFull);
  CHECK(s.name == "leader-follower across the Atlantic");
  CHECK(s.seed == 18446744073709551615ULL);
  CHECK(s.duration_us == 6 * kUsPerH);
  CHECK(s.sample_interval_us == 500 * kUsPerMs);

  REQUIRE(s.domains.size() == 2);
  const DomainSpec& leader = s.domains[0];
  CHECK(leader.name == "leader-domain");
  CHECK(leader.engine_version == "OpenSearch_2.19");
  CHECK(leader.account == "111122223333");
  CHECK(leader.instance_type == "r6g.xlarge.search");
  CHECK(leader.instance_count == 3);
  REQUIRE(leader.access_policy.has_value());
  CHECK(leader.access_policy->dump() ==
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"es:ESHttp*"}]})");
  CHECK(leader.security.present);
  REQUIRE(leader.security.users.size() == 2);
  CHECK(leader.security.users[1].name == "replicator");
  CHECK(leader.security.users[1].roles == std::vector<std::string>{"cross_cluster_replication_leader_full_access"});
  REQUIRE(leader.security.roles.size() == 1);
  CHECK(leader.security.roles[0].name == "my-role");
  CHECK(leader.security.roles[0].definition.dump() ==
        R"({"cluster_permissions":["cluster:monitor/*"],"index_permissions":[{"index_patterns":["*"]}]})");
  REQUIRE(leader.settings.size() == 2);
  CHECK(leader.settings.at("plugins.replication.follower.index.ops_batch_size") == 10000);
  CHECK(leader.settings.at("plugins.replication.autofollow.fetch_poll_interval") == "30s");
  CHECK(leader.settings_pos.at("plugins.replication.autofollow.fetch_poll_interval").line == 27);
  CHECK(leader.capacity.shard_index_rate_per_s == 10000);
  CHECK(leader.capacity.shard_read_rate_per_s == 50000);
  const DomainSpec& follower = s.domains[1];
  CHECK(follower.engine_version == "Elasticsearch_7.10");
  CHECK(follower.region == "eu-west-1");
  CHECK_FALSE(follower.fine_grained_access_control);
  CHECK_FALSE(follower.node_to_node_encryption);

  REQUIRE(s.connections.size() == 1);
  CHECK(s.connections[0].alias == "connection-alias");
  CHECK(s.connections[0].from == "follower-domain");
  CHECK(s.connections[0].to == "leader-domain");
  CHECK(s.connections[0].mode == ConnectionMode::kVpcEndpoint);
  CHECK(s.connections[0].search_only);
  CHECK(s.connections[0].pos.line == 35);

  CHECK_FALSE(s.network.defaults.latency_us.has_value());
  CHECK(s.network.defaults.jitter_us == kUsPerMs);
  REQUIRE(s.network.links.size() == 2);
  const NetworkLinkSpec& atlantic = s.network.links[0];
  CHECK(atlantic.a == "leader-domain");
  CHECK(atlantic.b == "follower-domain");
  CHECK_FALSE(atlantic.directed);
  CHECK(atlantic.link.latency_us == 40 * kUsPerMs);
  CHECK(atlantic.link.jitter_us == kUsPerMs);  // from network.default
  CHECK(atlantic.link.bandwidth_bytes_per_s == 125.0 * 1024 * 1024);
  const NetworkLinkSpec& back = s.network.links[1];
  CHECK(back.directed);
  CHECK(back.a == "follower-domain");
  CHECK(back.b == "leader-domain");
  CHECK(back.link.loss == 0.01);
  CHECK(back.link.bandwidth_bytes_per_s == 1.25e9);

  REQUIRE(s.indices.size() == 2);
  CHECK(s.indices[0].shards == 5);
  CHECK(s.indices[0].replicas == 2);
  CHECK(s.indices[0].docs == 100000);
  CHECK(s.indices[0].doc_size_bytes == 2048);
  CHECK(s.indices[1].domain == "follower-domain");
  CHECK(s.indices[1].shards == 1);
  CHECK(s.indices[1].replicas == 1);
  CHECK(s.indices[1].docs == 0);
  CHECK(s.indices[1].doc_size_bytes == 1024);

  REQUIRE(s.workload.size() == 2);
  const WorkloadSpec& w = s.workload[0];
  CHECK(w.rate_per_s == 2000);
  CHECK(w.doc_size_bytes == 512);
  CHECK(w.from_us == kUsPerMin);
  CHECK(w.until_us == 5 * kUsPerH);
  CHECK(w.arrival == Arrival::kPoisson);
  REQUIRE(w.rollover.has_value());
  CHECK(w.rollover->every_us == kUsPerDay);
  CHECK(w.rollover->name_pattern == "logs-{n}");
  CHECK(s.workload[1].rate_per_s == 1);
  CHECK(s.workload[1].doc_size_bytes == 1024);
  CHECK(s.workload[1].from_us == 0);
  CHECK_FALSE(s.workload[1].until_us.has_value());
  CHECK(s.workload[1].arrival == Arrival::kUniform);
  CHECK_FALSE(s.workload[1].rollover.has_value());

  REQUIRE(s.faults.size() == 6);
  CHECK(s.faults[0].name == "atlantic-cut");
  CHECK(s.faults[0].kind == FaultKind::kLinkDown);
  CHECK(s.faults[0].at_us == 2 * kUsPerH);
  CHECK(s.faults[0].duration_us == 30 * kUsPerMin);
  CHECK(s.faults[0].b == "follower-domain");
  CHECK(s.faults[1].name == "domain_down-2");
  CHECK(s.faults[1].kind == FaultKind::kDomainDown);
  CHECK(s.faults[1].a == "leader-domain");
  CHECK(s.faults[2].name == "latency-3");
  CHECK(s.faults[2].add_latency_us == 200 * kUsPerMs);
  CHECK(s.faults[3].kind == FaultKind::kBandwidth);
  CHECK(s.faults[3].set_bandwidth_bytes_per_s == 1.25e6);
  CHECK(s.faults[4].kind == FaultKind::kNodeDown);
  CHECK(s.faults[4].node_count == 2);
  CHECK(s.faults[4].duration_us == 15 * kUsPerMin);
  CHECK(s.faults[5].name == "domain_lost-6");
  CHECK(s.faults[5].kind == FaultKind::kDomainLost);
  CHECK(s.faults[5].at_us == 5 * kUsPerH + 30 * kUsPerMin);
  CHECK_FALSE(s.faults[5].duration_us.has_value());

  REQUIRE(s.steps.size() == 4);
  const StepSpec& start = s.steps[0];
  CHECK(start.kind == StepKind::kRequest);
  CHECK(start.at_us == kUsPerMin);
  CHECK(start.on == "follower-domain");
  CHECK(start.as == "replicator");
  CHECK(start.method == "PUT");
  CHECK(start.path == "_plugins/_replication/follower-01/_start?pretty");
  REQUIRE(start.body.has_value());
  CHECK(start.body->dump() ==
        R"({"leader_alias":"connection-alias","count":3,"quoted":"3","ratio":0.5,"nothing":null,"flag":true,)"
        R"("use_roles":{"leader_cluster_role":"all_access"}})");
  REQUIRE(start.expect.has_value());
  CHECK(start.expect->status == json(200));
  CHECK(start.expect->body->dump() == R"({"acknowledged":true})");
  CHECK(start.every_us == kUsPerS);
  const StepSpec& create = s.steps[1];
  CHECK(create.kind == StepKind::kAws);
  CHECK(create.as == "admin");
  CHECK(create.aws_operation == "create-outbound-connection");
  CHECK(create.aws_args.dump() == R"({"remote_domain":"leader-domain","connection_alias":"connection-alias"})");
  CHECK(create.expect->status->dump() == R"({"gte":200})");
  CHECK(s.steps[2].kind == StepKind::kWait);
  CHECK(s.steps[2].wait_us == 30 * kUsPerMin);
  CHECK(s.steps[3].within_us == 10 * kUsPerMin);
  CHECK(s.steps[3].every_us == 5 * kUsPerS);
  CHECK_FALSE(s.steps[3].expect->status.has_value());

  REQUIRE(s.checks.size() == 4);
  CHECK(s.checks[0].name == "p99 lag under one minute");
  CHECK(s.checks[0].metric == "lag_time_p99");
  CHECK(s.checks[0].replication == "follower-domain/follower-01");
  CHECK(s.checks[0].bound == CheckBound::kMax);
  CHECK(s.checks[0].limit == 60.0);
  CHECK(s.checks[0].limit_is_time);
  CHECK(s.checks[1].name == "recovery_time");
  CHECK(s.checks[1].fault == "atlantic-cut");
  CHECK(s.checks[1].limit == 900.0);
  CHECK(s.checks[2].bound == CheckBound::kMin);
  CHECK_FALSE(s.checks[2].limit_is_time);
  CHECK(s.checks[2].limit == 1000.0);
  CHECK(s.checks[3].bound == CheckBound::kEq);
  CHECK(s.checks[3].fault == "domain_down-2");
}

}  // namespace
}  // namespace ccrsim
