#include "model/domain.h"

#include <algorithm>
#include <cmath>

#include "sim/assert.h"

namespace ccrsim {

namespace {
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

Domain::Domain(const DomainSpec& spec, std::uint64_t seed)
    : spec_(spec),
      shard_capacity_(effective_shard_capacity(spec)),
      uuid_rng_(seed, "uuid/" + spec.name),
      security_(spec) {
  cluster_uuid_ = next_uuid();
}

std::string Domain::next_uuid() {
  // OpenSearch prints UUIDs as 22 URL-safe base64 characters.
  std::string out;
  out.reserve(22);
  for (int i = 0; i < 22; ++i) out.push_back(kBase64Url[uuid_rng_.below(64)]);
  CCRSIM_ASSERT(out.size() == 22);
  return out;
}

void Domain::set_nodes_down(int count, sim_time_us promoted_at_us) {
  CCRSIM_ASSERT(promoted_at_us >= 0);
  nodes_down_ = std::clamp(count, 0, std::max(1, spec_.instance_count));
  promoted_at_us_ = promoted_at_us;
  for (auto& [name, index] : indices_) mark_unassigned(*index);
  CCRSIM_ASSERT(nodes_down_ >= 0 && nodes_down_ <= std::max(1, spec_.instance_count));
}

bool Domain::primary_unassigned(const Index& index, int shard) const {
  CCRSIM_ASSERT(shard >= 0 && shard < index.number_of_shards());
  if (node_of_shard(shard) >= nodes_down_) return false;
  return index.number_of_replicas() == 0 || nodes_down_ >= spec_.instance_count;
}

void Domain::mark_unassigned(Index& index) const {
  for (int s = 0; s < index.number_of_shards(); ++s) index.set_shard_unassigned(s, primary_unassigned(index, s));
}

bool Domain::primary_available(const Index& index, int shard, sim_time_us now_us) const {
  CCRSIM_ASSERT(shard >= 0 && shard < index.number_of_shards());
  CCRSIM_ASSERT(now_us >= 0);
  if (node_of_shard(shard) >= nodes_down_) return true;
  // A replica on a node that is still up takes over once the cluster manager has noticed the node left.
  return !primary_unassigned(index, shard) && now_us >= promoted_at_us_;
}

Index* Domain::find_index(const std::string& index_name) {
  auto it = indices_.find(index_name);
  return it == indices_.end() ? nullptr : it->second.get();
}

const Index* Domain::find_index(const std::string& index_name) const {
  auto it = indices_.find(index_name);
  return it == indices_.end() ? nullptr : it->second.get();
}

Index& Domain::create_index(const std::string& index_name, int shards, int replicas, sim_time_us t_us) {
  CCRSIM_ASSERT(!index_name.empty());
  CCRSIM_ASSERT(shards >= 1);  // a start request's replica override is not checked, so replicas is not asserted
  CCRSIM_ASSERT(t_us >= 0);
  const std::uint64_t epoch_before = index_epoch_;
  auto index = std::make_unique<Index>(index_name, next_uuid(), shards, replicas, t_us);
  Index& ref = *index;
  mark_unassigned(ref);  // created while nodes are down: its primaries there have nowhere to go
  indices_[index_name] = std::move(index);
  ++index_epoch_;
  CCRSIM_ASSERT(index_epoch_ > epoch_before);  // the writer cache must see every new index
  CCRSIM_ASSERT(find_index(index_name) == &ref);
  CCRSIM_ASSERT(ref.number_of_shards() == shards);
  return ref;
}

void Domain::delete_index(const std::string& index_name) {
  indices_.erase(index_name);
  ++index_epoch_;
  CCRSIM_ASSERT(find_index(index_name) == nullptr);
}

void Domain::catch_up_writes(sim_time_us t_us) {
  CCRSIM_ASSERT(t_us >= 0);
  for (Workload& w : workloads_) {
    w.catch_up(t_us, [&](const std::string& index_name, sim_time_us t_op_us) -> Index* {
      if (!up_) return nullptr;
      Index* index = find_index(index_name);
      // action.auto_create_index is on: a write to a missing index creates it with the defaults (1 primary, 1 replica).
      if (index == nullptr) index = &create_index(index_name, 1, 1, t_op_us);
      if (index->closed() || index->replication_block()) return nullptr;
      CCRSIM_ASSERT(index->name() == index_name);
      return index;
    });
  }
}

void Domain::catch_up_writes(sim_time_us t_us, const std::string& index_name) {
  CCRSIM_ASSERT(t_us >= 0);
  WriterCache& c = writer_cache_;
  if (c.epoch != index_epoch_ || c.workload_count != workloads_.size()) {
    c.epoch = index_epoch_;
    c.workload_count = workloads_.size();
    c.by_index.clear();
    c.per_index_ok = true;
    for (std::size_t i = 0; i < workloads_.size(); ++i) {
      const WorkloadSpec& spec = workloads_[i].spec();
      if (spec.rollover || find_index(spec.index) == nullptr) c.per_index_ok = false;
      c.by_index[spec.index].push_back(i);
    }
  }
  if (!c.per_index_ok) {
    catch_up_writes(t_us);
    return;
  }
  CCRSIM_ASSERT(c.epoch == index_epoch_ && c.workload_count == workloads_.size());  // the cache is current
  const auto it = c.by_index.find(index_name);
  if (it == c.by_index.end()) return;
  for (std::size_t i : it->second) {
    CCRSIM_ASSERT(i < workloads_.size());
    workloads_[i].catch_up(t_us, [&](const std::string& name, sim_time_us) -> Index* {
      if (!up_) return nullptr;
      Index* index = find_index(name);
      if (index == nullptr || index->closed() || index->replication_block()) return nullptr;
      return index;
    });
  }
}

sim_time_us Domain::next_write_time(const std::string& index_name, int shard, sim_time_us after_us) const {
  const Index* index = find_index(index_name);
  if (index == nullptr) return kTimeNever;
  CCRSIM_ASSERT(shard >= 0 && shard < index->number_of_shards());
  // Arrivals while the primary's write queue is full are refused: a long poll need not wake for them.
  const double accept_from_us =
      index->shard(shard).write_admission().earliest_accept_us(shard_capacity_.index_rate_per_s);
  if (accept_from_us > static_cast<double>(after_us)) {
    after_us = static_cast<sim_time_us>(std::floor(accept_from_us)) - 1;
  }
  sim_time_us best = kTimeNever;
  for (const Workload& w : workloads_) {
    best = std::min(best, w.next_op_time_after(after_us, index_name, shard, index->number_of_shards()));
  }
  CCRSIM_ASSERT(best == kTimeNever ||
                best > after_us);  // strictly after: a long poll never wakes for a write it has seen
  return best;
}

json Domain::cluster_setting(const std::string& key) const {
  if (auto it = transient_settings_.find(key); it != transient_settings_.end()) return *it;
  if (auto it = persistent_settings_.find(key); it != persistent_settings_.end()) return *it;
  if (auto it = spec_.settings.find(key); it != spec_.settings.end()) return it->second;
  return nullptr;
}

}  // namespace ccrsim
