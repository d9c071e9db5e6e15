#pragma once
// What index and shard tasks share with the service that owns them: the world, the transport, the lease store,
// leader-side stats and the service's control hooks (auto-pause, fail, state changes). Tasks never own anything
// here; the service outlives every task.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "model/replication/replication_entry.h"
#include "model/replication/replication_probe.h"
#include "model/replication/replication_transport.h"
#include "model/replication/retention_leases.h"
#include "model/replication/seq_range.h"
#include "model/world.h"

namespace ccrsim {

// Leader-side counters of one leader shard (RemoteClusterStats), cumulative since start.
struct LeaderShardStats {
  std::int64_t operations_read = 0;
  std::int64_t bytes_read = 0;
  std::int64_t read_time_us = 0;
  sim_time_us last_fetch_us = -1;
  sim_time_us read_busy_until_us = 0;  // when the primary finishes the GetChanges reads queued so far (not a stat)
};

// A scripted fault for one GetChanges answer (tests; the randomized replay tests inject these).
struct GetChangesFault {
  int status = 0;                        // 0: answer normally; 5xx / 429 retried by the retry helper; 4xx fatal
  std::int64_t truncate_to = INT64_MAX;  // answer at most up to this seq_no (short responses)
};
using GetChangesFaultHook = std::function<GetChangesFault(const ReplicationEntry&, int shard, SeqRange requested)>;

class ReplicationControl {
 public:
  virtual ~ReplicationControl() = default;
  // The index task saw failed shard tasks: pause with this reason (the auto-pause).
  virtual void auto_pause(ReplicationEntry& entry, const std::string& reason) = 0;
  // The restore failed: overall FAILED with this reason.
  virtual void fail(ReplicationEntry& entry, const std::string& reason) = 0;
  // The index task moved (API waiters for RESTORING / FOLLOWING).
  virtual void task_state_changed(ReplicationEntry& entry) = 0;
  // The leader index was deleted and plugins.replication.replicate.delete_index is on (3.3+): internal stop, and
  // the follower index is deleted.
  virtual void complete_after_leader_deleted(ReplicationEntry& entry) = 0;
};

struct ReplicationContext {
  World& world;
  ReplicationTransport& transport;
  ReplicationControl& control;
  RetentionLeases leases;
  // leader domain -> leader index name -> shard -> stats
  std::map<DomainId, std::map<std::string, std::map<int, LeaderShardStats>>> leader_stats;
  GetChangesFaultHook get_changes_fault;
  ReplicationProbes probes;  // measurement observers (reports/); never change the simulation

  ReplicationContext(World& w, ReplicationTransport& t, ReplicationControl& c) : world(w), transport(t), control(c) {}
  Simulator& sim() { return world.sim(); }
  sim_time_us now() const { return world.now(); }
};

// The follower cluster's name as leases and lease ids print it: "<account>:<domain>" on Amazon OpenSearch Service.
std::string follower_cluster_name(const Domain& follower);
LeaseKey lease_key(const ReplicationEntry& entry, int shard);

}  // namespace ccrsim
