#include "reports/markdown_report.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/number_format.h"
#include "sim/units.h"

namespace ccrsim {

namespace {

std::string cell(std::string text) {
  // Keep tables intact: pipes and newlines would break a row.
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (out.size() > 160) out = out.substr(0, 157) + "...";
  return out;
}

std::string s(sim_time_us t_us) {
  return format_seconds(t_us) + " s";
}

void steps_section(const RunResult& r, std::string& out) {
  if (r.steps.empty()) return;
  out += "\n## Steps\n\n| # | at | done | on | request | status | expect | message |\n";
  out += "|---|---|---|---|---|---|---|---|\n";
  for (const StepResult& st : r.steps) {
    out += "| " + std::to_string(st.index) + " | " + s(st.at_us) + " | " + s(st.done_us) + " | " + cell(st.on) +
           " | `" + cell(st.request) + "` | " + std::to_string(st.status) + " | " + st.expect + " | " +
           cell(st.message) + " |\n";
  }
}

void connections_section(const RunResult& r, std::string& out) {
  if (r.connections.empty()) return;
  out += "\n## Connections\n\n| alias | from (follower) | to (leader) | status | reason |\n|---|---|---|---|---|\n";
  for (const ConnectionResult& c : r.connections) {
    out += "| " + cell(c.alias) + " | " + cell(c.from) + " | " + cell(c.to) + " | " + c.status + " | " +
           cell(c.reason) + " |\n";
  }
}

void replications_section(const RunResult& r, std::string& out) {
  if (r.replications.empty()) return;
  out += "\n## Replications\n\n| replication | leader | started by | final status | bootstrap | ops replicated |\n";
  out += "|---|---|---|---|---|---|\n";
  for (const ReplicationResult& rep : r.replications) {
    out += "| " + cell(rep.id) + " | " + cell(rep.leader_alias + ":" + rep.leader_index) + " (" +
           cell(rep.leader_domain) + ") | " + cell(rep.started_by) + " | " + rep.final_status + " | " +
           (rep.bootstrap_us ? s(*rep.bootstrap_us) : std::string("-")) + " | " + std::to_string(rep.ops_replicated) +
           " |\n";
  }
  out +=
      "\n### Lag\n\n| replication | time lag p50 | p95 | p99 | max | ops lag p50 | p99 | max | delivery p50 | p99 | "
      "max |\n";
  out += "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const ReplicationResult& rep : r.replications) {
    const TimeQuantiles& lag = rep.summary().lag_time;
    const CountQuantiles& ops = rep.summary().lag_ops;
    const TimeQuantiles& delivery = rep.summary().delivery;
    out += "| " + cell(rep.id) + " | " + s(lag.p50_us) + " | " + s(lag.p95_us) + " | " + s(lag.p99_us) + " | " +
           s(lag.max_us) + " | " + std::to_string(ops.p50) + " | " + std::to_string(ops.p99) + " | " +
           std::to_string(ops.max) + " | " + s(delivery.p50_us) + " | " + s(delivery.p99_us) + " | " +
           s(delivery.max_us) + " |\n";
  }
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out.append(out.empty() ? "" : ", ").append(item);
  return out.empty() ? "-" : out;
}

void autofollow_section(const RunResult& r, std::string& out) {
  if (r.autofollow_rules.empty() && r.rule_lint.empty()) return;
  out +=
      "\n## Auto-follow\n\n| rule | pattern | created | deleted | polls | started | failed starts | failed leader "
      "calls | failed indices at end |\n|---|---|---|---|---|---|---|---|---|\n";
  for (const AutofollowRuleResult& a : r.autofollow_rules) {
    out += "| " + cell(a.follower_domain + "/" + a.leader_alias + ":" + a.name) + " | `" + cell(a.pattern) + "` | " +
           s(a.created_us) + " | " + (a.deleted_us ? s(*a.deleted_us) : std::string("-")) + " | " +
           std::to_string(a.polls) + " | " + std::to_string(a.successes) + " | " + std::to_string(a.failures) + " | " +
           std::to_string(a.failed_leader_calls) + " | " + cell(joined(a.failed_indices)) + " |\n";
  }
  bool any_started = false;
  for (const AutofollowRuleResult& a : r.autofollow_rules) any_started = any_started || !a.started.empty();
  if (any_started) {
    out += "\n### Indices started by rules\n\n| rule | leader index | leader created | started | SYNCING | delay |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const AutofollowRuleResult& a : r.autofollow_rules) {
      for (const AutofollowIndexResult& i : a.started) {
        out += "| " + cell(a.name) + " | " + cell(i.leader_index) + " | " + s(i.leader_created_us) + " | " +
               s(i.started_us) + " | " + (i.syncing_us ? s(*i.syncing_us) : std::string("-")) + " | " +
               (i.syncing_us ? s(*i.syncing_us - i.leader_created_us) : std::string("-")) + " |\n";
      }
    }
  }
  bool any_failed = false;
  for (const AutofollowRuleResult& a : r.autofollow_rules) any_failed = any_failed || !a.failed.empty();
  if (any_failed) {
    out +=
        "\n### Failed starts\n\n| rule | leader index | times | first | last | reason |\n|---|---|---|---|---|---|\n";
    for (const AutofollowRuleResult& a : r.autofollow_rules) {
      for (const AutofollowFailureResult& f : a.failed) {
        out += "| " + cell(a.name) + " | " + cell(f.leader_index) + " | " + std::to_string(f.count) + " | " +
               s(f.first_us) + " | " + s(f.last_us) + " | " + cell(f.reason) + " |\n";
      }
    }
  }
  if (!r.rule_lint.empty()) {
    out += "\n### Rule lint\n\n| rule | leader | picks up at t = 0 | later (rollover) |\n|---|---|---|---|\n";
    for (const RuleLintResult& l : r.rule_lint) {
      out += "| " + cell(l.follower_domain + "/" + l.leader_alias + ":" + l.name) + " `" + cell(l.pattern) + "` | " +
             cell(l.leader_domain) + " | " + cell(joined(l.picks_up)) + " | " + cell(joined(l.later)) + " |\n";
    }
    if (!r.rule_warnings.empty()) out += "\n";
    for (const std::string& w : r.rule_warnings) out += "- warning: " + w + "\n";
  }
}

