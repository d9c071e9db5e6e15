#include "scenario/scenario_loader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::kMinimal;
using test::Lines;
using test::load_ok;

TEST_CASE("malformed YAML is one error at the parser's position") {
  CHECK(errors_of("name: x\ndomains: [1,\n  b: }\n") == Lines{"s.yaml:3:6: error: invalid YAML: illegal flow end"});
  CHECK(errors_of("name: x\n  domains: 1\n") == Lines{"s.yaml:2:10: error: invalid YAML: illegal map value"});
  CHECK(errors_of("name: *nothing\n") ==
        Lines{"s.yaml:1:7: error: invalid YAML: the referenced anchor is not defined"});
}

TEST_CASE("an empty document or one that is not a map") {
  const Lines empty = {"s.yaml:1:1: error: scenario is empty; expected a map with at least 'name' and 'domains'"};
  CHECK(errors_of("") == empty);
  CHECK(errors_of("# just a comment\n") == empty);
  CHECK(errors_of("~\n") == empty);
  CHECK(errors_of("- a\n") ==
        Lines{"s.yaml:1:1: error: scenario must be a map with at least 'name' and 'domains', got a list"});
  CHECK(errors_of("hello\n") ==
        Lines{"s.yaml:1:1: error: scenario must be a map with at least 'name' and 'domains', got 'hello'"});
  CHECK(errors_of("seed: 1\n") == Lines{"s.yaml:1:1: error: missing required key 'name' at the top level",
                                        "s.yaml:1:1: error: missing required key 'domains' at the top level"});
  CHECK(errors_of("name: x\ndomains:\n") == Lines{"s.yaml:2:1: error: domains must declare at least one domain"});
  CHECK(errors_of("name: x\ndomains: {}\n") == Lines{"s.yaml:2:10: error: domains must declare at least one domain"});
  CHECK(errors_of("name: x\ndomains: {abc: {}}\n---\nname: y\n") ==
        Lines{"s.yaml:4:1: error: a scenario file holds one YAML document; this is document 2"});
  // yaml-cpp 0.7's LoadAll looped for ever on a stray comma (fuzz finding regression-stray-comma).
  CHECK(errors_of(",# expect-exit: 2\nname: x\n") == Lines{"s.yaml:1:1: error: invalid YAML: unexpected ','"});
  CHECK(errors_of("name: x\ndomains: {abc: {}}\nindices: [{domain: abc, name: a, shards: [1]}]\n") ==
        Lines{"s.yaml:3:42: error: shards must be an integer, got a list"});
}

TEST_CASE("wrong types") {
  CHECK(errors_of(R"(name: [a]
seed: -1
domains: {leader: [1]}
indices: {a: 1}
steps:
  - 7
checks:
  - {metric: rpo_ops, max: lots}
)") == Lines{
           "s.yaml:1:7: error: name must be a string, got a list",
           "s.yaml:2:7: error: seed must be an integer between 0 and 18446744073709551615, got '-1'",
           "s.yaml:3:19: error: domain 'leader' must be a map, got a list",
           "s.yaml:4:10: error: indices must be a list, got a map",
           "s.yaml:6:5: error: steps[0] must be a map, got '7'",
           "s.yaml:8:28: error: max must be a number, got 'lots'",
       });
  CHECK(errors_of(kMinimal + R"(indices:
  - {domain: leader, name: a, shards: abc, replicas: 1.5, docs: 1e400}
connections:
  - {alias: conn, from: follower, to: leader, search_only: yes}
)") == Lines{
           "s.yaml:4:39: error: shards must be an integer, got 'abc'",
           "s.yaml:4:54: error: replicas must be an integer, got '1.5'",
           "s.yaml:4:65: error: docs must be an integer, got '1e400'",
           "s.yaml:6:60: error: search_only must be true or false, got 'yes'",
       });
}

TEST_CASE("bad units") {
  CHECK(errors_of(kMinimal + R"(duration: 6
sample_interval: 1 s
network:
  default: {latency: fast, jitter: 2, bandwidth: 10gb, loss: 1}
indices:
  - {domain: leader, name: a, doc_size: 1kib}
workload:
  - {domain: leader, index: a, rate: 2000, from: abc}
)") == Lines{
           "s.yaml:3:11: error: expected a duration like '30s', got '6' (a number needs a unit: ms, s, m, h or d)",
           "s.yaml:4:18: error: expected a duration like '30s', got '1 s'",
           "s.yaml:6:22: error: latency must be 'auto' or a duration like '40ms', got 'fast'",
           "s.yaml:6:36: error: expected a duration like '30s', got '2' (a number needs a unit: ms, s, m, h or d)",
           "s.yaml:6:50: error: expected a bandwidth like '125mb/s' or '1gbit/s', got '10gb'",
           "s.yaml:6:62: error: loss must be at least 0 and below 1, got '1'",
           "s.yaml:8:41: error: expected a size like '1kb', got '1kib'",
           "s.yaml:10:38: error: expected a rate like '2000/s', got '2000'",
           "s.yaml:10:50: error: expected a duration like '30s', got 'abc'",
       });
}

