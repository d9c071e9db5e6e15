#include "model/replication/retention_leases.h"

#include <algorithm>

namespace ccrsim {

void RetentionLeases::add(const LeaseKey& key, std::int64_t retaining_seq_no, sim_time_us now_us) {
  leases_[key] = Lease{retaining_seq_no, now_us};
  ++epoch_;
}

Lease* RetentionLeases::find(const LeaseKey& key) {
  auto it = leases_.find(key);
  return it == leases_.end() ? nullptr : &it->second;
}

bool RetentionLeases::renew(const LeaseKey& key, std::int64_t retaining_seq_no, sim_time_us now_us,
                            sim_time_us period_us) {
  if (!alive(key, now_us, period_us)) {
    remove(key);
    return false;
  }
  Lease& lease = leases_[key];
  lease.retaining_seq_no = std::max(lease.retaining_seq_no, retaining_seq_no);
  lease.renewed_us = now_us;
  return true;
}

bool RetentionLeases::alive(const LeaseKey& key, sim_time_us now_us, sim_time_us period_us) const {
  auto it = leases_.find(key);
  return it != leases_.end() && now_us - it->second.renewed_us <= period_us;
}

bool RetentionLeases::any_on(DomainId leader_domain, const std::string& leader_index_uuid, int shard) const {
  for (const auto& [key, lease] : leases_) {
    (void)lease;
    if (key.leader_domain == leader_domain && key.leader_index_uuid == leader_index_uuid && key.shard == shard) {
      return true;
    }
  }
  return false;
}

std::string lease_id(const std::string& follower_cluster_name, const std::string& follower_cluster_uuid,
                     const std::string& follower_index, int shard) {
  return "replication:" + follower_cluster_name + ":" + follower_cluster_uuid + ":[" + follower_index + "][" +
         std::to_string(shard) + "]";
}

}  // namespace ccrsim
