#pragma once
// Everything a run produced that the report writers print. Filled by the scenario runner; read-only afterwards.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/analytic_throughput.h"
#include "reports/lag_series.h"
#include "reports/replication_summary.h"
#include "sim/json.h"
#include "sim/stats/count_histogram.h"
#include "sim/stats/time_histogram.h"
#include "sim/time.h"

namespace ccrsim {

struct StepResult {
  int index = 0;
  sim_time_us at_us = 0;
  sim_time_us done_us = 0;
  std::string on;
  std::string request;  // "PUT idx/_doc/1", "aws create-outbound-connection", "wait 30m"
  int status = 0;
  json body = json::object();   // parsed response (a string for text responses)
  std::string expect = "none";  // pass | fail | none
  std::string message;
  int attempts = 1;
};

// A change of a replication's status, as seen by the lag sampler (so at sample_interval granularity).
struct StatusChange {
  sim_time_us t_us = 0;
  std::string status;
};

struct ReplicationResult {
  std::string id;  // "follower-domain/follower-index"
  std::string follower_domain;
  std::string follower_index;
  std::string leader_domain;
  std::string leader_alias;
  std::string leader_index;
  std::string started_by = "request";
  std::string final_status;
  std::optional<sim_time_us> bootstrap_us;
  std::int64_t ops_replicated = 0;
  TimeHistogram lag_time;  // samples of time lag taken while BOOTSTRAPPING or SYNCING (reports/lag_recorder.h)
  CountHistogram lag_ops;  // samples of ops lag, the same samples
  TimeHistogram delivery;  // per operation
  LagSeries series;
  std::vector<StatusChange> status_changes;  // the first entry is the status at the first sample
  std::int64_t samples = 0;
  // What the capacity analysis needs from the run's configuration (filled by the runner at the end of the run).
  std::optional<ThroughputInputs> throughput_inputs;
  sim_time_us retention_lease_period_us = 12 * kUsPerH;  // the leader index's; the lag trend's threshold
  std::optional<sim_time_us> lag_threshold_us;           // the scenario's `lag_threshold`: a second projection
  std::optional<sim_time_us> not_syncing_us;             // time outside SYNCING (reports/not_syncing_recorder.h)

