#pragma once
// The JSON and numbers a replication is seen through: the _status body (GET _plugins/_replication/<index>/_status),
// the status string, and the checkpoint sums and lags the report samples. Reads only; the service owns the entries.
#include <cstdint>
#include <string>

#include "model/replication/replication_entry.h"
#include "model/replication/replication_transport.h"
#include "model/rest/rest_response.h"
#include "model/world.h"

namespace ccrsim {

class Index;

// One sample of a replication for the report's lag series (docs/reports.md): taken every sample_interval.
struct ReplicationSample {
  std::string status;    // as status_string()
  bool running = false;  // BOOTSTRAPPING or SYNCING (or the transient RUNNING): percentiles use these samples
  std::int64_t leader_checkpoint = 0;
  std::int64_t follower_checkpoint = 0;
  std::int64_t lag_ops = 0;
  sim_time_us lag_time_us = 0;
};

class ReplicationStatusView {
 public:
  ReplicationStatusView(World& world, ReplicationTransport& transport) : world_(world), transport_(transport) {}

  // The _status answer on `follower` for `entry`, the index's active replication (nullptr: none).
  RestResponse status(const ReplicationEntry* entry, DomainId follower, bool verbose);
  // The _status string now: SYNCING, BOOTSTRAPPING, PAUSED, FAILED, RUNNING; STOPPED after a stop.
  std::string status_string(const ReplicationEntry& entry) const;
  // Σ leader global checkpoints and Σ follower checkpoints over primaries, as _status sums them.
  std::int64_t leader_checkpoint(const ReplicationEntry& entry);
  std::int64_t follower_checkpoint(const ReplicationEntry& entry) const;
  // now minus the leader write time of the oldest operation not yet applied on the follower; 0 when caught up.
  sim_time_us time_lag_us(const ReplicationEntry& entry);
  // Everything the sampler needs, in one call.
  ReplicationSample sample(const ReplicationEntry& entry);

 private:
  json running_status(const ReplicationEntry& entry, bool verbose);
  // The leader index this replication follows, writes caught up; nullptr if gone or another instance.
  const Index* replicated_leader(const ReplicationEntry& entry);

  World& world_;
  ReplicationTransport& transport_;
};

}  // namespace ccrsim