TEST_CASE("unknown keys point at the key") {
  CHECK(errors_of(R"(name: x
colour: blue
domains:
  leader: {engine_version: OpenSearch_2.11, foo: 1}
steps:
  - {wait: 1s, bogus: 2}
)") == Lines{
           "s.yaml:2:1: error: unknown key 'colour' at the top level (known keys: name, seed, duration, "
           "sample_interval, lag_threshold, domains, connections, connection_delays, network, indices, workload, "
           "faults, steps, checks)",
           "s.yaml:4:45: error: unknown key 'foo' in domain 'leader' (known keys: engine_version, region, account, "
           "instance_type, instance_count, fine_grained_access_control, node_to_node_encryption, access_policy, "
           "security, settings, capacity)",
           "s.yaml:6:16: error: unknown key 'bogus' in steps[0] (known keys: at, on, as, request, aws, args, body, "
           "expect, within, every, wait)",
       });
}

TEST_CASE("duplicate keys point at the second one") {
  CHECK(errors_of(R"(name: x
seed: 1
domains:
  leader: {}
  leader: {region: eu-west-1}
seed: 2
)") == Lines{
           "s.yaml:5:3: error: duplicate key 'leader' in domains (first at line 4)",
           "s.yaml:6:1: error: duplicate key 'seed' at the top level (first at line 2)",
       });
  CHECK(errors_of(kMinimal + R"(steps:
  - {on: leader, on: follower, wait: 1s}
)") == Lines{"s.yaml:4:6: error: 'on' is only allowed in 'request' and 'aws' steps",
             "s.yaml:4:18: error: duplicate key 'on' in steps[0] (first at line 4)"});
}

TEST_CASE("unknown and duplicate names") {
  CHECK(errors_of(kMinimal + R"(connections:
  - {alias: conn, from: follower, to: leadr}
  - {alias: conn, from: follower, to: leader}
  - {alias: conn, from: follower, to: leader}
network:
  links:
    - {between: [leader, nowhere]}
indices:
  - {domain: leader, name: logs}
  - {domain: leader, name: logs}
workload:
  - {domain: folower, index: logs, rate: 1/s}
faults:
  - {name: cut, at: 1h, link_down: [leader, follower]}
  - {name: cut, at: 2h, domain_down: ghost}
steps:
  - {on: ghost, request: GET _cat/indices}
checks:
  - {metric: recovery_time, fault: uncut, max: 1m}
  - {metric: lag_time_p99, replication: nobody/logs, max: 1m}
)") == Lines{
           "s.yaml:4:39: error: unknown domain 'leadr' (domains are: leader, follower)",
           "s.yaml:6:13: error: duplicate connection alias 'conn' on domain 'follower' (first at line 5)",
           "s.yaml:9:26: error: unknown domain 'nowhere' (domains are: leader, follower)",
           "s.yaml:12:28: error: duplicate index 'logs' on domain 'leader' (first at line 11)",
           "s.yaml:14:14: error: unknown domain 'folower' (domains are: leader, follower)",
           "s.yaml:17:12: error: duplicate fault name 'cut' (first at line 16)",
           "s.yaml:17:38: error: unknown domain 'ghost' (domains are: leader, follower)",
           "s.yaml:19:10: error: unknown domain 'ghost' (domains are: leader, follower)",
           "s.yaml:21:36: error: unknown fault 'uncut' (faults are: cut, cut)",
           "s.yaml:22:41: error: unknown domain 'nobody' (domains are: leader, follower)",
       });
}

