#pragma once
// One replication as the report sees it (docs/scenario-format.md §6.2): created by a start, kept across pause and
// resume, closed by a stop (a later start makes a new entry). Holds the metadata-store facts (overall state, reason,
// overrides), the running index task, and the metrics the report writer reads.
#include <cstdint>
#include <memory>
#include <string>

#include "model/replication/replication_state.h"
#include "sim/json.h"
#include "sim/network/network.h"
#include "sim/stats/time_histogram.h"
#include "sim/time.h"

namespace ccrsim {

class IndexReplicationTask;

struct ReplicationEntry {
  int id = 0;
  DomainId follower_domain = 0;
  std::string follower_index;
  DomainId leader_domain = 0;
  std::string leader_alias;
  std::string leader_index;
  std::string leader_index_uuid;  // the leader index instance replicated (leases belong to it)
  std::string started_by = "request";
  // use_roles of the start: the roles the background requests run as on the leader and the follower.
  std::string leader_cluster_role;
  std::string follower_cluster_role;

  // Metadata store (docs/replication.md "States"): overall state and reason; kNone once stopped.
  OverallState overall = OverallState::kRunning;
  std::string reason = "User initiated";
  json settings_overrides = json::object();  // `settings` of the start request / `_update`, flat dotted keys
  bool stopped = false;

  // Metrics.
  sim_time_us started_us = 0;
  sim_time_us bootstrap_start_us = -1;
  sim_time_us bootstrap_end_us = -1;  // -1 while bootstrapping (or never finished)
  std::int64_t ops_replicated = 0;    // operations applied by change replay (not the bootstrap copy)
  TimeHistogram delivery;             // per operation replayed: leader write to follower replay
  // Bytes that crossed (or started to cross) the link and had to be fetched again: GetChanges responses and
  // bootstrap chunks lost in flight. A fault's `bytes_resent` adds these up with the re-bootstrap copies.
  std::int64_t bytes_lost_in_flight = 0;
  std::int64_t bytes_bootstrapped = 0;  // chunk bytes the current (latest) bootstrap copied

  // The follower domain is down (fault): the task stopped with it and resumes from the persisted state when the
  // domain is back (replication_outages.cc). `suspended_restoring`: it was bootstrapping then.
  bool suspended = false;
  bool suspended_restoring = false;

  // The live index task (null while PAUSED, FAILED, stopped or suspended).
  std::unique_ptr<IndexReplicationTask> task;

  double bootstrap_s() const {
    return bootstrap_end_us < 0 || bootstrap_start_us < 0 ? -1.0 : to_seconds(bootstrap_end_us - bootstrap_start_us);
  }
};

}  // namespace ccrsim
