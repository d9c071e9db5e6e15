#include "app/topology_summary.h"

#include <set>

namespace ccrsim {

TopologyGraph build_topology_graph(const World& world, const std::vector<ReplicationResult>& replications) {
  TopologyGraph g;
  for (DomainId d = 0; d < world.domain_count(); ++d) {
    g.add_domain(world.domain(d).name(), world.domain(d).spec().region);
    for (const auto& [name, index] : world.domain(d).indices()) {
      (void)index;
      g.add_index(d, name);
    }
  }
  for (const Connection& c : world.connections().all()) {
    g.add_connection(c.local, c.remote, {c.alias, to_string(c.status), counts_toward_limit(c.status), c.search_only});
  }
  for (const ReplicationResult& r : replications) {
    if (r.final_status == "STOPPED") continue;
    const auto leader = world.find_domain(r.leader_domain);
    const auto follower = world.find_domain(r.follower_domain);
    if (!leader || !follower) continue;
    g.add_replication(*leader, r.leader_index, *follower, r.follower_index, {r.final_status});
  }
  return g;
}

TopologyResult summarize_topology(const World& world, const std::vector<ReplicationResult>& replications) {
  const TopologyGraph g = build_topology_graph(world, replications);
  TopologyResult out;
  std::set<std::string> regions;
  for (DomainId d = 0; d < world.domain_count(); ++d) {
    out.domains.push_back({world.domain(d).name(), world.domain(d).spec().region, g.connected_domain_count(d)});
    regions.insert(world.domain(d).spec().region);
  }
  std::set<std::string> seen;
  for (const ReplicationResult& r : replications) {
    const auto leader = world.find_domain(r.leader_domain);
    const std::string key = r.leader_domain + "/" + r.leader_index;
    if (!leader || !seen.insert(key).second) continue;
    out.copies.push_back({key, g.domains_holding_copy(*leader, r.leader_index)});
  }
  for (const std::string& region : regions) {
    std::vector<std::string> all = g.indices_without_copy_outside(region);
    TopologyResult::Unprotected& u = out.without_copy_outside_region[region];
    u.count = static_cast<std::int64_t>(all.size());
    if (all.size() > TopologyResult::kMaxListed) all.resize(TopologyResult::kMaxListed);
    u.indices = std::move(all);
  }
  return out;
}

}  // namespace ccrsim
