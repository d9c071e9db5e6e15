#include "reports/json_report.h"

#include "reports/number_format.h"

namespace ccrsim {

namespace {

double seconds(sim_time_us t_us) { return round_to(to_seconds(t_us), 6); }

json percentiles_s(const DeliveryHistogram& h) {
  json j = json::object();
  j["p50"] = seconds(h.quantile_us(0.50));
  j["p95"] = seconds(h.quantile_us(0.95));
  j["p99"] = seconds(h.quantile_us(0.99));
  j["max"] = seconds(h.max_us());
  return j;
}

json percentiles_count(const DeliveryHistogram& h) {
  json j = json::object();
  j["p50"] = h.quantile_us(0.50);
  j["p95"] = h.quantile_us(0.95);
  j["p99"] = h.quantile_us(0.99);
  j["max"] = h.max_us();
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
  lag["time_s"] = percentiles_s(r.lag_time);
  lag["ops"] = percentiles_count(r.lag_ops);
  j["lag"] = std::move(lag);
  j["delivery_s"] = percentiles_s(r.delivery);
  j["samples"] = r.samples;
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

json optional_seconds(const std::optional<sim_time_us>& t_us) { return t_us ? json(seconds(*t_us)) : json(nullptr); }

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
    j["connections"].push_back({{"alias", c.alias}, {"from", c.from}, {"to", c.to}, {"status", c.status},
                                {"reason", c.reason}});
  }
  j["replications"] = json::array();
  for (const ReplicationResult& rep : r.replications) j["replications"].push_back(replication_json(rep));
  j["faults"] = json::array();
  for (const FaultResult& f : r.faults) j["faults"].push_back(fault_json(f));
  j["disasters"] = json::array();
  for (const DisasterResult& d : r.disasters) j["disasters"].push_back(disaster_json(d));
  j["checks"] = json::array();
  for (const CheckResult& c : r.checks) j["checks"].push_back(check_json(c));
  return j;
}

// Invalid UTF-8 (a percent-decoded byte such as %BF echoed in an error reason) becomes U+FFFD, as Java's decoder
// makes it, instead of aborting the report.
std::string render_json_report(const RunResult& result) {
  return build_json_report(result).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace ccrsim
