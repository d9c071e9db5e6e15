#include "reports/html_report.h"

#include <algorithm>

#include "reports/html_escape.h"
#include "reports/number_format.h"
#include "reports/response_text.h"
#include "reports/topology_svg.h"

namespace ccrsim {

namespace {

constexpr std::size_t kMaxStepRows = 2000;  // beyond this only failing steps are listed
constexpr std::size_t kMaxBodyChars = 4000;
constexpr int kCdfPoints = 200;

// The unit the time axis is labelled in, chosen from the run's length so ticks land on round values.
struct TimeUnit {
  double us;
  const char* name;
};

TimeUnit time_unit_for(sim_time_us end_us) {
  if (end_us <= 3 * kUsPerMin) return {1e6, "s"};
  if (end_us <= 3 * kUsPerH) return {6e7, "min"};
  if (end_us <= 3 * kUsPerDay) return {3.6e9, "h"};
  return {8.64e10, "d"};
}

std::string td(const std::string& text) {
  return "<td>" + html_escape(text) + "</td>";
}
std::string td_num(const std::string& text) {
  return "<td class=\"num\">" + html_escape(text) + "</td>";
}
std::string secs(sim_time_us t_us) {
  return format_seconds(t_us) + " s";
}
std::string opt_secs(const std::optional<sim_time_us>& t_us) {
  return t_us ? secs(*t_us) : "-";
}

std::string verdict(bool passed) {
  return passed ? "<span class=\"verdict pass\">PASSED</span>" : "<span class=\"verdict fail\">FAILED</span>";
}

std::string table_head(std::initializer_list<const char*> columns) {
  std::string out = "<table>\n<thead><tr>";
  for (const char* c : columns) out += std::string("<th>") + c + "</th>";
  return out + "</tr></thead>\n<tbody>\n";
}

const char* kTableEnd = "</tbody>\n</table>\n";

void summary_section(const RunResult& r, std::string& out) {
  out += "<h1>ccrsim report: " + html_escape(r.scenario_name) + "</h1>\n";
  out += "<p class=\"summary\">" + verdict(r.passed()) + " expectations " +
         std::to_string(r.expectations_total() - r.expectations_failed()) + "/" +
         std::to_string(r.expectations_total()) + " passed, checks " +
         std::to_string(static_cast<int>(r.checks.size()) - r.checks_failed()) + "/" + std::to_string(r.checks.size()) +
         " passed</p>\n";
  out += "<table class=\"facts\">\n<tbody>\n";
  out += "<tr><th>scenario file</th>" + td(r.scenario_file) + "</tr>\n";
  out += "<tr><th>seed</th>" + td(std::to_string(r.seed)) + "</tr>\n";
  out += "<tr><th>simulated time</th>" + td(secs(r.end_us)) + "</tr>\n";
  out += "<tr><th>events</th>" + td(std::to_string(r.events)) + "</tr>\n";
  out += "<tr><th>ccrsim version</th>" + td(r.ccrsim_version) + "</tr>\n";
  out += "</tbody>\n</table>\n";
}

void topology_section(const RunResult& r, std::string& out) {
  if (r.domains.empty() && r.connections.empty() && r.replications.empty()) return;
  out += "<h2 id=\"topology\">Topology</h2>\n<figure>\n" + render_topology_svg(r) + "</figure>\n";
}

void replication_table(const RunResult& r, std::string& out) {
  out += table_head({"replication", "leader", "started by", "final status", "bootstrap", "ops replicated"});
  for (const ReplicationResult& rep : r.replications) {
    out += "<tr>" + td(rep.id) + td(rep.leader_alias + ":" + rep.leader_index + " (" + rep.leader_domain + ")") +
           td(rep.started_by) + td(rep.final_status) + td_num(opt_secs(rep.bootstrap_us)) +
           td_num(std::to_string(rep.ops_replicated)) + "</tr>\n";
  }
  out += kTableEnd;
  out += table_head(
      {"replication", "time lag p50", "p95", "p99", "max", "ops lag p50", "p99", "max", "delivery p50", "p99", "max"});
  for (const ReplicationResult& rep : r.replications) {
    const TimeQuantiles& lag = rep.summary().lag_time;
    const CountQuantiles& ops = rep.summary().lag_ops;
    const TimeQuantiles& delivery = rep.summary().delivery;
    out += "<tr>" + td(rep.id) + td_num(secs(lag.p50_us)) + td_num(secs(lag.p95_us)) + td_num(secs(lag.p99_us)) +
           td_num(secs(lag.max_us)) + td_num(std::to_string(ops.p50)) + td_num(std::to_string(ops.p99)) +
           td_num(std::to_string(ops.max)) + td_num(secs(delivery.p50_us)) + td_num(secs(delivery.p99_us)) +
           td_num(secs(delivery.max_us)) + "</tr>\n";
  }
  out += kTableEnd;
}

void replications_section(const RunResult& r, std::string& out) {
  if (r.replications.empty()) return;
  out += "<h2 id=\"replications\">Replications</h2>\n";
  replication_table(r, out);
  for (std::size_t i = 0; i < r.replications.size() && i < kMaxChartedReplications; ++i) {
    const ReplicationResult& rep = r.replications[i];
    out += "<section class=\"replication\" data-replication=\"" + html_escape(rep.id) + "\">\n<h3>" +
           html_escape(rep.id) + "</h3>\n";
    out += "<figure>\n" + render_svg_chart(lag_chart(r, rep)) + "</figure>\n";
    out += "<figure>\n" + render_svg_chart(delivery_cdf_chart(rep)) + "</figure>\n</section>\n";
  }
  if (r.replications.size() > kMaxChartedReplications) {
    out += "<p class=\"note\">Charts are drawn for the first " + std::to_string(kMaxChartedReplications) + " of " +
           std::to_string(r.replications.size()) + " replications; timeseries.csv has every one.</p>\n";
  }
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

void faults_section(const RunResult& r, std::string& out) {
  if (r.faults.empty()) return;
  out += "<h2 id=\"faults\">Faults and recovery</h2>\n";
  out += table_head({"fault", "kind", "target", "start", "end", "affected", "peak ops lag", "peak time lag",
                     "recovery time", "bootstrapped again", "writes refused", "bytes re-sent"});
  for (const FaultResult& f : r.faults) {
    out += "<tr>" + td(f.name) + td(f.kind) + td(f.target) + td_num(secs(f.start_us)) +
           td_num(f.end_us ? secs(*f.end_us) : "permanent") + td(joined(f.affected)) +
           td_num(std::to_string(f.peak_lag_ops)) + td_num(secs(f.peak_lag_time_us)) +
           td_num(f.recovery_time_us ? secs(*f.recovery_time_us) : (f.end_us ? "not recovered" : "-")) +
           td(f.rebootstrapped ? "yes" : "no") + td_num(std::to_string(f.writes_refused)) +
           td_num(std::to_string(f.bytes_resent)) + "</tr>\n";
  }
  out += kTableEnd;
}

void disasters_section(const RunResult& r, std::string& out) {
  if (r.disasters.empty()) return;
  out += "<h2 id=\"disasters\">Disasters: RPO and RTO</h2>\n";
  out += table_head({"lost domain", "at", "replication", "RPO (ops)", "RPO (time)", "RTO"});
  for (const DisasterResult& d : r.disasters) {
    const std::string rto = d.rto_us ? secs(*d.rto_us) : "no follower accepted writes";
    if (d.lost.empty())
      out += "<tr>" + td(d.domain) + td_num(secs(d.at_us)) + td("-") + td("-") + td("-") + td_num(rto) + "</tr>\n";
    for (const LostReplication& l : d.lost) {
      out += "<tr>" + td(d.domain) + td_num(secs(d.at_us)) + td(l.replication) + td_num(std::to_string(l.rpo_ops)) +
             td_num(secs(l.rpo_us)) + td_num(rto) + "</tr>\n";
    }
  }
  out += kTableEnd;
}

void steps_section(const RunResult& r, std::string& out) {
  if (r.steps.empty()) return;
  out += "<h2 id=\"steps\">Steps and expectations</h2>\n";
  out += table_head({"#", "at", "done", "on", "request", "status", "expect", "message"});
  std::size_t rows = 0;
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    const StepResult& s = r.steps[i];
    if (i >= kMaxStepRows && s.expect != "fail") continue;
    if (++rows > 2 * kMaxStepRows) break;  // thousands of failing steps: the first ones tell the story
    std::string message = html_escape(s.message);
    if (s.expect == "fail") {
      message += "<details><summary>last response</summary><pre>" + html_escape(response_text(s.body, kMaxBodyChars)) +
                 "</pre></details>";
    }
    out += std::string(s.expect == "fail" ? "<tr class=\"fail\">" : "<tr>") + td_num(std::to_string(s.index)) +
           td_num(secs(s.at_us)) + td_num(secs(s.done_us)) + td(s.on) + "<td><code>" + html_escape(s.request) +
           "</code></td>" + td_num(std::to_string(s.status)) +
           (s.expect == "fail" ? "<td><strong>fail</strong></td>" : td(s.expect)) + "<td>" + message + "</td></tr>\n";
  }
  out += kTableEnd;
  if (r.steps.size() > kMaxStepRows) {
    out += "<p class=\"note\">Steps after the first " + std::to_string(kMaxStepRows) +
           " are listed only when they failed, and at most " + std::to_string(2 * kMaxStepRows) +
           " rows in all; report.json has every step.</p>\n";
  }
}

void checks_section(const RunResult& r, std::string& out) {
  if (r.checks.empty()) return;
  out += "<h2 id=\"checks\">Checks</h2>\n";
  out += table_head({"check", "metric", "value", "limit", "result"});
  for (const CheckResult& c : r.checks) {
    std::string result = c.passed ? "pass" : "<strong>fail</strong>";
    if (!c.message.empty()) result += " (" + html_escape(c.message) + ")";
    out += std::string(c.passed ? "<tr>" : "<tr class=\"fail\">") + td(c.name) + td(c.metric) +
           td_num(c.value ? format_fixed(*c.value, 3) : "-") + td_num(c.limit_kind + " " + format_fixed(c.limit, 3)) +
           "<td>" + result + "</td></tr>\n";
  }
  out += kTableEnd;
}

void connections_section(const RunResult& r, std::string& out) {
  if (r.connections.empty()) return;
  out += "<h2 id=\"connections\">Connections</h2>\n";
  out += table_head({"alias", "from (follower)", "to (leader)", "status", "reason"});
  for (const ConnectionResult& c : r.connections) {
    out += "<tr>" + td(c.alias) + td(c.from) + td(c.to) + td(c.status) + td(c.reason) + "</tr>\n";
  }
  out += kTableEnd;
}

bool affects(const FaultResult& f, const std::string& replication_id) {
  return f.affected.empty() || std::find(f.affected.begin(), f.affected.end(), replication_id) != f.affected.end();
}

}  // namespace

Chart lag_chart(const RunResult& r, const ReplicationResult& rep) {
  const TimeUnit unit = time_unit_for(r.end_us);
  Chart c;
  c.kind = "lag";
  c.title = "Lag of " + rep.id;
  c.x.label = std::string("simulated time (") + unit.name + ")";
  c.y.label = "time lag (s)";
  c.y_right.label = "ops lag (operations)";
  ChartSeries time{"time lag (s, left axis)", "lag_time_s", {}, false, 0};
  ChartSeries ops{"ops lag (operations, right axis)", "lag_ops", {}, true, 1};
  for (const LagPoint& p : rep.series.points()) {
    const double x = static_cast<double>(p.t_us) / unit.us;
    time.points.push_back({x, static_cast<double>(p.lag_time_us) / 1e6});
    ops.points.push_back({x, static_cast<double>(p.lag_ops)});
  }
  c.series = {std::move(time), std::move(ops)};
  for (const FaultResult& f : r.faults) {
    if (!affects(f, rep.id)) continue;
    c.windows.push_back({static_cast<double>(f.start_us) / unit.us,
                         static_cast<double>(f.end_us.value_or(r.end_us)) / unit.us, f.name.empty() ? f.kind : f.name});
  }
  for (const StatusChange& s : rep.status_changes)
    c.markers.push_back({static_cast<double>(s.t_us) / unit.us, s.status});
  return c;
}

Chart delivery_cdf_chart(const ReplicationResult& rep) {
  Chart c;
  c.kind = "delivery-cdf";
  c.title = "Delivery latency of " + rep.id + " (CDF over operations)";
  c.x.label = "delivery latency (s, log scale)";
  c.x.log = true;
  c.y.label = "fraction of operations";
  ChartSeries cdf{"operations delivered within x", "delivery_cdf", {}, false, 0};
  if (rep.delivery.count() > 0) {
    // Quantiles at even steps of the fraction; a latency of 0 has no place on a log axis and is left out.
    for (int k = 1; k <= kCdfPoints; ++k) {
      const double q = static_cast<double>(k) / kCdfPoints;
      const sim_time_us v = rep.delivery.quantile_us(q);
      if (v > 0) cdf.points.push_back({static_cast<double>(v) / 1e6, q});
    }
  }
  c.series.push_back(std::move(cdf));
  return c;
}

std::string html_page_begin(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + html_escape(title) +
         "</title>\n<style>\n"
         "body{font-family:sans-serif;margin:24px auto;max-width:1000px;padding:0 16px;color:#111}\n"
         "table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}\n"
         "th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}\n"
         "th{background:#eee}\ntd.num{text-align:right;white-space:nowrap}\n"
         "tr.fail td{background:#f6dcdc}\n.verdict{font-weight:bold;padding:2px 8px;border:2px solid #111}\n"
         ".verdict.fail{background:#f6dcdc}\n.verdict.pass{background:#dcefdc}\n"
         "figure{margin:8px 0}\nsvg{max-width:100%;height:auto}\npre{white-space:pre-wrap;font-size:12px}\n"
         ".note{color:#444;font-style:italic}\n"
         "@media print{body{margin:0;max-width:none}figure,tr{break-inside:avoid}details{display:block}}\n" +
         chart_css() + "</style>\n</head>\n<body>\n";
}

std::string html_page_end() {
  return "</body>\n</html>\n";
}

std::string render_html_report(const RunResult& r) {
  std::string out = html_page_begin("ccrsim report: " + r.scenario_name);
  summary_section(r, out);
  topology_section(r, out);
  replications_section(r, out);
  faults_section(r, out);
  disasters_section(r, out);
  steps_section(r, out);
  checks_section(r, out);
  connections_section(r, out);
  out += html_page_end();
  return out;
}

}  // namespace ccrsim
