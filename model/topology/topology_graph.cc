#include "model/topology/topology_graph.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <set>

#include "sim/assert.h"

namespace ccrsim {
namespace {

using UndirectedCopies = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// The copy graph without direction: data reaches every copy in a component, whichever way it flows.
UndirectedCopies undirected(const TopologyGraph::CopyGraph& g) {
  UndirectedCopies u(boost::num_vertices(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    boost::add_edge(boost::source(*it, g), boost::target(*it, g), u);
  CCRSIM_ASSERT(boost::num_edges(u) == boost::num_edges(g));
  return u;
}

}  // namespace

int TopologyGraph::add_domain(const std::string& name, const std::string& region) {
  CCRSIM_ASSERT(!name.empty());
  const auto id = static_cast<int>(boost::add_vertex(TopologyDomain{name, region}, domains_));
  CCRSIM_ASSERT(id + 1 == static_cast<int>(boost::num_vertices(domains_)));  // ids are positions, in order
  return id;
}

void TopologyGraph::add_connection(int local, int remote, const TopologyConnection& connection) {
  CCRSIM_ASSERT(local >= 0 && static_cast<std::size_t>(local) < boost::num_vertices(domains_));
  CCRSIM_ASSERT(remote >= 0 && static_cast<std::size_t>(remote) < boost::num_vertices(domains_));
  boost::add_edge(static_cast<std::size_t>(local), static_cast<std::size_t>(remote), connection, domains_);
}

std::size_t TopologyGraph::copy_vertex(int domain, const std::string& index) {
  CCRSIM_ASSERT(domain >= 0 && static_cast<std::size_t>(domain) < boost::num_vertices(domains_));
  const IndexCopy key{domain, index};
  auto it = copy_ids_.find(key);
  if (it != copy_ids_.end()) return it->second;
  const std::size_t v = boost::add_vertex(key, copies_);
  copy_ids_.emplace(key, v);
  CCRSIM_ASSERT(copy_ids_.size() == boost::num_vertices(copies_));  // one vertex per (domain, index)
  return v;
}

void TopologyGraph::add_index(int domain, const std::string& index) {
  copy_vertex(domain, index);
}

void TopologyGraph::add_replication(int leader, const std::string& leader_index, int follower,
                                    const std::string& follower_index, const TopologyReplication& replication) {
  const std::size_t from = copy_vertex(leader, leader_index);
  const std::size_t to = copy_vertex(follower, follower_index);
  CCRSIM_ASSERT(from != to);  // an index never follows itself
  boost::add_edge(from, to, replication, copies_);
}

int TopologyGraph::connected_domain_count(int domain) const {
  std::set<std::size_t> peers;
  const auto v = static_cast<std::size_t>(domain);
  for (auto [it, end] = boost::out_edges(v, domains_); it != end; ++it) {
    if (domains_[*it].counts) peers.insert(boost::target(*it, domains_));
  }
  for (auto [it, end] = boost::in_edges(v, domains_); it != end; ++it) {
    if (domains_[*it].counts) peers.insert(boost::source(*it, domains_));
  }
  peers.erase(v);
  CCRSIM_ASSERT(peers.size() < boost::num_vertices(domains_));
  return static_cast<int>(peers.size());
}

std::vector<std::string> TopologyGraph::domains_holding_copy(int domain, const std::string& index) const {
  auto it = copy_ids_.find(IndexCopy{domain, index});
  if (it == copy_ids_.end()) return {};
  const UndirectedCopies u = undirected(copies_);
  std::vector<boost::default_color_type> color(boost::num_vertices(u));
  std::set<std::string> names;
  struct Collect : boost::default_bfs_visitor {
    const CopyGraph* g;
    const DomainGraph* d;
    std::set<std::string>* out;
    void discover_vertex(std::size_t v, const UndirectedCopies&) const {
      out->insert((*d)[static_cast<std::size_t>((*g)[v].domain)].name);
    }
  };
  Collect visitor;
  visitor.g = &copies_;
  visitor.d = &domains_;
  visitor.out = &names;
  boost::breadth_first_search(u, it->second,
                              boost::visitor(visitor).color_map(boost::make_iterator_property_map(
                                  color.begin(), boost::get(boost::vertex_index, u))));
  return {names.begin(), names.end()};
}

std::vector<std::string> TopologyGraph::indices_without_copy_outside(const std::string& region) const {
  const UndirectedCopies u = undirected(copies_);
  std::vector<int> component(boost::num_vertices(u));
  const int count = boost::connected_components(u, component.data());
  CCRSIM_ASSERT(count >= 0 && static_cast<std::size_t>(count) <= component.size());
  std::vector<bool> reaches_outside(static_cast<std::size_t>(count), false);
  for (std::size_t v = 0; v < component.size(); ++v) {
    const std::string& r = domains_[static_cast<std::size_t>(copies_[v].domain)].region;
    if (r != region) reaches_outside[static_cast<std::size_t>(component[v])] = true;
  }
  std::vector<std::string> out;
  for (std::size_t v = 0; v < component.size(); ++v) {
    const TopologyDomain& d = domains_[static_cast<std::size_t>(copies_[v].domain)];
    if (d.region == region && !reaches_outside[static_cast<std::size_t>(component[v])]) {
      out.push_back(d.name + "/" + copies_[v].index);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ccrsim