TEST_CASE("absurd sizes are refused before anything is allocated for them") {
  CHECK(errors_of(kMinimal + R"(duration: 1000000d
indices:
  - {domain: leader, name: a, shards: 1000000000000, replicas: 99, docs: 1000000000001, doc_size: 1tb}
workload:
  - {domain: leader, index: a, rate: 1e12/s}
)") == Lines{
           "s.yaml:3:11: error: duration must be at most 365d, got '1000000d'",
           "s.yaml:5:39: error: shards must be between 1 and 1024, got 1000000000000",
           "s.yaml:5:64: error: replicas must be between 0 and 15, got 99",
           "s.yaml:5:74: error: docs must be between 0 and 1000000000000, got 1000000000001",
           "s.yaml:5:99: error: doc_size must be at most 100mb, got '1tb'",
           "s.yaml:7:38: error: rate must be at most 10000000/s, got '1e12/s'",
       });
  std::string many = "name: x\ndomains:\n";
  for (int i = 0; i < 101; ++i) many += "  domain-" + std::to_string(i) + ": {}\n";
  CHECK(errors_of(many) == Lines{"s.yaml:3:3: error: too many domains: 101 (at most 100)"});
  std::string steps = kMinimal + "steps: [";
  for (int i = 0; i < 100'001; ++i) steps += "{wait: 1s},";
  steps += "]\n";
  CHECK(errors_of(steps) == Lines{"s.yaml:3:8: error: too many steps: 100001 (at most 100000)"});
  CHECK(errors_of(std::string(16 * 1024 * 1024 + 1, '#')) ==
        Lines{"s.yaml:1:1: error: scenario is 16777217 bytes; the limit is 16 MiB"});
}

TEST_CASE("other ranges and rules") {
  CHECK(errors_of(R"(name: x
duration: 1h
sample_interval: 0s
domains:
  leader: {instance_count: 0, node_to_node_encryption: false}
  follower: {instance_type: huge}
faults:
  - {at: 10m, node_down: {domain: leader, count: 1}}
  - {at: 10m, duration: 1h, domain_lost: leader}
  - {at: 10m, link_down: [leader, leader], domain_down: leader}
  - {at: 10m}
steps:
  - {at: 2h, wait: 1s}
  - {on: leader, request: FETCH x}
  - {on: leader, request: GET x, within: 1m, every: 0s}
  - {on: leader, aws: create-connection}
  - {on: leader}
checks:
  - {metric: lag_time_p99, max: 1s, min: 0s}
  - {metric: lag_time_p42}
  - {metric: ops_replicated, min: -1}
workload:
  - {domain: leader, index: _bad, rate: 0/s, until: 1s, from: 2s, arrival: bursty, rollover: {every: 1.5s, name: logs}}
)") == Lines{
           "s.yaml:3:18: error: sample_interval must be greater than 0s",
           "s.yaml:5:28: error: instance_count must be between 1 and 80, got 0",
           "s.yaml:5:56: error: domain 'leader': fine_grained_access_control requires node_to_node_encryption: true",
           "s.yaml:6:29: error: instance_type must look like 'r6g.large.search', got 'huge'",
           "s.yaml:9:15: error: domain_lost is permanent; it takes no duration",
           "s.yaml:10:35: error: link_down needs two different domains, got 'leader' twice",
           "s.yaml:10:44: error: a fault has exactly one kind, got 'link_down' and 'domain_down'",
           "s.yaml:11:5: error: a fault needs one of: link_down, domain_down, latency, bandwidth, node_down, "
           "domain_lost",
           "s.yaml:13:10: error: step at 2h is after the end of the simulation (duration 1h)",
           "s.yaml:14:27: error: unknown HTTP method 'FETCH' (expected GET, PUT, POST, DELETE or HEAD)",
           "s.yaml:15:53: error: every must be greater than 0s",
           "s.yaml:16:23: error: unknown aws operation 'create-connection' (operations are: "
           "create-outbound-connection, accept-inbound-connection, reject-inbound-connection, "
           "delete-outbound-connection, delete-inbound-connection, describe-outbound-connections, "
           "describe-inbound-connections)",
           "s.yaml:17:5: error: a step needs one of 'request', 'aws' or 'wait'",
           "s.yaml:19:37: error: a check has exactly one of max, min or eq, got 'max' and 'min'",
           "s.yaml:20:5: error: a check needs one of max, min or eq",
           "s.yaml:20:14: error: unknown metric 'lag_time_p42' (metrics are: lag_time_p50, lag_time_p95, "
           "lag_time_p99, lag_time_max, lag_ops_p50, lag_ops_p95, lag_ops_p99, lag_ops_max, delivery_p50, "
           "delivery_p95, delivery_p99, delivery_max, bootstrap_time, recovery_time, rpo_ops, rpo_time, rto, "
           "ops_replicated, writes_rejected, not_syncing_s)",
           "s.yaml:21:35: error: min must not be negative, got '-1'",
           "s.yaml:23:29: error: index name '_bad' must not start with '_', '-' or '+'",
           "s.yaml:23:41: error: rate must be greater than 0, got '0/s'",
           "s.yaml:23:53: error: until (1s) must be after from (2s)",
           "s.yaml:23:76: error: arrival must be uniform or poisson, got 'bursty'",
           "s.yaml:23:102: error: rollover every must be a whole number of seconds, at least 1s, got '1.5s'",
           "s.yaml:23:114: error: rollover name must contain '{n}', got 'logs'",
       });
}