  // The figures every writer and check reads, computed once by summarize_run (reports/replication_summary.h)
  // after the fields above are final. summary() throws std::logic_error before that.
  std::optional<ReplicationSummary> summarized;
  const ReplicationSummary& summary() const;
};

struct ConnectionResult {
  std::string alias;
  std::string from;
  std::string to;
  std::string status;
  std::string reason;
};

// One fault window as it happened (docs/scenario-format.md §4.6, §6.1 "faults"); random faults appear here resolved.
struct FaultResult {
  std::string name;
  std::string kind;    // link_down | domain_down | latency | bandwidth | node_down | domain_lost
  std::string target;  // "a <-> b" for link faults, the domain name otherwise
  sim_time_us start_us = 0;
  std::optional<sim_time_us> end_us;  // nullopt: permanent
  std::vector<std::string> affected;  // replication ids
  std::int64_t peak_lag_ops = 0;
  sim_time_us peak_lag_time_us = 0;
  std::optional<sim_time_us> recovery_time_us;  // nullopt: did not recover before the run ended (or permanent)
  bool rebootstrapped = false;                  // an affected replication had to copy the leader's store again
  std::int64_t writes_refused = 0;              // synthetic writes refused by a domain this fault took down
  // Bytes sent again because of the fault: GetChanges responses and bootstrap chunks lost in flight until the
  // fault recovered (or the run ended), plus the stores copied by bootstraps that began after the fault did.
  std::int64_t bytes_resent = 0;
};

struct LostReplication {
  std::string replication;
  std::int64_t rpo_ops = 0;
  sim_time_us rpo_us = 0;
};

// A domain_lost fault and what it cost (docs/scenario-format.md §6.1 "disasters").
struct DisasterResult {
  std::string domain;
  sim_time_us at_us = 0;
  std::vector<LostReplication> lost;
  std::optional<sim_time_us> rto_us;  // nullopt: no follower accepted writes before the run ended
};

// One replication an auto-follow rule started: the delay from the leader index's creation to SYNCING.
struct AutofollowIndexResult {
  std::string leader_index;
  std::string follower_index;
  sim_time_us leader_created_us = 0;
  sim_time_us started_us = 0;
  std::optional<sim_time_us> syncing_us;  // nullopt: never reached SYNCING before the run ended
};

// Failed starts of one leader index by one rule, folded.
struct AutofollowFailureResult {
  std::string leader_index;
  std::string reason;  // the last one
  int count = 0;
  sim_time_us first_us = 0;
  sim_time_us last_us = 0;
};

// One auto-follow rule as it ran.
struct AutofollowRuleResult {
  std::string follower_domain;
  std::string leader_alias;
  std::string name;
  std::string pattern;
  sim_time_us created_us = 0;
  std::optional<sim_time_us> deleted_us;
  std::int64_t polls = 0;
  int successes = 0;
  int failures = 0;  // failed starts over the whole run
  int failed_leader_calls = 0;
  std::vector<std::string> failed_indices;  // at the end of the run
  std::vector<AutofollowIndexResult> started;
  std::vector<AutofollowFailureResult> failed;
};

// The rule lint (app/rule_lint.h) as the report prints it.
struct RuleLintResult {
  std::string follower_domain;
  std::string leader_alias;
  std::string leader_domain;
  std::string name;
  std::string pattern;
  std::vector<std::string> picks_up;
  std::vector<std::string> later;
};

// A domain as the scenario configured it, for the topology picture and topology.dot.
struct DomainResult {
  std::string name;
  std::string region;
  std::string engine_version;
  int indices = 0;  // indices on the domain when the run ended
};

// One `workload:` entry as it ran: what its writer issued and what the leader acknowledged (docs/capacity.md).
struct WorkloadResult {
  std::string domain;
  std::string index;  // as written (a rollover writer's first index name)
  double rate_per_s = 0;
  std::int64_t issued = 0;
  std::int64_t acknowledged = 0;
  std::int64_t writes_rejected = 0;  // 429: the primary was written faster than its shard_index_rate
};

struct CheckResult {
  std::string name;
  std::string metric;
  std::optional<double> value;  // seconds or a count; nullopt when nothing could be measured
  std::string limit_kind;       // max | min | eq
  double limit = 0;
  bool passed = false;
  std::string message;
};

// The topology's answers at the end of the run (docs/connections.md "Topology"): per domain its connected-domain
// count, per replicated leader index every domain holding a copy, and per region the index copies with no copy
// outside it.
struct TopologyResult {
  struct Domain {
    std::string name;
    std::string region;
    int connected_domains = 0;
  };
  struct Copies {
    std::string index;  // "leader-domain/leader-index"
    std::vector<std::string> held_by;
  };
  std::vector<Domain> domains;
  std::vector<Copies> copies;
  struct Unprotected {
    std::int64_t count = 0;
    std::vector<std::string> indices;  // the first kMaxListed, sorted ("domain/index")
  };
  static constexpr std::size_t kMaxListed = 100;
  std::map<std::string, Unprotected> without_copy_outside_region;
};

struct RunResult {
  std::string ccrsim_version;
  std::string scenario_name;
  std::string scenario_file;
  std::uint64_t seed = 1;
  sim_time_us end_us = 0;
  std::uint64_t fingerprint = 0;
  std::uint64_t events = 0;
  std::vector<StepResult> steps;
  std::vector<DomainResult> domains;  // in scenario order
  std::vector<ConnectionResult> connections;
  std::vector<ReplicationResult> replications;
  std::vector<FaultResult> faults;
  std::vector<DisasterResult> disasters;
  std::vector<CheckResult> checks;
  std::vector<AutofollowRuleResult> autofollow_rules;
  std::vector<RuleLintResult> rule_lint;
  std::vector<std::string> rule_warnings;  // "LINE:COL: message"
  TopologyResult topology;
  std::vector<WorkloadResult> workloads;  // by writing domain, then in scenario order

  int expectations_total() const;
  int expectations_failed() const;
  int checks_failed() const;
  bool passed() const { return expectations_failed() == 0 && checks_failed() == 0; }
};

}  // namespace ccrsim
