#include "scenario/scenario_loader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/engine_versions.h"
#include "scenario/yaml_json.h"

namespace ccrsim {
namespace {

using Lines = std::vector<std::string>;

// The rendered error lines for a scenario that must not load.
Lines errors_of(const std::string& yaml) {
  Diagnostics diags("s.yaml");
  const auto scenario = load_scenario_text(yaml, "s.yaml", diags);
  CHECK_FALSE(scenario.has_value());
  return diags.render();
}

Scenario load_ok(const std::string& yaml) {
  Diagnostics diags("s.yaml");
  auto scenario = load_scenario_text(yaml, "s.yaml", diags);
  INFO(Catch::Detail::stringify(diags.render()));
  REQUIRE(scenario.has_value());
  CHECK(diags.empty());
  return std::move(*scenario);
}

const std::string kMinimal = "name: t\ndomains: {leader: {}, follower: {}}\n";

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

TEST_CASE("names must follow the AWS rules") {
  CHECK(errors_of(R"(name: x
domains:
  ab: {}
  Leader: {}
  a-very-long-domain-name-over-28: {}
  good-one: {region: mars-north-1, engine_version: OpenSearch_2.12, account: 123}
  other-one: {engine_version: Solr_9.0}
connections:
  - {alias: c, from: good-one, to: other-one}
  - {alias: 9lives, from: good-one, to: good-one}
)") == Lines{
           "s.yaml:3:3: error: domain name 'ab' must be 3-28 characters of a-z, 0-9 and '-', starting with a letter",
           "s.yaml:4:3: error: domain name 'Leader' must be 3-28 characters of a-z, 0-9 and '-', starting with a "
           "letter",
           "s.yaml:5:3: error: domain name 'a-very-long-domain-name-over-28' must be 3-28 characters of a-z, 0-9 "
           "and '-', starting with a letter",
           "s.yaml:6:22: error: unknown region 'mars-north-1' (expected an AWS region code like 'us-east-1')",
           "s.yaml:6:52: error: unknown engine_version 'OpenSearch_2.12' (OpenSearch versions are: 1.0, 1.1, 1.2, "
           "1.3, 2.3, 2.5, 2.7, 2.9, 2.11, 2.13, 2.15, 2.17, 2.19, 3.1, 3.3)",
           "s.yaml:6:78: error: account must be a 12-digit AWS account id like \"111122223333\", got '123'",
           "s.yaml:7:31: error: engine_version must look like 'OpenSearch_2.11' or 'Elasticsearch_7.10', got "
           "'Solr_9.0'",
           "s.yaml:9:13: error: connection alias 'c' must be 2-100 characters of letters, digits, '_' and '-', "
           "starting with a letter",
           "s.yaml:10:13: error: connection alias '9lives' must be 2-100 characters of letters, digits, '_' and "
           "'-', starting with a letter",
       });
}

TEST_CASE("security - capacity - settings and access policy") {
  CHECK(errors_of(R"(name: x
domains:
  leader:
    security:
      users:
        admin: {roles: all_access, password: x}
        admin: {roles: [a]}
        bob: {roles: [[a]]}
      roles:
        r1: [1]
      groups: {}
    capacity: {shard_index_rate: fast, shard_read_rate: 1e12/s, other: 1}
    settings: [1]
    access_policy: allow
)") == Lines{
           "s.yaml:6:24: error: roles must be a list, got 'all_access'",
           "s.yaml:6:36: error: unknown key 'password' in user 'admin' of domain 'leader' (known keys: roles)",
           "s.yaml:7:9: error: duplicate key 'admin' in users of domain 'leader' (first at line 6)",
           "s.yaml:8:23: error: each role must be a string, got a list",
           "s.yaml:10:13: error: role 'r1' must be a map, got a list",
           "s.yaml:11:7: error: unknown key 'groups' in security of domain 'leader' (known keys: users, roles)",
           "s.yaml:12:34: error: expected a rate like '2000/s', got 'fast'",
           "s.yaml:12:57: error: shard_read_rate must be at most 10000000/s, got '1e12/s'",
           "s.yaml:12:65: error: unknown key 'other' in capacity of domain 'leader' (known keys: shard_index_rate, "
           "shard_read_rate)",
           "s.yaml:13:15: error: settings must be a map, got a list",
           "s.yaml:14:20: error: access_policy must be a map (an IAM policy document), got 'allow'",
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
           "ops_replicated, writes_rejected)",
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

TEST_CASE("YAML scalars become typed JSON - quoted ones stay strings") {
  const YAML::Node node = YAML::Load(
      "{a: ~, b: null, c: , d: true, e: false, f: 12, g: -3, h: 1.5, i: 1e3, j: \"12\", k: 'true', l: !!str 7, "
      "m: 1e400, n: 18446744073709551615, o: hello, p: [1, x], q: {z: 1, y: 2}, r: yes, s: 0x1F, t: .5}");
  CHECK(yaml_to_json(node).dump() ==
        R"({"a":null,"b":null,"c":null,"d":true,"e":false,"f":12,"g":-3,"h":1.5,"i":1000.0,"j":"12","k":"true",)"
        R"("l":"7","m":"1e400","n":18446744073709551615,"o":"hello","p":[1,"x"],"q":{"z":1,"y":2},"r":"yes",)"
        R"("s":"0x1F","t":0.5})");
  const YAML::Node self = YAML::Load("&a [*a]");
  CHECK(yaml_to_json(self, 3).dump() == "[[[[null]]]]");
}

TEST_CASE("engine versions") {
  CHECK(is_known_engine_version("OpenSearch_2.11"));
  CHECK(is_known_engine_version("Elasticsearch_7.10"));
  CHECK(is_known_engine_version("OpenSearch_3.3"));
  CHECK_FALSE(is_known_engine_version("OpenSearch_2.12"));
  CHECK_FALSE(is_known_engine_version("opensearch_2.11"));
  const auto v = parse_engine_version("Elasticsearch_7.10");
  REQUIRE(v.has_value());
  CHECK(v->engine == Engine::kElasticsearch);
  CHECK(v->major == 7);
  CHECK(v->minor == 10);
  CHECK_FALSE(parse_engine_version("OpenSearch_2").has_value());
  CHECK_FALSE(parse_engine_version("OpenSearch_2.x").has_value());
  CHECK_FALSE(parse_engine_version("OpenSearch_02.1").has_value());
  for (const std::string& known : known_engine_versions()) CHECK(parse_engine_version(known).has_value());
}

}  // namespace
}  // namespace ccrsim

namespace ccrsim {
namespace {
TEST_CASE("an index whose docs x doc_size would overflow byte counts is refused") {
  Diagnostics diags("s.yaml");
  const std::string text =
      "name: big\n"
      "domains:\n"
      "  leader-domain: {}\n"
      "indices:\n"
      "  - {domain: leader-domain, name: big, docs: 1000000000000, doc_size: 100mb}\n";
  CHECK_FALSE(load_scenario_text(text, "s.yaml", diags).has_value());
  REQUIRE(diags.render().size() == 1);
  CHECK(diags.render()[0] == "s.yaml:5:46: error: index store too large: docs x doc_size must be at most 1024tb");
}
}  // namespace
}  // namespace ccrsim
