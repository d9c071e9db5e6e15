#pragma once
// The replication topology as graphs (Boost.Graph): domains joined by cross-cluster connections, and index copies
// joined by replications (leader copy -> follower copy). Built from plain facts so it serves the report, the
// Graphviz drawing and tests alike. Answers the operator's questions: how many domains is this one connected to,
// which domains hold a copy of an index, which indices have no copy outside a region.
#include <boost/graph/adjacency_list.hpp>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace ccrsim {

struct TopologyDomain {
  std::string name;
  std::string region;
};

struct TopologyConnection {
  std::string alias;
  std::string status;   // AWS StatusCode
  bool counts = false;  // counts toward the connected-domains limit (pending acceptance .. active)
  bool search_only = false;
};

struct TopologyReplication {
  std::string status;  // the replication's _status string, or STOPPED
};

// An index copy: (domain, index name).
struct IndexCopy {
  int domain = 0;
  std::string index;
  bool operator<(const IndexCopy& o) const { return std::tie(domain, index) < std::tie(o.domain, o.index); }
  bool operator==(const IndexCopy& o) const { return domain == o.domain && index == o.index; }
};

class TopologyGraph {
 public:
  using DomainGraph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, TopologyDomain, TopologyConnection>;
  using CopyGraph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, IndexCopy, TopologyReplication>;

  int add_domain(const std::string& name, const std::string& region);
  // local (outbound, follower) -> remote (inbound, leader)
  void add_connection(int local, int remote, const TopologyConnection& connection);
  void add_index(int domain, const std::string& index);
  // Copies the index data flows between: leader copy -> follower copy. A stopped replication is not a copy
  // relationship any more (the follower became a plain index) and should not be added.
  void add_replication(int leader, const std::string& leader_index, int follower, const std::string& follower_index,
                       const TopologyReplication& replication);

  int domain_count() const { return static_cast<int>(boost::num_vertices(domains_)); }
  const DomainGraph& domains() const { return domains_; }
  const CopyGraph& copies() const { return copies_; }

  // Distinct other domains joined to `domain` by connections that count toward the limit, inbound and outbound.
  int connected_domain_count(int domain) const;
  // Every domain holding a copy of `index` of `domain` that is reachable through replications in either direction
  // (the leader, its followers), `domain` included, sorted by name.
  std::vector<std::string> domains_holding_copy(int domain, const std::string& index) const;
  // Index copies in `region` none of whose replicas (leader or followers, transitively) are outside `region`:
  // "domain/index" strings, sorted.
  std::vector<std::string> indices_without_copy_outside(const std::string& region) const;

 private:
  std::size_t copy_vertex(int domain, const std::string& index);

  DomainGraph domains_;
  CopyGraph copies_;
  std::map<IndexCopy, std::size_t> copy_ids_;
};

}  // namespace ccrsim
