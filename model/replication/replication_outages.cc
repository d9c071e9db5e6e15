// What domain and node outages do to the replications of a follower domain (faults, docs/scenario-format.md §4.6): the
// plugin's persistent tasks stop with the domain and resume from the persisted state (the metadata store's overall
// state and the follower index) when it is back; shard tasks on a lost node restart on the node that takes the shard.
#include "model/domain.h"
#include "model/index.h"
#include "model/replication/replication_service.h"

namespace ccrsim {

void ReplicationService::domain_down(DomainId domain) {
  for (auto& entry : entries_) {
    ReplicationEntry& e = *entry;
    if (e.stopped || e.follower_domain != domain || e.task == nullptr) continue;
    e.suspended = true;
    e.suspended_restoring = e.task->restore_in_progress();
    retire_task(e);
  }
}

void ReplicationService::domain_up(DomainId domain) {
  for (auto& entry : entries_) {
    ReplicationEntry& e = *entry;
    if (e.follower_domain != domain || !e.suspended) continue;
    e.suspended = false;
    if (e.stopped || e.overall != OverallState::kRunning) continue;
    if (e.suspended_restoring) {
      // The remote restore does not survive its cluster going away (simulator-defined reason text).
      fail(e, "Bootstrap interrupted: the follower domain was down during the restore");
      continue;
    }
    e.task = std::make_unique<IndexReplicationTask>(ctx_, e);
    e.task->start();  // the follower index exists: INIT_FOLLOW, shard tasks renew their leases or auto-pause
  }
}

void ReplicationService::follower_nodes_lost(DomainId domain, sim_time_us promoted_at_us) {
  Domain& d = world_.domain(domain);
  for (auto& entry : entries_) {
    if (entry->follower_domain != domain || entry->task == nullptr) continue;
    const Index* follower = d.find_index(entry->follower_index);
    if (follower == nullptr) continue;
    std::vector<int> lost;
    for (int s = 0; s < follower->number_of_shards(); ++s) {
      if (!d.primary_available(*follower, s, world_.now())) lost.push_back(s);
    }
    const bool node_left = d.nodes_down() < d.spec().instance_count;
    const bool replica_left = follower->number_of_replicas() > 0 && node_left;
    entry->task->shards_lost(lost, replica_left ? promoted_at_us : kTimeNever);
    // A shard still being restored is restored again from scratch on a node that is left, once the cluster
    // manager noticed the loss (replicas do not matter: they recover from the primary after its restore).
    entry->task->restores_lost(lost, node_left ? promoted_at_us : kTimeNever);
  }
}

void ReplicationService::domain_nodes_back(DomainId domain) {
  for (auto& entry : entries_) {
    if (entry->follower_domain == domain && entry->task != nullptr) entry->task->restart_lost_shards_now();
  }
}

}  // namespace ccrsim
