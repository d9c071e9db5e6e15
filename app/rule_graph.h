#pragma once
// The auto-follow rules of a scenario over the domains: a Boost.Graph digraph with one vertex per domain and an edge
// leader -> follower wherever some rule pulls (the way indices flow). An elementary cycle of domains with one rule
// per hop whose patterns all match a common name is an auto-follow cycle: each rule sees the follower copies the
// previous one creates. Rules sharing a follower domain and a connection alias are the ones whose patterns can
// overlap.
#include <cstddef>
#include <optional>
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

  // One rule cycle per elementary domain cycle (of at most 8 domains) that has rules whose patterns share a name:
  // rule indices in the direction indices flow, each rule pulling from the previous one's follower domain. At most
  // `max_cycles` of them; the search is bounded (10 000 domain cycles, 1 000 rule choices per cycle).
  std::vector<std::vector<int>> cycles(std::size_t max_cycles) const;
  // Pairs (i < j) of rules on the same follower domain and connection alias whose patterns match a common name.
  std::vector<std::pair<int, int>> overlaps() const;

  const std::vector<GraphRule>& rules() const { return rules_; }

 private:
  std::vector<GraphRule> rules_;
};

}  // namespace ccrsim
