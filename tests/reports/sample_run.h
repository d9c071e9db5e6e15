#pragma once
// A hand-built RunResult with everything the report writers print: two replications with lag series and status
// changes, a fault window that ended, a permanent domain loss, a disaster, a failing step and a failing check,
// and names that need escaping.
#include "reports/run_result.h"

namespace ccrsim::testing {

inline ReplicationResult sample_replication(const std::string& follower_index, std::int64_t peak_ops) {
  ReplicationResult r;
  r.follower_domain = "follower-domain";
  r.follower_index = follower_index;
  r.id = r.follower_domain + "/" + follower_index;
  r.leader_domain = "leader-domain";
  r.leader_alias = "atlantic";
  r.leader_index = "leader-" + follower_index;
  r.final_status = "SYNCING";
  r.bootstrap_us = 12 * kUsPerS;
  r.ops_replicated = 1000;
  // One point per 10 s over 20 min; the lag rises during [300 s, 420 s) and falls back after.
  for (sim_time_us t = 0; t <= 1200 * kUsPerS; t += 10 * kUsPerS) {
    const bool outage = t >= 300 * kUsPerS && t < 420 * kUsPerS;
    LagPoint p;
    p.t_us = t;
    p.status = "SYNCING";
    p.lag_ops = outage ? peak_ops * (t - 300 * kUsPerS) / (120 * kUsPerS) : 5;
    p.lag_time_us = outage ? t - 300 * kUsPerS : 200 * kUsPerMs;
    p.leader_checkpoint = 1000 + t / kUsPerS;
    p.follower_checkpoint = p.leader_checkpoint - p.lag_ops;
    r.series.add(p);
    r.lag_time.add(p.lag_time_us);
    r.lag_ops.add(p.lag_ops);
  }
  r.series.flush();
  r.delivery.add_uniform(50 * kUsPerMs, 2 * kUsPerS, 900);
  r.delivery.add_uniform(2 * kUsPerS, 120 * kUsPerS, 100);
  r.status_changes = {
      {0, "BOOTSTRAPPING"}, {12 * kUsPerS, "SYNCING"}, {600 * kUsPerS, "PAUSED"}, {660 * kUsPerS, "SYNCING"}};
  return r;
}

inline RunResult sample_run() {
  RunResult r;
  r.ccrsim_version = "0.1.0";
  r.scenario_name = "sample <run> & \"friends\"";
  r.scenario_file = "scenarios/sample.yaml";
  r.seed = 7;
  r.end_us = 1200 * kUsPerS;
  r.events = 12345;
  r.domains = {{"leader-domain", "us-east-1", "OpenSearch_2.11", 2},
               {"follower-domain", "eu-west-1", "OpenSearch_2.11", 2},
               {"spare-domain", "eu-west-1", "OpenSearch_2.9", 0}};
  r.connections = {{"atlantic", "follower-domain", "leader-domain", "ACTIVE", ""},
                   {"broken", "spare-domain", "leader-domain", "VALIDATION_FAILED", "incompatible versions"}};
  r.replications = {sample_replication("follower-01", 400), sample_replication("follower-02", 900)};
  FaultResult cut;
  cut.name = "atlantic-cut";
  cut.kind = "link_down";
  cut.target = "leader-domain <-> follower-domain";
  cut.start_us = 300 * kUsPerS;
  cut.end_us = 420 * kUsPerS;
  cut.affected = {"follower-domain/follower-01"};
  cut.peak_lag_ops = 400;
  cut.peak_lag_time_us = 120 * kUsPerS;
  cut.recovery_time_us = 30 * kUsPerS;
  FaultResult lost;
  lost.name = "leader-gone";
  lost.kind = "domain_lost";
  lost.target = "leader-domain";
  lost.start_us = 1000 * kUsPerS;
  lost.affected = {"follower-domain/follower-01", "follower-domain/follower-02"};
  r.faults = {cut, lost};
  r.disasters = {
      {"leader-domain", 1000 * kUsPerS, {{"follower-domain/follower-01", 120, 400 * kUsPerMs}}, 95 * kUsPerS}};
  StepResult ok;
  ok.index = 0;
  ok.on = "follower-domain";
  ok.request = "PUT _plugins/_replication/follower-01/_start";
  ok.status = 200;
  ok.expect = "pass";
  ok.at_us = 0;
  ok.done_us = 250 * kUsPerMs;
  StepResult bad;
  bad.index = 1;
  bad.on = "follower-domain";
  bad.request = "GET _plugins/_replication/follower-01/_status";
  bad.status = 200;
  bad.expect = "fail";
  bad.message = "body/status: expected \"SYNCING\", got \"PAUSED\"";
  bad.body = json{{"status", "PAUSED"}, {"reason", "<leader> & co"}};
  bad.at_us = 600 * kUsPerS;
  bad.done_us = 720 * kUsPerS;
  bad.attempts = 121;
  StepResult plain;
  plain.index = 2;
  plain.request = "wait";
  r.steps = {ok, bad, plain};
  r.checks = {{"p99 under a minute", "lag_time_p99", 0.2, "max", 60, true, ""},
              {"recovers fast", "recovery_time", 30.0, "max", 10, false, ""}};
  summarize_run(r);
  return r;
}

}  // namespace ccrsim::testing