TEST_CASE("every problem in a file is reported together - in source order") {
  const Lines lines = errors_of(R"(name: x
seed: many
domains:
  leader: {instance_count: 200}
indices:
  - {domain: ghost, name: a, shards: 0}
steps:
  - {on: leader, request: GET _cat/indices, within: forever}
)");
  CHECK(lines == Lines{
                     "s.yaml:2:7: error: seed must be an integer between 0 and 18446744073709551615, got 'many'",
                     "s.yaml:4:28: error: instance_count must be between 1 and 80, got 200",
                     "s.yaml:6:14: error: unknown domain 'ghost' (domains are: leader)",
                     "s.yaml:6:38: error: shards must be between 1 and 1024, got 0",
                     "s.yaml:8:53: error: expected a duration like '30s', got 'forever'",
                 });
}

TEST_CASE("no input crashes the loader") {
  const std::vector<std::string> inputs = {
      "a: &x [*x]\n",  // self-referencing alias
      "name: 1e400\nseed: 1e400\ndomains: {abc: {instance_count: 1e400}}\n",
      "name: x\ndomains: {abc: {settings: {a: &s {b: *s}}}}\n",
      "name: x\ndomains: {? [a, b] : 1}\n",  // a key that is a list
      "name: x\ndomains:\n  abc:\nsteps:\n  -\n  - ~\n  - {request: ~, on: ~}\n",
      "name: x\ndomains: {abc: {security: {users: {u: ~, v: {roles: ~}, w: {roles: [[x]]}}, roles: [1]}}}\n",
      "name: x\ndomains: {abc: {}}\nnetwork: {links: [~, {between: ~}, {between: [~, ~]}]}\n",
      "name: x\ndomains: {abc: {}}\nfaults: [{at: 1h, latency: 5}, {at: 1h, node_down: ~}, {at: ~}]\n",
      "name: x\ndomains: {abc: {}}\nchecks: [{metric: [a], max: {x: 1}}]\n",
      std::string(100, '[') + std::string(100, ']'),
      "---\n---\n",
      "\t\n",
  };
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const std::string prev(1, static_cast<char>(c - 1));
    laughs += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
              ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  for (const std::string& input : inputs) {
    Diagnostics diags("s.yaml");
    CHECK_NOTHROW(load_scenario_text(input, "s.yaml", diags));
    CHECK_FALSE(diags.empty());
  }
  Diagnostics diags("s.yaml");
  CHECK_NOTHROW(load_scenario_text(laughs, "s.yaml", diags));
  CHECK(diags.render() == Lines{"s.yaml:7:4: error: YAML has more than 5000000 nodes (counting aliases expanded)"});
}

TEST_CASE("tags and anchors in a valid scenario are harmless") {
  const Scenario s = load_ok("name: !!str x\ndomains: {abc: !custom &d {}, xyz: *d}\nseed: !!int 7\n");
  CHECK(s.domains.size() == 2);
  CHECK(s.seed == 7);
}

TEST_CASE("a missing file is an error - not an exception") {
  Diagnostics diags("/nonexistent/x.yaml");
  CHECK_FALSE(load_scenario("/nonexistent/x.yaml", diags).has_value());
  CHECK(diags.render() ==
        Lines{"/nonexistent/x.yaml:1:1: error: cannot read scenario file: No such file or directory"});
}

// The CLI suite runs these through `ccrsim run`; checking them here too keeps the goldens honest without the CLI.
TEST_CASE("a minimal scenario gets every default") {
  const Scenario s = load_ok("name: t\ndomains: {leader: }\n");
  CHECK(s.file == "s.yaml");
  CHECK(s.name == "t");
  CHECK(s.seed == 1);
  CHECK_FALSE(s.duration_us.has_value());
  CHECK(s.sample_interval_us == kUsPerS);
  REQUIRE(s.domains.size() == 1);
  const DomainSpec& d = s.domains[0];
  CHECK(d.name == "leader");
  CHECK(d.engine_version == "OpenSearch_2.11");
  CHECK(d.region == "us-east-1");
  CHECK(d.account == "123456789012");
  CHECK(d.instance_type == "r6g.large.search");
  CHECK(d.instance_count == 2);
  CHECK(d.fine_grained_access_control);
  CHECK(d.node_to_node_encryption);
  CHECK_FALSE(d.access_policy.has_value());
  CHECK_FALSE(d.security.present);
  CHECK(d.settings.empty());
  CHECK(d.capacity.shard_index_rate_per_s == 0);
  CHECK(d.pos.line == 2);
  CHECK_FALSE(s.network.defaults.latency_us.has_value());
  CHECK(s.network.defaults.bandwidth_bytes_per_s == 1.25e9);
}

}  // namespace
}  // namespace ccrsim
