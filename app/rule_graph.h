#pragma once
// The auto-follow rules of a scenario as a Boost.Graph digraph: one vertex per rule, an edge r -> s when s pulls from
// the domain r replicates into (s's leader domain is r's follower domain), so the follower copies r creates are
// leader candidates for s. Cycles of this graph are auto-follow cycles across domains; rules sharing a follower
// domain and a connection alias are the ones whose patterns can overlap.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ccrsim {

struct GraphRule {
  int follower_domain = 0;
  int leader_domain = 0;
  std::string leader_alias;
  std::string pattern;
};

class RuleGraph {
 public:
  explicit RuleGraph(std::vector<GraphRule> rules);

  // Elementary cycles, as rule indices in the direction indices flow (each rule pulls from the previous one's
  // follower domain), whose patterns all match one common name; at most `max_cycles` of them.
  std::vector<std::vector<int>> cycles(std::size_t max_cycles) const;
  // Pairs (i < j) of rules on the same follower domain and connection alias whose patterns match a common name.
  std::vector<std::pair<int, int>> overlaps() const;

  const std::vector<GraphRule>& rules() const { return rules_; }

 private:
  std::vector<GraphRule> rules_;
};

}  // namespace ccrsim
