#include "app/throughput_inputs.h"

#include "model/replication/replication_settings.h"

namespace ccrsim {

namespace {

constexpr double kDefaultBytesPerOp = 1024;

double bytes_per_op(const Index& leader) {
  std::int64_t ops = 0;
  std::int64_t bytes = 0;
  for (const Shard& s : leader.shards()) {
    if (s.max_seq_no() < 0) continue;
    ops += s.max_seq_no() + 1;
    bytes += s.bytes_between(0, s.max_seq_no());
  }
  return ops > 0 ? static_cast<double>(bytes) / static_cast<double>(ops) : kDefaultBytesPerOp;
}

}  // namespace

void fill_throughput_inputs(World& world, std::vector<ReplicationResult>& replications) {
  for (ReplicationResult& r : replications) {
    const std::optional<DomainId> leader_id = world.find_domain(r.leader_domain);
    const std::optional<DomainId> follower_id = world.find_domain(r.follower_domain);
    if (!leader_id || !follower_id) continue;
    Domain& leader = world.domain(*leader_id);
    Domain& follower = world.domain(*follower_id);
    const Index* leader_index = leader.find_index(r.leader_index);
    if (leader_index == nullptr) continue;
    const ReplicationSettings settings = resolve_replication_settings(follower);
    const Index* follower_index = follower.find_index(r.follower_index);
    ThroughputInputs in;
    in.shards = leader_index->number_of_shards();
    in.readers_per_shard = settings.concurrent_readers_per_shard;
    in.batch_ops =
        follower_index != nullptr ? effective_ops_batch_size(*follower_index, settings) : settings.ops_batch_size;
    Network& network = world.network();
    in.round_trip_s = to_seconds(network.base_latency_us(*follower_id, *leader_id) +
                                 network.base_latency_us(*leader_id, *follower_id));
    in.index_rate_per_s = follower.shard_capacity().index_rate_per_s;
    in.read_rate_per_s = leader.shard_capacity().read_rate_per_s;
    in.bandwidth_bytes_per_s = network.link_bandwidth_bytes_per_s(*leader_id, *follower_id);
    in.bytes_per_op = bytes_per_op(*leader_index);
    r.throughput_inputs = in;
    r.retention_lease_period_us = retention_lease_period_us(*leader_index);
  }
}

}  // namespace ccrsim
