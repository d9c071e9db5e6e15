#include "reports/not_syncing_recorder.h"

#include <algorithm>

namespace ccrsim {

void NotSyncingRecorder::status_may_have_changed(const ReplicationEntry& entry, sim_time_us t_us) {
  const bool syncing = is_syncing_(entry);
  Track& t = tracks_[entry.id];
  if (syncing == t.syncing) return;
  t.syncing = syncing;
  if (!syncing) {
    t.left_us = t_us;
    return;
  }
  if (!t.first_syncing_us) {
    t.first_syncing_us = t_us;
    return;
  }
  t.outside_us += t_us - t.left_us;
}

sim_time_us NotSyncingRecorder::not_syncing_us(const ReplicationEntry& entry, sim_time_us end_us) const {
  const auto it = tracks_.find(entry.id);
  if (it == tracks_.end() || !it->second.first_syncing_us) return std::max<sim_time_us>(0, end_us - entry.started_us);
  const Track& t = it->second;
  return t.outside_us + (t.syncing ? 0 : std::max<sim_time_us>(0, end_us - t.left_us));
}

}  // namespace ccrsim
