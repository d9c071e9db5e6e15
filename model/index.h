#pragma once
// An OpenSearch index on one domain: settings, mappings, aliases, open/closed state, blocks and its primary shards.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/shard.h"
#include "sim/json.h"
#include "sim/time.h"

namespace ccrsim {

// One document as a reader sees it (latest version at or below some seq_no).
struct DocView {
  std::string id;
  int shard = 0;
  std::int64_t seq_no = 0;
  std::int64_t version = 1;
  const json* source = nullptr;
};

class Index {
 public:
  Index(std::string name, std::string uuid, int shards, int replicas, sim_time_us created_us);

  const std::string& name() const { return name_; }
  const std::string& uuid() const { return uuid_; }
  int number_of_shards() const { return static_cast<int>(shards_.size()); }
  int number_of_replicas() const { return replicas_; }
  void set_number_of_replicas(int replicas) { replicas_ = replicas; }
  sim_time_us created_us() const { return created_us_; }

  Shard& shard(int n) { return shards_[static_cast<std::size_t>(n)]; }
  const Shard& shard(int n) const { return shards_[static_cast<std::size_t>(n)]; }
  std::vector<Shard>& shards() { return shards_; }
  const std::vector<Shard>& shards() const { return shards_; }

  // Index settings other than shards/replicas/uuid/creation, flat and dotted without the "index." prefix
  // ("refresh_interval": "1s"); values as OpenSearch prints them (strings).
  json& settings() { return settings_; }
  const json& settings() const { return settings_; }
  json& mappings() { return mappings_; }
  const json& mappings() const { return mappings_; }
  // alias name -> alias definition ({} or {"is_write_index": true} ...)
  std::map<std::string, json>& aliases() { return aliases_; }
  const std::map<std::string, json>& aliases() const { return aliases_; }

  bool closed() const { return closed_; }
  void set_closed(bool closed) { closed_ = closed; }
  bool hidden() const;

  // The cross-cluster replication write block (id 1000, FORBIDDEN, WRITE + METADATA_WRITE).
  bool replication_block() const { return replication_block_; }
  void set_replication_block(bool on) { replication_block_ = on; }

  // A primary with no copy on a live node (node_down without a replica to promote): writes to it are refused
  // (the bulk's UnavailableShardsException) and the index is red until the node returns. Set by the domain.
  bool shard_unassigned(int n) const {
    return n < static_cast<int>(unassigned_.size()) && unassigned_[static_cast<std::size_t>(n)] != 0;
  }
  bool any_shard_unassigned() const;
  void set_shard_unassigned(int n, bool unassigned);

  // Routing of a document id to a shard, as OpenSearch's OperationRouting does with default settings.
  int shard_for_id(const std::string& id) const;

  // Explicit documents. Writes return the seq_no and version.
  struct WriteResult {
    int shard = 0;
    std::int64_t seq_no = 0;
    std::int64_t version = 1;
    bool created = true;  // false: an existing document was replaced
    bool found = true;    // deletes: whether the document existed
  };
  WriteResult index_doc(const std::string& id, json source, sim_time_us t_us);
  WriteResult delete_doc(const std::string& id, sim_time_us t_us);
  // Follower side: applies the leader index's operations [from, to] of shard n at time t (explicit ones included).
  void apply_replicated(int n, const Index& leader, std::int64_t from_seq_no, std::int64_t to_seq_no, sim_time_us t_us);

  // Real-time read (GET _doc): the latest version.
  std::optional<DocView> get_doc(const std::string& id) const;
  // Explicit documents visible to search at time t (refreshed every refresh interval), in (shard, seq_no) order.
  std::vector<DocView> searchable_docs(sim_time_us t_us) const;
  // Total documents (synthetic and explicit) visible to search at t.
  std::int64_t searchable_count(sim_time_us t_us) const;
  // Live documents in real time (for _cat/indices docs.count).
  std::int64_t doc_count() const;
  std::int64_t store_bytes() const;

  // kTimeNever means refresh_interval -1 (periodic refreshes off; only forced ones make writes visible).
  sim_time_us refresh_interval_us() const { return refresh_interval_us_; }
  void set_refresh_interval_us(sim_time_us t_us) { refresh_interval_us_ = t_us; }
  // Last refresh at or before t: the periodic one or a forced one (?refresh=true), whichever is later; -1 if none.
  sim_time_us last_refresh_us(sim_time_us t_us) const;
  // A write with ?refresh=true (or wait_for, which the simulator treats the same) refreshes every shard at t.
  void force_refresh(sim_time_us t_us) { forced_refresh_us_ = std::max(forced_refresh_us_, t_us); }

  // Sequence for auto-generated document ids (POST idx/_doc): deterministic, one per call.
  std::uint64_t next_auto_id_sequence() { return auto_id_sequence_++; }

  // Replication marker: "<alias>:<leaderIndex>" while the index is a follower (index.plugins.replication...).
  const std::string& follower_of() const { return follower_of_; }
  void set_follower_of(std::string leader) { follower_of_ = std::move(leader); }

  std::uint64_t generation() const { return generation_; }

 private:
  // Latest explicit op for an id at or below a per-shard seq_no bound.
  std::optional<DocView> doc_at(const std::string& id, std::int64_t max_seq_no) const;

  std::string name_;
  std::string uuid_;
  int replicas_;
  sim_time_us created_us_;
  std::vector<Shard> shards_;
  json settings_ = json::object();
  json mappings_ = json::object();
  std::map<std::string, json> aliases_;
  bool closed_ = false;
  bool replication_block_ = false;
  std::vector<std::uint8_t> unassigned_;  // per shard; empty while every primary is assigned
  std::string follower_of_;
  sim_time_us refresh_interval_us_ = kUsPerS;
  sim_time_us forced_refresh_us_ = -1;
  std::uint64_t auto_id_sequence_ = 0;
  // id -> seq_nos of its explicit ops in its shard, ascending (last is current).
  std::map<std::string, std::vector<std::int64_t>> doc_ops_;
  std::uint64_t generation_ = 0;
};

}  // namespace ccrsim
