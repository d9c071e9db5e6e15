#pragma once
// Records the metric not_syncing_s (docs/scenarios.md): how long each replication spent outside SYNCING after it
// first reached SYNCING, or, for a replication that never did, its whole run from its start. Exact to the
// instant: it listens to the model's status probe rather than the lag samples.
#include <functional>
#include <map>
#include <optional>

#include "model/replication/replication_entry.h"
#include "model/replication/replication_probe.h"
#include "sim/time.h"

namespace ccrsim {

class NotSyncingRecorder final : public ReplicationProbe {
 public:
  // Whether the entry's status is SYNCING now (ReplicationService::status_string).
  using IsSyncing = std::function<bool(const ReplicationEntry&)>;
  explicit NotSyncingRecorder(IsSyncing is_syncing) : is_syncing_(std::move(is_syncing)) {}

  void status_may_have_changed(const ReplicationEntry& entry, sim_time_us t_us) override;

  // The entry's time outside SYNCING up to end_us.
  sim_time_us not_syncing_us(const ReplicationEntry& entry, sim_time_us end_us) const;

 private:
  struct Track {
    std::optional<sim_time_us> first_syncing_us;
    bool syncing = false;
    sim_time_us left_us = 0;     // when it last left SYNCING (while !syncing, after first_syncing_us)
    sim_time_us outside_us = 0;  // closed stretches outside SYNCING since first_syncing_us
  };

  IsSyncing is_syncing_;
  std::map<int, Track> tracks_;  // by entry id
};

}  // namespace ccrsim
