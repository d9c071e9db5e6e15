#include "model/replication/replication_context.h"

#include "sim/assert.h"

namespace ccrsim {

std::string follower_cluster_name(const Domain& follower) {
  return follower.spec().account + ":" + follower.name();
}

LeaseKey lease_key(const ReplicationEntry& entry, int shard) {
  CCRSIM_ASSERT(shard >= 0);
  CCRSIM_ASSERT(entry.leader_domain != entry.follower_domain);  // a domain never replicates from itself
  return LeaseKey{entry.leader_domain, entry.leader_index_uuid, shard, entry.follower_domain, entry.follower_index};
}

}  // namespace ccrsim
