#pragma once
// How each metric of the catalogue (scenario/metric_catalogue.h) gets its value: one binding per catalogue entry,
// so checks, sweeps and the capacity search read every metric through the one lookup metric_binding(). A new
// metric is a catalogue entry, a binding here and the recorder that measures it (docs/architecture.md).
#include <optional>
#include <span>
#include <string_view>

#include "reports/run_result.h"

namespace ccrsim {

// What a metric is measured on, and so which of a binding's functions is set.
enum class MetricScope {
  kReplication,      // one value per replication
  kFault,            // one per fault window that ended
  kLostReplication,  // one per replication lost with its leader domain
  kDisaster,         // one per domain_lost fault
  kRun,              // one for the whole run
};

struct MetricBinding {
  std::string_view name;
  MetricScope scope = MetricScope::kReplication;
  // nullopt: nothing measured for this replication (it is left out).
  std::optional<double> (*of_replication)(const ReplicationResult&) = nullptr;
  // nullopt: the fault's replications did not recover before the run ended.
  std::optional<double> (*of_fault)(const FaultResult&) = nullptr;
  double (*of_lost)(const LostReplication&) = nullptr;
  // nullopt: no follower accepted writes before the run ended.
  std::optional<double> (*of_disaster)(const DisasterResult&) = nullptr;
  double (*of_run)(const RunResult&) = nullptr;
};

// Every binding, in catalogue order.
std::span<const MetricBinding> metric_bindings();
// The binding of a catalogue metric; nullptr for a name the catalogue does not hold.
const MetricBinding* find_metric_binding(std::string_view name);

}  // namespace ccrsim
