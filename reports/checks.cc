#include "reports/checks.h"

#include <algorithm>
#include <cmath>

namespace ccrsim {

namespace {

double percentile_s(const DeliveryHistogram& h, const std::string& which) {
  if (which == "max") return to_seconds(h.max_us());
  const double q = which == "p50" ? 0.50 : which == "p95" ? 0.95 : 0.99;
  return to_seconds(h.quantile_us(q));
}

double percentile_count(const DeliveryHistogram& h, const std::string& which) {
  if (which == "max") return static_cast<double>(h.max_us());
  const double q = which == "p50" ? 0.50 : which == "p95" ? 0.95 : 0.99;
  return static_cast<double>(h.quantile_us(q));
}

bool passes(CheckBound bound, double value, double limit) {
  switch (bound) {
    case CheckBound::kMax:
      return value <= limit;
    case CheckBound::kMin:
      return value >= limit;
    case CheckBound::kEq:
      return std::fabs(value - limit) <= 1e-9 * std::max(1.0, std::fabs(limit));
  }
  return false;
}

const char* bound_name(CheckBound bound) {
  switch (bound) {
    case CheckBound::kMax:
      return "max";
    case CheckBound::kMin:
      return "min";
    case CheckBound::kEq:
      return "eq";
  }
  return "max";
}

}  // namespace

std::int64_t total_writes_rejected(const RunResult& result) {
  std::int64_t n = 0;
  for (const WorkloadResult& w : result.workloads) n += w.writes_rejected;
  return n;
}

std::optional<double> replication_metric(const std::string& metric, const ReplicationResult& r) {
  auto suffix = [&](const std::string& prefix) { return metric.substr(prefix.size()); };
  if (metric.rfind("lag_time_", 0) == 0) return percentile_s(r.lag_time, suffix("lag_time_"));
  if (metric.rfind("lag_ops_", 0) == 0) return percentile_count(r.lag_ops, suffix("lag_ops_"));
  if (metric.rfind("delivery_", 0) == 0) return percentile_s(r.delivery, suffix("delivery_"));
  if (metric == "ops_replicated") return static_cast<double>(r.ops_replicated);
  if (metric == "bootstrap_time") {
    if (!r.bootstrap_us) return std::nullopt;
    return to_seconds(*r.bootstrap_us);
  }
  return std::nullopt;
}

namespace {

// recovery_time (per fault), rpo_ops / rpo_time (per lost replication), rto (per disaster): the values a check
// compares, filtered by its `fault:` and `replication:`. nullopt entries are things that never recovered.
std::vector<std::optional<double>> fault_metric_values(const CheckSpec& spec, const RunResult& result) {
  std::vector<std::optional<double>> values;
  if (spec.metric == "recovery_time") {
    for (const FaultResult& f : result.faults) {
      if (spec.fault && *spec.fault != f.name) continue;
      if (!f.end_us) continue;  // permanent: nothing to recover from
      if (spec.replication && std::find(f.affected.begin(), f.affected.end(), *spec.replication) == f.affected.end()) {
        continue;
      }
      values.push_back(f.recovery_time_us ? std::optional<double>(to_seconds(*f.recovery_time_us)) : std::nullopt);
    }
    return values;
  }
  for (const DisasterResult& d : result.disasters) {
    if (spec.metric == "rto") {
      values.push_back(d.rto_us ? std::optional<double>(to_seconds(*d.rto_us)) : std::nullopt);
      continue;
    }
    for (const LostReplication& l : d.lost) {
      if (spec.replication && *spec.replication != l.replication) continue;
      values.push_back(spec.metric == "rpo_ops" ? static_cast<double>(l.rpo_ops) : to_seconds(l.rpo_us));
    }
  }
  return values;
}

bool is_fault_metric(const std::string& metric) {
  return metric == "recovery_time" || metric == "rpo_ops" || metric == "rpo_time" || metric == "rto";
}

CheckResult evaluate_fault_check(const CheckSpec& spec, const RunResult& result, CheckResult c) {
  const std::vector<std::optional<double>> values = fault_metric_values(spec, result);
  if (values.empty()) {
    c.passed = false;
    c.message = spec.fault ? "no ended fault " + *spec.fault + " to measure" : "nothing to measure";
    return c;
  }
  for (const std::optional<double>& v : values) {
    if (!v) {
      c.value.reset();
      c.passed = false;
      c.message = spec.metric == "rto" ? "no follower accepted writes before the run ended"
                                       : "did not recover before the run ended";
      return c;
    }
    if (!c.value || (spec.bound == CheckBound::kMin ? *v < *c.value : *v > *c.value)) c.value = v;
  }
  c.passed = passes(spec.bound, *c.value, spec.limit);
  return c;
}

}  // namespace

std::vector<CheckResult> evaluate_checks(const std::vector<CheckSpec>& specs, const RunResult& result) {
  std::vector<CheckResult> out;
  out.reserve(specs.size());
  for (const CheckSpec& spec : specs) {
    CheckResult c;
    c.name = spec.name.empty() ? spec.metric : spec.name;
    c.metric = spec.metric;
    c.limit_kind = bound_name(spec.bound);
    c.limit = spec.limit;
    if (is_fault_metric(spec.metric)) {
      out.push_back(evaluate_fault_check(spec, result, std::move(c)));
      continue;
    }
    if (spec.metric == "writes_rejected") {  // the whole run's, over every workload entry
      c.value = static_cast<double>(total_writes_rejected(result));
      c.passed = passes(spec.bound, *c.value, spec.limit);
      out.push_back(std::move(c));
      continue;
    }
    std::optional<double> worst;
    for (const ReplicationResult& r : result.replications) {
      if (spec.replication && *spec.replication != r.id) continue;
      const std::optional<double> v = replication_metric(spec.metric, r);
      if (!v) continue;
      if (!worst) {
        worst = v;
      } else if (spec.bound == CheckBound::kMin) {
        worst = std::min(*worst, *v);
      } else {
        worst = std::max(*worst, *v);
      }
    }
    c.value = worst;
    if (!worst) {
      c.passed = false;
      c.message =
          spec.replication ? "no replication " + *spec.replication + " to measure" : "no replication to measure";
    } else {
      c.passed = passes(spec.bound, *worst, spec.limit);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ccrsim
