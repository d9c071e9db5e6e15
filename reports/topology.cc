#include "reports/topology.h"

#include <algorithm>
#include <map>
#include <set>

namespace ccrsim {

namespace {

constexpr std::size_t kMaxIndexNamesInLabel = 1;  // longer labels would cross the domain boxes

TopologyNode& node_named(Topology& t, const std::string& name) {
  for (TopologyNode& n : t.nodes) {
    if (n.name == name) return n;
  }
  // A domain the result mentions but does not list (a hand-built result): shown in a region of its own.
  t.nodes.push_back({name, "unknown region", "", 0, 0, 0});
  return t.nodes.back();
}

void add_replication_edges(const RunResult& r, Topology& t) {
  // One edge per (leader domain, follower domain) pair, in order of the pair's first replication.
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> names;
  std::map<std::string, std::set<std::string>> leader_indices;
  for (const ReplicationResult& rep : r.replications) {
    const auto key = std::make_pair(rep.leader_domain, rep.follower_domain);
    if (!names.contains(key)) order.push_back(key);
    names[key].push_back(rep.leader_index + " -> " + rep.follower_index);
    leader_indices[rep.leader_domain].insert(rep.leader_index);
    node_named(t, rep.follower_domain).follower_indices++;
  }
  for (const auto& [domain, indices] : leader_indices) {
    node_named(t, domain).leader_indices = static_cast<int>(indices.size());
  }
  for (const auto& key : order) {
    const std::vector<std::string>& list = names[key];
    std::string label = list[0];
    for (std::size_t i = 1; i < list.size() && list.size() <= kMaxIndexNamesInLabel; ++i) label += ", " + list[i];
    if (list.size() > kMaxIndexNamesInLabel) label = std::to_string(list.size()) + " indices";
    t.edges.push_back({TopologyEdge::Kind::kReplication, key.first, key.second, label, true});
  }
}

}  // namespace

std::string index_count_text(int n) {
  return std::to_string(n) + (n == 1 ? " index" : " indices");
}

std::string TopologyNode::role() const {
  if (leader_indices > 0 && follower_indices > 0) return "leader+follower";
  if (leader_indices > 0) return "leader";
  if (follower_indices > 0) return "follower";
  return "none";
}

Topology build_topology(const RunResult& r) {
  Topology t;
  for (const DomainResult& d : r.domains) t.nodes.push_back({d.name, d.region, d.engine_version, d.indices, 0, 0});
  for (const ConnectionResult& c : r.connections) {
    node_named(t, c.from);
    node_named(t, c.to);
    const bool active = c.status == "ACTIVE";
    t.edges.push_back(
        {TopologyEdge::Kind::kConnection, c.from, c.to, active ? c.alias : c.alias + " (" + c.status + ")", active});
  }
  add_replication_edges(r, t);
  for (const TopologyNode& n : t.nodes) {
    if (std::find(t.regions.begin(), t.regions.end(), n.region) == t.regions.end()) t.regions.push_back(n.region);
  }
  return t;
}

}  // namespace ccrsim
