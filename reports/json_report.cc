#include "reports/json_report.h"

#include "reports/number_format.h"

namespace ccrsim {

namespace {

double seconds(sim_time_us t_us) {
  return round_to(to_seconds(t_us), 6);
}

json percentiles_s(const TimeQuantiles& q) {
  json j = json::object();
  j["p50"] = seconds(q.p50_us);
  j["p95"] = seconds(q.p95_us);
  j["p99"] = seconds(q.p99_us);
  j["max"] = seconds(q.max_us);
  return j;
}

json percentiles_count(const CountQuantiles& q) {
  json j = json::object();
  j["p50"] = q.p50;
  j["p95"] = q.p95;
  j["p99"] = q.p99;
  j["max"] = q.max;
  return j;
}

json step_json(const StepResult& s) {
  json j = json::object();
  j["index"] = s.index;
  j["at_s"] = seconds(s.at_us);
  j["done_s"] = seconds(s.done_us);
  j["on"] = s.on;
  j["request"] = s.request;
  j["status"] = s.status;
  j["body"] = s.body;
  j["expect"] = s.expect;
  j["message"] = s.message;
  j["attempts"] = s.attempts;
  return j;
}

// The lag trend over the steady state and the throughput beside its closed-form estimate (docs/capacity.md).
void capacity_json(const ReplicationSummary& s, json& j) {
  const std::optional<LagTrend>& trend = s.trend;
  j["lag_trend_ops_per_s"] = trend ? json(round_to(trend->ops_per_s, 3)) : json(nullptr);
  j["lag_verdict"] = trend ? json(trend->verdict) : json(nullptr);
  j["lag_exceeds_lease_in_s"] =
      trend && trend->exceeds_threshold_in_s ? json(round_to(*trend->exceeds_threshold_in_s, 3)) : json(nullptr);
  j["lag_exceeds_threshold_in_s"] =
      s.exceeds_lag_threshold_in_s ? json(round_to(*s.exceeds_lag_threshold_in_s, 3)) : json(nullptr);
  json throughput = json::object();
  throughput["simulated"] = trend ? json(round_to(trend->simulated_ops_per_s, 3)) : json(nullptr);
  if (s.analytic) {
    throughput["analytic"] = round_to(s.analytic->ops_per_s, 3);
    throughput["analytic_bound"] = s.analytic->bound;
  } else {
    throughput["analytic"] = nullptr;
    throughput["analytic_bound"] = nullptr;
  }
  j["throughput_ops_per_s"] = std::move(throughput);
}

json replication_json(const ReplicationResult& r) {
  json j = json::object();
  j["follower_domain"] = r.follower_domain;
  j["follower_index"] = r.follower_index;
  j["leader_domain"] = r.leader_domain;
  j["leader_alias"] = r.leader_alias;
  j["leader_index"] = r.leader_index;
  j["started_by"] = r.started_by;
  j["final_status"] = r.final_status;
  j["bootstrap_s"] = r.bootstrap_us ? json(seconds(*r.bootstrap_us)) : json(nullptr);
  j["ops_replicated"] = r.ops_replicated;
  json lag = json::object();
  const ReplicationSummary& summary = r.summary();
  lag["time_s"] = percentiles_s(summary.lag_time);
  lag["ops"] = percentiles_count(summary.lag_ops);
  j["lag"] = std::move(lag);
  j["delivery_s"] = percentiles_s(summary.delivery);
  j["samples"] = r.samples;
  capacity_json(summary, j);
  return j;
}

json check_json(const CheckResult& c) {
  json j = json::object();
  j["name"] = c.name;
  j["metric"] = c.metric;
  j["value"] = c.value ? json(round_to(*c.value, 6)) : json(nullptr);
  json limit = json::object();
  limit[c.limit_kind] = round_to(c.limit, 6);
  j["limit"] = std::move(limit);
  j["passed"] = c.passed;
  if (!c.message.empty()) j["message"] = c.message;
  return j;
}

json optional_seconds(const std::optional<sim_time_us>& t_us) {
  return t_us ? json(seconds(*t_us)) : json(nullptr);
}

json topology_json(const TopologyResult& t) {
  json domains = json::array();
  for (const TopologyResult::Domain& d : t.domains) {
    domains.push_back({{"name", d.name}, {"region", d.region}, {"connected_domains", d.connected_domains}});
  }
  json copies = json::array();
  for (const TopologyResult::Copies& c : t.copies) copies.push_back({{"index", c.index}, {"held_by", c.held_by}});
  json regions = json::object();
  for (const auto& [region, u] : t.without_copy_outside_region) {
    regions[region] = {{"count", u.count}, {"indices", u.indices}};
  }
  return {{"domains", domains}, {"copies", copies}, {"without_copy_outside_region", regions}};
}

json fault_json(const FaultResult& f) {
  json j = json::object();
  j["name"] = f.name;
  j["kind"] = f.kind;
  j["target"] = f.target;
  j["start_s"] = seconds(f.start_us);
  j["end_s"] = optional_seconds(f.end_us);
  j["affected"] = f.affected;
  j["peak_lag_ops"] = f.peak_lag_ops;
  j["peak_lag_time_s"] = seconds(f.peak_lag_time_us);
  j["recovery_time_s"] = optional_seconds(f.recovery_time_us);
  j["rebootstrapped"] = f.rebootstrapped;
  j["writes_refused"] = f.writes_refused;
  j["bytes_resent"] = f.bytes_resent;
  return j;
}

json disaster_json(const DisasterResult& d) {
  json j = json::object();
  j["domain"] = d.domain;
  j["at_s"] = seconds(d.at_us);
  j["lost"] = json::array();
  for (const LostReplication& l : d.lost) {
    j["lost"].push_back({{"replication", l.replication}, {"rpo_ops", l.rpo_ops}, {"rpo_s", seconds(l.rpo_us)}});
  }
  j["rto_s"] = optional_seconds(d.rto_us);
  return j;
}

json autofollow_rule_json(const AutofollowRuleResult& a) {
  json j = json::object();
  j["follower_domain"] = a.follower_domain;
  j["leader_alias"] = a.leader_alias;
  j["name"] = a.name;
  j["pattern"] = a.pattern;
  j["created_s"] = seconds(a.created_us);
  j["deleted_s"] = optional_seconds(a.deleted_us);
  j["polls"] = a.polls;
  j["num_success_start_replication"] = a.successes;
  j["num_failed_start_replication"] = a.failures;
  j["num_failed_leader_calls"] = a.failed_leader_calls;
  j["failed_indices"] = a.failed_indices;
  j["started"] = json::array();
  for (const AutofollowIndexResult& i : a.started) {
    json s = json::object();
    s["leader_index"] = i.leader_index;
    s["follower_index"] = i.follower_index;
    s["leader_created_s"] = seconds(i.leader_created_us);
    s["started_s"] = seconds(i.started_us);
    s["syncing_s"] = optional_seconds(i.syncing_us);
    s["delay_s"] = i.syncing_us ? json(seconds(*i.syncing_us - i.leader_created_us)) : json(nullptr);
    j["started"].push_back(std::move(s));
  }
  j["failures"] = json::array();
  for (const AutofollowFailureResult& f : a.failed) {
    j["failures"].push_back({{"leader_index", f.leader_index},
                             {"reason", f.reason},
                             {"count", f.count},
                             {"first_s", seconds(f.first_us)},
                             {"last_s", seconds(f.last_us)}});
  }
  return j;
}

json autofollow_json(const RunResult& r) {
  json j = json::object();
  j["rules"] = json::array();
  for (const AutofollowRuleResult& a : r.autofollow_rules) j["rules"].push_back(autofollow_rule_json(a));
  json lint = json::object();
  lint["rules"] = json::array();
  for (const RuleLintResult& l : r.rule_lint) {
    lint["rules"].push_back({{"follower_domain", l.follower_domain},
                             {"leader_alias", l.leader_alias},
                             {"leader_domain", l.leader_domain},
                             {"name", l.name},
                             {"pattern", l.pattern},
                             {"picks_up", l.picks_up},
                             {"later", l.later}});
  }
  lint["warnings"] = r.rule_warnings;
  j["lint"] = std::move(lint);
  return j;
}

}  // namespace

json build_json_report(const RunResult& r) {
  json j = json::object();
  j["ccrsim_version"] = r.ccrsim_version;
  json scenario = json::object();
  scenario["name"] = r.scenario_name;
  scenario["file"] = r.scenario_file;
  scenario["seed"] = r.seed;
  scenario["duration_s"] = seconds(r.end_us);
  j["scenario"] = std::move(scenario);
  json result = json::object();
  result["passed"] = r.passed();
  result["expectations"] = {{"total", r.expectations_total()}, {"failed", r.expectations_failed()}};
  result["checks"] = {{"total", static_cast<int>(r.checks.size())}, {"failed", r.checks_failed()}};
  j["result"] = std::move(result);
  char fp[17];
  std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(r.fingerprint));
  j["fingerprint"] = fp;
  j["steps"] = json::array();
  for (const StepResult& s : r.steps) j["steps"].push_back(step_json(s));
  j["connections"] = json::array();
  for (const ConnectionResult& c : r.connections) {
    j["connections"].push_back(
        {{"alias", c.alias}, {"from", c.from}, {"to", c.to}, {"status", c.status}, {"reason", c.reason}});
  }
  j["replications"] = json::array();
  for (const ReplicationResult& rep : r.replications) j["replications"].push_back(replication_json(rep));
  j["autofollow"] = autofollow_json(r);
  j["faults"] = json::array();
  for (const FaultResult& f : r.faults) j["faults"].push_back(fault_json(f));
  j["disasters"] = json::array();
  for (const DisasterResult& d : r.disasters) j["disasters"].push_back(disaster_json(d));
  j["checks"] = json::array();
  for (const CheckResult& c : r.checks) j["checks"].push_back(check_json(c));
  j["topology"] = topology_json(r.topology);
  j["workloads"] = json::array();
  for (const WorkloadResult& w : r.workloads) {
    j["workloads"].push_back({{"domain", w.domain},
                              {"index", w.index},
                              {"rate_per_s", round_to(w.rate_per_s, 3)},
                              {"issued", w.issued},
                              {"acknowledged", w.acknowledged},
                              {"writes_rejected", w.writes_rejected}});
  }
  return j;
}

// Invalid UTF-8 (a percent-decoded byte such as %BF echoed in an error reason) becomes U+FFFD, as Java's decoder
// makes it, instead of aborting the report.
std::string render_json_report(const RunResult& result) {
  return build_json_report(result).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ccrsim