std::string in_duration(const std::optional<double>& seconds) {
  return seconds ? format_duration(static_cast<sim_time_us>(std::round(*seconds)) * kUsPerS) : "-";
}

// Whether each replication keeps up, and its simulated throughput beside the closed-form estimate. The threshold
// column shows only when the scenario sets `lag_threshold`.
void capacity_section(const RunResult& r, std::string& out) {
  if (r.replications.empty()) return;
  const bool threshold = std::any_of(r.replications.begin(), r.replications.end(),
                                     [](const ReplicationResult& rep) { return rep.lag_threshold_us.has_value(); });
  out += "\n### Capacity\n\n| replication | lag trend (ops/s) | verdict | lag passes the lease in | ";
  out += threshold ? "lag passes the threshold in | " : "";
  out += "simulated (ops/s) | analytic (ops/s) | bound |\n";
  out += threshold ? "|---|---|---|---|---|---|---|---|\n" : "|---|---|---|---|---|---|---|\n";
  for (const ReplicationResult& rep : r.replications) {
    const std::optional<LagTrend>& trend = rep.summary().trend;
    const std::optional<ThroughputEstimate>& estimate = rep.summary().analytic;
    out += "| " + cell(rep.id) + " | " + (trend ? format_fixed(trend->ops_per_s, 1) : "-") + " | " +
           (trend ? trend->verdict : "-") + " | " + in_duration(trend ? trend->exceeds_threshold_in_s : std::nullopt) +
           " | ";
    if (threshold) {
      out += in_duration(rep.summary().exceeds_lag_threshold_in_s) + " | ";
    }
    out += (trend ? format_fixed(trend->simulated_ops_per_s, 1) : "-") + " | " +
           (estimate ? format_fixed(estimate->ops_per_s, 1) : "-") + " | " + (estimate ? estimate->bound : "-") +
           " |\n";
  }
}

// Leader writes refused over a primary's shard_index_rate; shown only when some were (docs/capacity.md).
void leader_writes_section(const RunResult& r, std::string& out) {
  const bool any = std::any_of(r.workloads.begin(), r.workloads.end(),
                               [](const WorkloadResult& w) { return w.writes_rejected > 0; });
  if (!any) return;
  out += "\n### Leader writes\n\n| domain | index | rate (ops/s) | issued | acknowledged | rejected (429) |\n";
  out += "|---|---|---|---|---|---|\n";
  for (const WorkloadResult& w : r.workloads) {
    out += "| " + cell(w.domain) + " | " + cell(w.index) + " | " + format_fixed(w.rate_per_s, 1) + " | " +
           std::to_string(w.issued) + " | " + std::to_string(w.acknowledged) + " | " +
           std::to_string(w.writes_rejected) + " |\n";
  }
}

std::string optional_s(const std::optional<sim_time_us>& t_us) {
  return t_us ? s(*t_us) : std::string("-");
}

