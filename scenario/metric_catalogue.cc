#include "scenario/metric_catalogue.h"

#include <array>
#include <cstddef>

namespace ccrsim {

namespace {

constexpr MetricKind kTime = MetricKind::kTime;
constexpr MetricKind kCount = MetricKind::kCount;

constexpr std::array kCatalogue = {
    MetricInfo{"lag_time_p50", kTime, "median time lag of the leader's acknowledged writes"},
    MetricInfo{"lag_time_p95", kTime, "95th percentile of the time lag"},
    MetricInfo{"lag_time_p99", kTime, "99th percentile of the time lag"},
    MetricInfo{"lag_time_max", kTime, "largest time lag sampled"},
    MetricInfo{"lag_ops_p50", kCount, "median operations lag (leader checkpoint minus follower checkpoint)"},
    MetricInfo{"lag_ops_p95", kCount, "95th percentile of the operations lag"},
    MetricInfo{"lag_ops_p99", kCount, "99th percentile of the operations lag"},
    MetricInfo{"lag_ops_max", kCount, "largest operations lag sampled"},
    MetricInfo{"delivery_p50", kTime, "median time from a write on the leader to its replay on the follower"},
    MetricInfo{"delivery_p95", kTime, "95th percentile of the delivery time"},
    MetricInfo{"delivery_p99", kTime, "99th percentile of the delivery time"},
    MetricInfo{"delivery_max", kTime, "longest delivery time"},
    MetricInfo{"bootstrap_time", kTime, "time from start to SYNCING (the remote restore)"},
    MetricInfo{"recovery_time", kTime,
               "time from a fault's end until every affected replication holds the leader checkpoint of that instant"},
    MetricInfo{"rpo_ops", kCount, "operations lag of a replication at the loss of its leader domain"},
    MetricInfo{"rpo_time", kTime, "time lag of a replication at the loss of its leader domain"},
    MetricInfo{"rto", kTime, "time from a leader domain's loss until every follower index it led accepts writes"},
    MetricInfo{"ops_replicated", kCount, "operations replayed on the follower"},
    MetricInfo{"writes_rejected", kCount, "synthetic writes the leader refused (429), the run's total"},
    MetricInfo{"not_syncing_s", kTime,
               "time a replication spent outside SYNCING after it first reached SYNCING; its whole run (from its "
               "start) if it never did"},
};

}  // namespace

std::span<const MetricInfo> metric_catalogue() {
  return kCatalogue;
}

const MetricInfo* find_metric(std::string_view name) {
  for (const MetricInfo& m : kCatalogue) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const std::vector<std::string>& check_metric_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const MetricInfo& m : kCatalogue) all.emplace_back(m.name);
    return all;
  }();
  return names;
}

bool is_time_metric_name(std::string_view metric) {
  const MetricInfo* m = find_metric(metric);
  return m != nullptr && m->kind == MetricKind::kTime;
}

}  // namespace ccrsim
