#include "reports/metric_values.h"

#include <array>
#include <cstdint>

#include "reports/checks.h"

namespace ccrsim {

namespace {

using Scope = MetricScope;

template <sim_time_us TimeQuantiles::*field>
std::optional<double> lag_time(const ReplicationResult& r) {
  return to_seconds(r.summary().lag_time.*field);
}
template <std::int64_t CountQuantiles::*field>
std::optional<double> lag_ops(const ReplicationResult& r) {
  return static_cast<double>(r.summary().lag_ops.*field);
}
template <sim_time_us TimeQuantiles::*field>
std::optional<double> delivery(const ReplicationResult& r) {
  return to_seconds(r.summary().delivery.*field);
}

std::optional<double> seconds_or_nothing(const std::optional<sim_time_us>& t_us) {
  return t_us ? std::optional<double>(to_seconds(*t_us)) : std::nullopt;
}

constexpr std::array kBindings = {
    MetricBinding{.name = "lag_time_p50", .of_replication = lag_time<&TimeQuantiles::p50_us>},
    MetricBinding{.name = "lag_time_p95", .of_replication = lag_time<&TimeQuantiles::p95_us>},
    MetricBinding{.name = "lag_time_p99", .of_replication = lag_time<&TimeQuantiles::p99_us>},
    MetricBinding{.name = "lag_time_max", .of_replication = lag_time<&TimeQuantiles::max_us>},
    MetricBinding{.name = "lag_ops_p50", .of_replication = lag_ops<&CountQuantiles::p50>},
    MetricBinding{.name = "lag_ops_p95", .of_replication = lag_ops<&CountQuantiles::p95>},
    MetricBinding{.name = "lag_ops_p99", .of_replication = lag_ops<&CountQuantiles::p99>},
    MetricBinding{.name = "lag_ops_max", .of_replication = lag_ops<&CountQuantiles::max>},
    MetricBinding{.name = "delivery_p50", .of_replication = delivery<&TimeQuantiles::p50_us>},
    MetricBinding{.name = "delivery_p95", .of_replication = delivery<&TimeQuantiles::p95_us>},
    MetricBinding{.name = "delivery_p99", .of_replication = delivery<&TimeQuantiles::p99_us>},
    MetricBinding{.name = "delivery_max", .of_replication = delivery<&TimeQuantiles::max_us>},
    MetricBinding{.name = "bootstrap_time",
                  .of_replication = [](const ReplicationResult& r) { return seconds_or_nothing(r.bootstrap_us); }},
    MetricBinding{.name = "recovery_time",
                  .scope = Scope::kFault,
                  .of_fault = [](const FaultResult& f) { return seconds_or_nothing(f.recovery_time_us); }},
    MetricBinding{.name = "rpo_ops",
                  .scope = Scope::kLostReplication,
                  .of_lost = [](const LostReplication& l) { return static_cast<double>(l.rpo_ops); }},
    MetricBinding{.name = "rpo_time",
                  .scope = Scope::kLostReplication,
                  .of_lost = [](const LostReplication& l) { return to_seconds(l.rpo_us); }},
    MetricBinding{.name = "rto",
                  .scope = Scope::kDisaster,
                  .of_disaster = [](const DisasterResult& d) { return seconds_or_nothing(d.rto_us); }},
    MetricBinding{
        .name = "ops_replicated",
        .of_replication =
            [](const ReplicationResult& r) { return std::optional<double>(static_cast<double>(r.ops_replicated)); }},
    MetricBinding{.name = "writes_rejected",
                  .scope = Scope::kRun,
                  .of_run = [](const RunResult& r) { return static_cast<double>(total_writes_rejected(r)); }},
    // Recorded by reports/not_syncing_recorder.h.
    MetricBinding{.name = "not_syncing_s",
                  .of_replication = [](const ReplicationResult& r) { return seconds_or_nothing(r.not_syncing_us); }},
};

}  // namespace

std::span<const MetricBinding> metric_bindings() {
  return kBindings;
}

const MetricBinding* find_metric_binding(std::string_view name) {
  for (const MetricBinding& b : kBindings) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

}  // namespace ccrsim
