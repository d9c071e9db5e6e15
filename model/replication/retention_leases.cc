#include "model/replication/retention_leases.h"

#include <algorithm>

#include "sim/assert.h"

namespace ccrsim {

void RetentionLeases::add(const LeaseKey& key, std::int64_t retaining_seq_no, sim_time_us now_us) {
  CCRSIM_ASSERT(retaining_seq_no >= -1);  // -1 is RETAIN_ALL
  CCRSIM_ASSERT(now_us >= 0 && key.shard >= 0);
  leases_[key] = Lease{retaining_seq_no, now_us};
  ++epoch_;
}

Lease* RetentionLeases::find(const LeaseKey& key) {
  auto it = leases_.find(key);
  return it == leases_.end() ? nullptr : &it->second;
}

bool RetentionLeases::renew(const LeaseKey& key, std::int64_t retaining_seq_no, sim_time_us now_us,
                            sim_time_us period_us) {
  CCRSIM_ASSERT(retaining_seq_no >= -1);
  CCRSIM_ASSERT(period_us >= 0);
  if (!alive(key, now_us, period_us)) {
    remove(key);
    CCRSIM_ASSERT(find(key) == nullptr);  // an expired lease is gone, not kept
    return false;
  }
  Lease& lease = leases_[key];
  CCRSIM_ASSERT(now_us >= lease.renewed_us);  // renewals move forward in time
  const std::int64_t before = lease.retaining_seq_no;
  lease.retaining_seq_no = std::max(lease.retaining_seq_no, retaining_seq_no);
  lease.renewed_us = now_us;
  CCRSIM_ASSERT(lease.retaining_seq_no >= before);  // a renewal never lowers what the lease retains
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
