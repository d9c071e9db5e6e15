#include "scenario/checks_reader.h"

#include <vector>

#include "scenario/metric_catalogue.h"
#include "scenario/scenario_limits.h"
#include "sim/units.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void ChecksReader::read(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "checks", lim::kMaxListEntries);
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) read_check((*items)[i], i);
}

void ChecksReader::read_check(const YAML::Node& node, std::size_t index) {
  const std::string ctx = "checks[" + std::to_string(index) + "]";
  auto f = read_map(node, {}, ctx, {"name", "metric", "replication", "fault", "max", "min", "eq"}, "in " + ctx);
  if (!f) return;
  CheckSpec check;
  check.pos = f->pos;
  read_metric(*f, ctx, check);
  if (const Entry* n = f->get("name")) {
    if (auto v = read_string(*n)) check.name = *v;
  } else {
    check.name = check.metric;
  }
  read_scope(*f, check);
  read_bound(*f, check);
  s_.checks.push_back(std::move(check));
}

void ChecksReader::read_metric(const Fields& f, const std::string& ctx, CheckSpec& check) {
  const Entry* m = require(f, "metric", "in " + ctx);
  if (m == nullptr) return;
  auto v = read_string(*m);
  if (!v) return;
  if (find_metric(*v) == nullptr) {
    error(m->value_pos, "unknown metric " + in_quotes(*v) + " (metrics are: " + join(check_metric_names(), 100) + ")");
  } else {
    check.metric = *v;
    check.limit_is_time = is_time_metric_name(*v);
  }
}

// The replication or fault a check is about.
void ChecksReader::read_scope(const Fields& f, CheckSpec& check) {
  if (const Entry* r = f.get("replication")) {
    if (auto v = read_string(*r)) {
      const std::size_t slash = v->find('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == v->size()) {
        error(r->value_pos, "replication must look like 'follower-domain/follower-index', got " + in_quotes(*v));
      } else if (const std::string domain = v->substr(0, slash); !contains(domain_names_, domain)) {
        error(r->value_pos, "unknown domain " + in_quotes(domain) + " (domains are: " + join(domain_names_) + ")");
      } else {
        check.replication = *v;
      }
    }
  }
  if (const Entry* fa = f.get("fault")) {
    if (auto v = read_string(*fa)) {
      std::vector<std::string> fault_names;
      for (const FaultSpec& fault : s_.faults) fault_names.push_back(fault.name);
      if (!contains(fault_names, *v)) {
        error(fa->value_pos,
              "unknown fault " + in_quotes(*v) +
                  (fault_names.empty() ? " (there are no faults)" : " (faults are: " + join(fault_names) + ")"));
      } else {
        check.fault = *v;
      }
    }
  }
}

void ChecksReader::read_bound(const Fields& f, CheckSpec& check) {
  const Entry* bound = nullptr;
  for (const char* key : {"max", "min", "eq"}) {
    const Entry* b = f.get(key);
    if (!b) continue;
    if (bound) {
      error(b->key_pos,
            "a check has exactly one of max, min or eq, got " + in_quotes(bound->key) + " and " + in_quotes(key));
      continue;
    }
    bound = b;
  }
  if (!bound) {
    error(f.pos, "a check needs one of max, min or eq");
    return;
  }
  check.bound = bound->key == "max" ? CheckBound::kMax : bound->key == "min" ? CheckBound::kMin : CheckBound::kEq;
  if (check.metric.empty()) {
    // The metric is unknown, so the kind of limit is too; the metric's error says enough.
  } else if (check.limit_is_time) {
    if (auto v = read_duration(*bound)) check.limit = to_seconds(*v);
  } else if (auto v = read_number(*bound)) {
    if (*v < 0) {
      error(bound->value_pos, bound->key + " must not be negative, got " + describe(bound->value));
    } else {
      check.limit = *v;
    }
  }
}

}  // namespace ccrsim::reader
