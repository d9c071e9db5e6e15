#pragma once
// Retention leases the plugin holds on leader shards (docs/replication.md "Timing comes from the mechanisms"), one per
// (leader shard, follower shard). Leases belong to the leader index *instance* (its uuid): deleting and recreating the
// leader loses them. Expiry is lazy: a lease is alive while now - last renewal <= the leader index's
// index.soft_deletes.retention_lease.period.
#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "model/world.h"

namespace ccrsim {

struct LeaseKey {
  DomainId leader_domain = 0;
  std::string leader_index_uuid;
  int shard = 0;
  DomainId follower_domain = 0;
  std::string follower_index;

  auto tie() const { return std::tie(leader_domain, leader_index_uuid, shard, follower_domain, follower_index); }
  bool operator<(const LeaseKey& o) const { return tie() < o.tie(); }
};

struct Lease {
  std::int64_t retaining_seq_no = -1;  // -1: RETAIN_ALL (bootstrap)
  sim_time_us renewed_us = 0;
};

class RetentionLeases {
 public:
  void add(const LeaseKey& key, std::int64_t retaining_seq_no, sim_time_us now_us);
  // Renews a live lease; false (and the lease is dropped) if it is missing or expired.
  bool renew(const LeaseKey& key, std::int64_t retaining_seq_no, sim_time_us now_us, sim_time_us period_us);
  bool alive(const LeaseKey& key, sim_time_us now_us, sim_time_us period_us) const;
  void remove(const LeaseKey& key) {
    leases_.erase(key);
    ++epoch_;
  }
  // The lease itself (nullptr if absent); valid while epoch() is unchanged.
  Lease* find(const LeaseKey& key);
  // Changes whenever a lease is added or removed.
  std::uint64_t epoch() const { return epoch_; }
  // Whether any live-or-not lease of the plugin exists on this leader shard (leader stats include only those).
  bool any_on(DomainId leader_domain, const std::string& leader_index_uuid, int shard) const;
  const std::map<LeaseKey, Lease>& all() const { return leases_; }

 private:
  std::map<LeaseKey, Lease> leases_;
  std::uint64_t epoch_ = 0;
};

// Lease id as the plugin names it: replication:<followerClusterName>:<followerClusterUUID>:[<followerIndex>][<n>].
std::string lease_id(const std::string& follower_cluster_name, const std::string& follower_cluster_uuid,
                     const std::string& follower_index, int shard);

}  // namespace ccrsim
