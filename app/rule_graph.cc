#include "app/rule_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/hawick_circuits.hpp>
#include <set>

#include "model/replication/index_pattern.h"

namespace ccrsim {

namespace {

using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Elementary circuits can be exponentially many: the search gives up after this many domain cycles, and longer
// cycles than kMaxCycleDomains or more rule combinations per cycle than kMaxCombinations are not examined.
constexpr std::size_t kMaxCircuitsVisited = 10'000;
constexpr std::size_t kMaxCycleDomains = 8;
constexpr std::size_t kMaxCombinations = 1'000;

struct StopSearch {};

// For one cycle of domains, finds one choice of a rule per hop whose patterns share a name.
class RuleChooser {
 public:
  RuleChooser(const std::vector<GraphRule>& rules, const std::vector<int>& domains) : rules_(rules) {
    for (std::size_t i = 0; i < domains.size(); ++i) {
      const int from = domains[i];
      const int to = domains[(i + 1) % domains.size()];
      std::vector<int> hop;
      for (std::size_t r = 0; r < rules.size(); ++r) {
        if (rules[r].leader_domain == from && rules[r].follower_domain == to) hop.push_back(static_cast<int>(r));
      }
      hops_.push_back(std::move(hop));
    }
  }

  std::optional<std::vector<int>> choose() {
    std::vector<int> chosen;
    if (search(chosen)) return chosen;
    return std::nullopt;
  }

 private:
  bool search(std::vector<int>& chosen) {
    if (chosen.size() == hops_.size()) {
      if (++combinations_ > kMaxCombinations) return false;
      std::vector<std::string> patterns;
      for (int r : chosen) patterns.push_back(rules_[static_cast<std::size_t>(r)].pattern);
      return patterns_intersect(patterns);
    }
    for (int r : hops_[chosen.size()]) {
      chosen.push_back(r);
      if (search(chosen)) return true;
      chosen.pop_back();
      if (combinations_ > kMaxCombinations) return false;
    }
    return false;
  }

  const std::vector<GraphRule>& rules_;
  std::vector<std::vector<int>> hops_;
  std::size_t combinations_ = 0;
};

// Boost's circuit enumeration calls cycle() per elementary circuit of the domain graph; it has no way out but a
// throw.
struct CycleCollector {
  const std::vector<GraphRule>* rules;
  std::vector<std::vector<int>>* out;
  std::size_t max;
  std::size_t* visited;

  template <typename Path, typename Graph>
  void cycle(const Path& path, const Graph&) const {
    if (++*visited > kMaxCircuitsVisited) throw StopSearch{};
    if (path.size() > kMaxCycleDomains) return;
    std::vector<int> domains;
    for (auto v : path) domains.push_back(static_cast<int>(v));
    if (auto chosen = RuleChooser(*rules, domains).choose()) out->push_back(std::move(*chosen));
    if (out->size() >= max) throw StopSearch{};
  }
};

}  // namespace

RuleGraph::RuleGraph(std::vector<GraphRule> rules) : rules_(std::move(rules)) {}

std::vector<std::vector<int>> RuleGraph::cycles(std::size_t max_cycles) const {
  std::vector<std::vector<int>> out;
  if (max_cycles == 0 || rules_.empty()) return out;
  // The domain graph: an edge leader -> follower for every pair some rule connects (the way indices flow).
  int domains = 0;
  std::set<std::pair<int, int>> edges;
  for (const GraphRule& r : rules_) {
    domains = std::max({domains, r.leader_domain + 1, r.follower_domain + 1});
    if (r.leader_domain != r.follower_domain) edges.emplace(r.leader_domain, r.follower_domain);
  }
  Digraph g(static_cast<std::size_t>(domains));
  for (const auto& [from, to] : edges) boost::add_edge(static_cast<std::size_t>(from), static_cast<std::size_t>(to), g);
  std::size_t visited = 0;
  try {
    boost::hawick_unique_circuits(g, CycleCollector{&rules_, &out, max_cycles, &visited});
  } catch (const StopSearch&) {
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
