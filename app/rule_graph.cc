#include "app/rule_graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>

#include "model/replication/index_pattern.h"

namespace ccrsim {

namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

struct EnoughCycles {};

// Elementary circuits can be exponentially many: the search gives up after this many, matching or not.
constexpr std::size_t kMaxCircuitsVisited = 100'000;

// Collects circuits until `max` of them passed the pattern test; stops the search by throwing (Boost's circuit
// enumeration has no other way out).
struct CycleCollector {
  const std::vector<GraphRule>* rules;
  std::vector<std::vector<int>>* out;
  std::size_t max;
  std::size_t* visited;

  template <typename Path, typename Graph>
  void cycle(const Path& path, const Graph&) const {
    if (++*visited > kMaxCircuitsVisited) throw EnoughCycles{};
    std::vector<int> cycle;
    std::vector<std::string> patterns;
    for (auto v : path) {
      cycle.push_back(static_cast<int>(v));
      patterns.push_back((*rules)[v].pattern);
    }
    if (!patterns_intersect(patterns)) return;
    out->push_back(std::move(cycle));
    if (out->size() >= max) throw EnoughCycles{};
  }
};

}  // namespace

RuleGraph::RuleGraph(std::vector<GraphRule> rules) : rules_(std::move(rules)) {}

std::vector<std::vector<int>> RuleGraph::cycles(std::size_t max_cycles) const {
  std::vector<std::vector<int>> out;
  if (max_cycles == 0 || rules_.empty()) return out;
  Digraph g(rules_.size());
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    for (std::size_t s = 0; s < rules_.size(); ++s) {
      if (r != s && rules_[s].leader_domain == rules_[r].follower_domain) boost::add_edge(r, s, g);
    }
  }
  std::size_t visited = 0;
  try {
    boost::hawick_unique_circuits(g, CycleCollector{&rules_, &out, max_cycles, &visited});
  } catch (const EnoughCycles&) {
  }
  return out;
}

std::vector<std::pair<int, int>> RuleGraph::overlaps() const {
  std::vector<std::pair<int, int>> out;
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    for (std::size_t j = i + 1; j < rules_.size(); ++j) {
      const GraphRule& a = rules_[i];
      const GraphRule& b = rules_[j];
      if (a.follower_domain != b.follower_domain || a.leader_alias != b.leader_alias) continue;
      if (patterns_intersect({a.pattern, b.pattern})) out.emplace_back(static_cast<int>(i), static_cast<int>(j));
    }
  }
  return out;
}

}  // namespace ccrsim
