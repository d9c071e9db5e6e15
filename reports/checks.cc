#include "reports/checks.h"

#include <algorithm>
#include <cmath>

#include "reports/metric_values.h"

namespace ccrsim {

namespace {

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
  const MetricBinding* b = find_metric_binding(metric);
  if (b == nullptr || b->scope != MetricScope::kReplication) return std::nullopt;
  return b->of_replication(r);
}

namespace {

// The values a fault, lost-replication or disaster check compares, filtered by its `fault:` and `replication:`.
// nullopt entries are things that never recovered.
std::vector<std::optional<double>> fault_metric_values(const CheckSpec& spec, const MetricBinding& b,
                                                       const RunResult& result) {
  std::vector<std::optional<double>> values;
  if (b.scope == MetricScope::kFault) {
    for (const FaultResult& f : result.faults) {
      if (spec.fault && *spec.fault != f.name) continue;
      if (!f.end_us) continue;  // permanent: nothing to recover from
      if (spec.replication && std::find(f.affected.begin(), f.affected.end(), *spec.replication) == f.affected.end()) {
        continue;
      }
      values.push_back(b.of_fault(f));
    }
    return values;
  }
  for (const DisasterResult& d : result.disasters) {
    if (b.scope == MetricScope::kDisaster) {
      values.push_back(b.of_disaster(d));
      continue;
    }
    for (const LostReplication& l : d.lost) {
      if (spec.replication && *spec.replication != l.replication) continue;
      values.push_back(b.of_lost(l));
    }
  }
  return values;
}

CheckResult evaluate_fault_check(const CheckSpec& spec, const MetricBinding& b, const RunResult& result,
                                 CheckResult c) {
  const std::vector<std::optional<double>> values = fault_metric_values(spec, b, result);
  if (values.empty()) {
    c.passed = false;
    c.message = spec.fault ? "no ended fault " + *spec.fault + " to measure" : "nothing to measure";
    return c;
  }
  for (const std::optional<double>& v : values) {
    if (!v) {
      c.value.reset();
      c.passed = false;
      c.message = b.scope == MetricScope::kDisaster ? "no follower accepted writes before the run ended"
                                                    : "did not recover before the run ended";
      return c;
    }
    if (!c.value || (spec.bound == CheckBound::kMin ? *v < *c.value : *v > *c.value)) c.value = v;
  }
  c.passed = passes(spec.bound, *c.value, spec.limit);
  return c;
}

// A replication metric: the worst over the replications the check names (all of them without `replication:`).
CheckResult evaluate_replication_check(const CheckSpec& spec, const RunResult& result, CheckResult c) {
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
    c.message = spec.replication ? "no replication " + *spec.replication + " to measure" : "no replication to measure";
  } else {
    c.passed = passes(spec.bound, *worst, spec.limit);
  }
  return c;
}

CheckResult evaluate_check(const CheckSpec& spec, const RunResult& result) {
  CheckResult c;
  c.name = spec.name.empty() ? spec.metric : spec.name;
  c.metric = spec.metric;
  c.limit_kind = bound_name(spec.bound);
  c.limit = spec.limit;
  const MetricBinding* b = find_metric_binding(spec.metric);
  if (b == nullptr || b->scope == MetricScope::kReplication) return evaluate_replication_check(spec, result, c);
  if (b->scope == MetricScope::kRun) {
    c.value = b->of_run(result);
    c.passed = passes(spec.bound, *c.value, spec.limit);
    return c;
  }
  return evaluate_fault_check(spec, *b, result, std::move(c));
}

}  // namespace

std::vector<CheckResult> evaluate_checks(const std::vector<CheckSpec>& specs, const RunResult& result) {
  std::vector<CheckResult> out;
  out.reserve(specs.size());
  for (const CheckSpec& spec : specs) out.push_back(evaluate_check(spec, result));
  return out;
}

}  // namespace ccrsim
