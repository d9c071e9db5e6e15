#pragma once
// One Amazon OpenSearch Service domain: its configuration, data nodes, indices, cluster settings and the
// synthetic writers that feed its indices.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/capacity/instance_capacity.h"
#include "model/index.h"
#include "model/security/security_config.h"
#include "model/workload.h"
#include "scenario/scenario.h"
#include "sim/json.h"
#include "sim/rng.h"

namespace ccrsim {

class Domain {
 public:
  Domain(const DomainSpec& spec, std::uint64_t seed);

  const DomainSpec& spec() const { return spec_; }
  const std::string& name() const { return spec_.name; }
  // What one primary shard indexes and serves per second (the capacity: block or the instance type's defaults).
  const ShardCapacity& shard_capacity() const { return shard_capacity_; }
  bool up() const { return up_; }
  void set_up(bool up) { up_ = up; }

  // Node faults. Primary `shard` of every index lives on data node shard % instance_count (simulator placement).
  // Nodes [0, count) are down; a primary on one of them is served again from a promoted replica from
  // `promoted_at_us` on, or only once the nodes are back when the index has no replicas.
  int node_of_shard(int shard) const { return shard % std::max(1, spec_.instance_count); }
  void set_nodes_down(int count, sim_time_us promoted_at_us);
  int nodes_down() const { return nodes_down_; }
  bool primary_available(const Index& index, int shard, sim_time_us now_us) const;
  // True when a primary on a down node has no replica on a live node to promote: the shard stays unassigned (its
  // writes are refused, the index is red) until the node returns.
  bool primary_unassigned(const Index& index, int shard) const;

  // Indices by name; std::map so every listing is in name order (as _cat/indices sorts anyway).
  Index* find_index(const std::string& index_name);
  const Index* find_index(const std::string& index_name) const;
  Index& create_index(const std::string& index_name, int shards, int replicas, sim_time_us t_us);
  void delete_index(const std::string& index_name);
  const std::map<std::string, std::unique_ptr<Index>>& indices() const { return indices_; }
  // Changes whenever an index is created or deleted: an Index* looked up under the same epoch is still valid.
  std::uint64_t index_epoch() const { return index_epoch_; }

  // Catch the synthetic writers up to t. Call before reading any index state at t.
  void catch_up_writes(sim_time_us t_us);
  // The same for the writers of one index only, when that cannot differ from catching them all up: every writer
  // targets an existing index by a fixed name (no rollover, no auto-create), so the others' operations land the
  // same whenever they are caught up (uniform runs extend seamlessly, Poisson buckets are drawn in order), and
  // whatever changes an index's state (REST calls, replication actions) catches the whole domain up first.
  // Otherwise it catches everything up. The GetChanges hot path calls this for its leader index.
  void catch_up_writes(sim_time_us t_us, const std::string& index_name);
  void add_workload(Workload workload) {
    workload.set_shard_index_rate(shard_capacity_.index_rate_per_s);  // the leader's writes share its primaries
    workloads_.push_back(std::move(workload));
  }
  const std::vector<Workload>& workloads() const { return workloads_; }
  // Earliest time after t at which a synthetic writer appends to shard `shard` of the index (kTimeNever: none
  // scheduled). Lets a long poll sleep until the leader has new operations instead of polling.
  sim_time_us next_write_time(const std::string& index_name, int shard, sim_time_us after_us) const;

  // Cluster settings (PUT/GET _cluster/settings), flat dotted keys.
  json& persistent_settings() { return persistent_settings_; }
  json& transient_settings() { return transient_settings_; }
  const json& persistent_settings() const { return persistent_settings_; }
  const json& transient_settings() const { return transient_settings_; }
  // Effective value of a cluster setting: transient, then persistent, then the scenario's `settings:`; null if unset.
  json cluster_setting(const std::string& key) const;

  std::string cluster_uuid() const { return cluster_uuid_; }

  // The security plugin's users, role mappings and roles (fine-grained access control), editable during the run.
  SecurityConfig& security() { return security_; }
  const SecurityConfig& security() const { return security_; }

 private:
  std::string next_uuid();
  void mark_unassigned(Index& index) const;

  DomainSpec spec_;
  ShardCapacity shard_capacity_;
  bool up_ = true;
  int nodes_down_ = 0;
  sim_time_us promoted_at_us_ = 0;
  Rng uuid_rng_;
  std::string cluster_uuid_;
  std::map<std::string, std::unique_ptr<Index>> indices_;
  std::uint64_t index_epoch_ = 0;
  std::vector<Workload> workloads_;
  // catch_up_writes(t, index): writers by index name, valid for (index_epoch_, workloads_.size()).
  struct WriterCache {
    std::uint64_t epoch = UINT64_MAX;
    std::size_t workload_count = 0;
    bool per_index_ok = false;
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_index;
  };
  WriterCache writer_cache_;
  json persistent_settings_ = json::object();
  json transient_settings_ = json::object();
  SecurityConfig security_;
};

}  // namespace ccrsim
