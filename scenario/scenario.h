#pragma once
// A validated scenario (docs/scenario-format.md §2-§5): plain data, already in internal units (microseconds, bytes, ops
// per second). Every element keeps the position of its YAML node so later stages can still point at the source.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/diagnostics.h"
#include "sim/json.h"
#include "sim/time.h"

namespace ccrsim {

// Performance model of one primary shard (docs/scenario-format.md §7.3). 0 means "derive from the instance type".
struct CapacitySpec {
  double shard_index_rate_per_s = 0;
  double shard_read_rate_per_s = 0;
  SourcePos pos;
};

struct SecurityUserSpec {
  std::string name;
  std::vector<std::string> roles;
  SourcePos pos;
};

struct SecurityRoleSpec {
  std::string name;
  json definition;  // {cluster_permissions: [...], index_permissions: [...]} as written
  SourcePos pos;
};

struct SecuritySpec {
  bool present = false;
  std::vector<SecurityUserSpec> users;
  std::vector<SecurityRoleSpec> roles;
  SourcePos pos;
};

struct DomainSpec {
  std::string name;
  std::string engine_version = "OpenSearch_2.11";
  std::string region = "us-east-1";
  std::string account = "123456789012";
  std::string instance_type = "r6g.large.search";
  int instance_count = 2;
  bool fine_grained_access_control = true;
  bool node_to_node_encryption = true;
  std::optional<json> access_policy;
  SecuritySpec security;
  // Cluster settings as written, dotted keys flattened ("plugins.replication.follower.index.ops_batch_size").
  // Values keep their YAML type (numbers, booleans, strings such as "60s").
  std::map<std::string, json> settings;
  std::map<std::string, SourcePos> settings_pos;
  CapacitySpec capacity;
  SourcePos pos;
};

enum class ConnectionMode { kDirect, kVpcEndpoint };

struct ConnectionSpec {
  std::string alias;
  std::string from;  // local domain: the follower
  std::string to;    // remote domain: the leader
  ConnectionMode mode = ConnectionMode::kDirect;
  bool search_only = false;
  SourcePos pos;
};

// How long a connection stays in each transient status before AWS moves it on (docs/connections.md). AWS takes
// minutes, not milliseconds; these defaults are in that order and every one can be set in `connection_delays:`.
struct ConnectionDelaysSpec {
  sim_time_us validating_us = 60 * kUsPerS;     // VALIDATING -> PENDING_ACCEPTANCE | VALIDATION_FAILED
  sim_time_us approved_us = 30 * kUsPerS;       // APPROVED -> PROVISIONING
  sim_time_us provisioning_us = 120 * kUsPerS;  // PROVISIONING -> ACTIVE
  sim_time_us rejecting_us = 30 * kUsPerS;      // REJECTING -> REJECTED
  sim_time_us deleting_us = 60 * kUsPerS;       // DELETING -> DELETED
  SourcePos pos;
};

struct LinkSpec {
  std::optional<sim_time_us> latency_us;  // nullopt: `auto` (from the regions)
  sim_time_us jitter_us = 0;
  double bandwidth_bytes_per_s = 10e9 / 8;  // 10gbit/s
  double loss = 0;                          // probability in [0, 1)
};

struct NetworkLinkSpec {
  std::string a;  // `between: [a, b]`, or `from: a` / `to: b`
  std::string b;
  bool directed = false;  // true when written with from/to
  // Only the fields written override network.default; the loader merges them so this is the effective link.
  LinkSpec link;
  SourcePos pos;
};

struct NetworkSpec {
  LinkSpec defaults;
  std::vector<NetworkLinkSpec> links;
  SourcePos pos;
};

struct IndexSpec {
  std::string domain;
  std::string name;
  int shards = 1;
  int replicas = 1;
  std::int64_t docs = 0;
  std::int64_t doc_size_bytes = 1024;
  SourcePos pos;
};

enum class Arrival { kUniform, kPoisson };

struct RolloverSpec {
  sim_time_us every_us = 0;
  std::string name_pattern;  // contains "{n}"
  SourcePos pos;
};

struct WorkloadSpec {
  std::string domain;
  std::string index;
  double rate_per_s = 0;
  std::int64_t doc_size_bytes = 1024;
  sim_time_us from_us = 0;
  std::optional<sim_time_us> until_us;  // nullopt: end of simulation
  Arrival arrival = Arrival::kUniform;
  std::optional<RolloverSpec> rollover;
  SourcePos pos;
};

enum class FaultKind { kLinkDown, kDomainDown, kLatency, kBandwidth, kNodeDown, kDomainLost };

// `random: {kinds, targets, mtbf, mttr, from, until}`: faults drawn from the seed (model/faults/random_faults.*).
// Link kinds take two different targets, domain kinds one.
struct RandomFaultSpec {
  std::vector<FaultKind> kinds;
  std::vector<std::string> targets;  // domain names
  sim_time_us mtbf_us = 0;           // mean time between fault starts (exponential)
  sim_time_us mttr_us = 0;           // mean duration (exponential)
  sim_time_us from_us = 0;
  std::optional<sim_time_us> until_us;  // nullopt: the scenario's duration
  SourcePos pos;
};

struct FaultSpec {
  std::string name;  // defaults to "<kind>-<index>" when not written
  FaultKind kind = FaultKind::kLinkDown;
  sim_time_us at_us = 0;
  std::optional<sim_time_us> duration_us;  // nullopt: permanent
  std::string a;                           // domain (or first domain of a link)
  std::string b;                           // second domain of a link, empty otherwise
  sim_time_us add_latency_us = 0;          // kLatency
  double set_bandwidth_bytes_per_s = 0;    // kBandwidth
  int node_count = 0;                      // kNodeDown
  std::optional<RandomFaultSpec> random;   // set: this entry is a random schedule, resolved when the run starts
  SourcePos pos;
};

// One `expect:` block (docs/scenario-format.md §5.3). Matchers are kept as JSON and interpreted by the expectation
// matcher.
struct ExpectSpec {
  std::optional<json> status;  // a number or an operator map
  std::optional<json> body;
  SourcePos pos;
};

enum class StepKind { kRequest, kAws, kWait };

struct StepSpec {
  StepKind kind = StepKind::kRequest;
  std::optional<sim_time_us> at_us;
  std::string on;            // domain receiving the request
  std::string as = "admin";  // authenticated user
  std::string method;        // kRequest: GET, PUT, POST, DELETE, HEAD
  std::string path;  // kRequest: as written after the method, without a leading slash ("idx/_doc/1?refresh=true")
  std::optional<json> body;
  std::string aws_operation;  // kAws
  json aws_args = json::object();
  std::optional<ExpectSpec> expect;
  std::optional<sim_time_us> within_us;
  sim_time_us every_us = kUsPerS;
  sim_time_us wait_us = 0;  // kWait
  SourcePos pos;
};

enum class CheckBound { kMax, kMin, kEq };

struct CheckSpec {
  std::string name;  // defaults to the metric name
  std::string metric;
  std::optional<std::string> replication;  // "follower-domain/follower-index"
  std::optional<std::string> fault;
  CheckBound bound = CheckBound::kMax;
  double limit = 0;  // seconds for time metrics, a count otherwise
  bool limit_is_time = false;
  SourcePos pos;
};

struct Scenario {
  std::string file;  // as given on the command line
  std::string name;
  std::uint64_t seed = 1;
  std::optional<sim_time_us> duration_us;
  sim_time_us sample_interval_us = kUsPerS;
  // `lag_threshold`: the lag trend also projects when the time lag passes it.
  std::optional<sim_time_us> lag_threshold_us;
  std::vector<DomainSpec> domains;  // in file order
  std::vector<ConnectionSpec> connections;
  ConnectionDelaysSpec connection_delays;
  NetworkSpec network;
  std::vector<IndexSpec> indices;
  std::vector<WorkloadSpec> workload;
  std::vector<FaultSpec> faults;
  std::vector<StepSpec> steps;
  std::vector<CheckSpec> checks;

  const DomainSpec* find_domain(const std::string& domain_name) const {
    for (const DomainSpec& d : domains) {
      if (d.name == domain_name) return &d;
    }
    return nullptr;
  }
};

}  // namespace ccrsim
