#pragma once
// Samples every replication's lag each sample_interval (docs/architecture.md "How a metric is measured") into its
// recorders, and turns the replication service's entries into the report's ReplicationResults at the end of a run.
// One event per interval for all replications together.
#include <cstdint>
#include <functional>
#include <vector>

#include "model/replication/replication_service.h"
#include "reports/lag_recorder.h"
#include "reports/not_syncing_recorder.h"
#include "reports/run_result.h"
#include "sim/event_queue.h"
#include "sim/simulator.h"

namespace ccrsim {

class ReplicationSampler final : public EventTarget {
 public:
  ReplicationSampler(Simulator& sim, ReplicationService& service, sim_time_us interval_us);
  ~ReplicationSampler() override;
  ReplicationSampler(const ReplicationSampler&) = delete;
  ReplicationSampler& operator=(const ReplicationSampler&) = delete;

  // First sample one interval from now.
  void start();
  // Takes a sample of every replication now (also used for the last point at the end of the run).
  void sample_now();
  // Told about every sample of a live replication, and once after all replications of a sample (faults, invariants).
  using Observer = std::function<void(const ReplicationEntry&, const ReplicationSample&)>;
  void set_observer(Observer on_sample, std::function<void()> after_sample) {
    on_sample_ = std::move(on_sample);
    after_sample_ = std::move(after_sample);
  }
  // One result per replication entry, in start order.
  std::vector<ReplicationResult> results();

  void on_event(std::uint64_t arg) override;

 private:
  Simulator& sim_;
  ReplicationService& service_;
  sim_time_us interval_us_;
  EventHandle next_;
  LagRecorder lag_;
  NotSyncingRecorder not_syncing_;  // registered with the service as a probe for the sampler's life
  Observer on_sample_;
  std::function<void()> after_sample_;
};

}  // namespace ccrsim