void faults_section(const RunResult& r, std::string& out) {
  if (r.faults.empty()) return;
  out +=
      "\n## Faults and recovery\n\n| fault | kind | target | start | end | affected | peak ops lag | peak time lag |"
      " recovery | bootstrapped again | writes refused | bytes re-sent "
      "|\n|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const FaultResult& f : r.faults) {
    std::string affected;
    for (const std::string& a : f.affected) affected += (affected.empty() ? "" : ", ") + a;
    out += "| " + cell(f.name) + " | " + f.kind + " | " + cell(f.target) + " | " + s(f.start_us) + " | " +
           (f.end_us ? s(*f.end_us) : std::string("permanent")) + " | " + cell(affected) + " | " +
           std::to_string(f.peak_lag_ops) + " | " + s(f.peak_lag_time_us) + " | " +
           (f.end_us ? (f.recovery_time_us ? s(*f.recovery_time_us) : std::string("not recovered")) : "-") + " | " +
           (f.rebootstrapped ? "yes" : "no") + " | " + std::to_string(f.writes_refused) + " | " +
           std::to_string(f.bytes_resent) + " |\n";
  }
  if (r.disasters.empty()) return;
  out +=
      "\n### Disasters\n\n| lost domain | at | replication | rpo ops | rpo time | rto |\n|---|---|---|---|---|---|\n";
  for (const DisasterResult& d : r.disasters) {
    if (d.lost.empty()) {
      out += "| " + cell(d.domain) + " | " + s(d.at_us) + " | - | - | - | " + optional_s(d.rto_us) + " |\n";
    }
    for (const LostReplication& l : d.lost) {
      out += "| " + cell(d.domain) + " | " + s(d.at_us) + " | " + cell(l.replication) + " | " +
             std::to_string(l.rpo_ops) + " | " + s(l.rpo_us) + " | " + optional_s(d.rto_us) + " |\n";
    }
  }
}

// Per replication, in time order: its status changes, the windows of the faults that touched it and its lag peak
// in each window (until the recovery, or the end of the run).
void timeline_section(const RunResult& r, std::string& out) {
  if (r.faults.empty()) return;
  constexpr std::size_t kMaxRows = 200;
  out += "\n## Outage timeline\n";
  std::map<std::string, int> seen;  // a start after a stop makes a second replication with the same id
  for (const ReplicationResult& rep : r.replications) {
    const int nth = ++seen[rep.id];
    std::vector<std::pair<sim_time_us, std::string>> rows;
    for (const StatusChange& c : rep.status_changes) rows.emplace_back(c.t_us, "status " + c.status);
    for (const FaultResult& f : r.faults) {
      if (std::find(f.affected.begin(), f.affected.end(), rep.id) == f.affected.end()) continue;
      rows.emplace_back(f.start_us, "fault " + f.name + " begins (" + f.kind + " " + f.target + ")");
      if (f.end_us) rows.emplace_back(*f.end_us, "fault " + f.name + " ends");
      const sim_time_us until = f.end_us && f.recovery_time_us ? *f.end_us + *f.recovery_time_us : r.end_us;
      const LagPoint* peak = nullptr;
      for (const LagPoint& p : rep.series.points()) {
        if (p.t_us < f.start_us || p.t_us > until) continue;
        if (peak == nullptr || p.lag_ops > peak->lag_ops) peak = &p;
      }
      if (peak != nullptr) {
        rows.emplace_back(peak->t_us, "lag peak during " + f.name + ": " + std::to_string(peak->lag_ops) + " ops, " +
                                          format_seconds(peak->lag_time_us) + " s behind");
      }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    out += "\n### " + cell(rep.id) + (nth > 1 ? " (replication " + std::to_string(nth) + ")" : "") +
           "\n\n| at | event |\n|---|---|\n";
    for (std::size_t i = 0; i < rows.size() && i < kMaxRows; ++i) {
      out += "| " + s(rows[i].first) + " | " + cell(rows[i].second) + " |\n";
    }
    if (rows.size() > kMaxRows) out += "| ... | " + std::to_string(rows.size() - kMaxRows) + " more rows |\n";
  }
}

void checks_section(const RunResult& r, std::string& out) {
  if (r.checks.empty()) return;
  out += "\n## Checks\n\n| check | metric | value | limit | result |\n|---|---|---|---|---|\n";
  for (const CheckResult& c : r.checks) {
    out += "| " + cell(c.name) + " | " + c.metric + " | " + (c.value ? format_fixed(*c.value, 3) : std::string("-")) +
           " | " + c.limit_kind + " " + format_fixed(c.limit, 3) + " | " + (c.passed ? "pass" : "**fail**") +
           (c.message.empty() ? "" : " (" + cell(c.message) + ")") + " |\n";
  }
}

}  // namespace

std::string render_markdown_report(const RunResult& r) {
  std::string out = "# ccrsim report: " + cell(r.scenario_name) + "\n\n";
  out += "- scenario file: `" + r.scenario_file + "`\n";
  out += "- seed: " + std::to_string(r.seed) + "\n";
  out += "- simulated time: " + s(r.end_us) + "\n";
  out += "- result: " + std::string(r.passed() ? "**passed**" : "**failed**") + " (expectations " +
         std::to_string(r.expectations_total() - r.expectations_failed()) + "/" +
         std::to_string(r.expectations_total()) + " passed, checks " +
         std::to_string(static_cast<int>(r.checks.size()) - r.checks_failed()) + "/" + std::to_string(r.checks.size()) +
         " passed)\n";
  steps_section(r, out);
  connections_section(r, out);
  replications_section(r, out);
  autofollow_section(r, out);
  capacity_section(r, out);
  leader_writes_section(r, out);
  faults_section(r, out);
  timeline_section(r, out);
  checks_section(r, out);
  return out;
}

}  // namespace ccrsim
