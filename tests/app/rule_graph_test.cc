#include "app/rule_graph.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

namespace ccrsim {
namespace {

using Cycles = std::vector<std::vector<int>>;
using Pairs = std::vector<std::pair<int, int>>;

GraphRule rule(int follower, int leader, const std::string& pattern, const std::string& alias = "conn") {
  return GraphRule{follower, leader, alias, pattern};
}

TEST_CASE("RuleGraph finds auto-follow cycles whose patterns share a name", "[autofollow][lint]") {
  SECTION("two domains following each other's star") {
    RuleGraph g({{0, 1, "to-b", "*"}, {1, 0, "to-a", "*"}});
    const auto cycles = g.cycles(10);
    REQUIRE(cycles.size() == 1);
    CHECK(cycles[0].size() == 2);
  }
  SECTION("disjoint patterns make no cycle") {
    RuleGraph g({{0, 1, "to-b", "a*"}, {1, 0, "to-a", "b*"}});
    CHECK(g.cycles(10).empty());
  }
  SECTION("parallel rules: the one whose pattern closes the cycle is chosen") {
    RuleGraph g({{0, 1, "to-b", "a*"}, {0, 1, "to-b", "b*"}, {1, 0, "to-a", "b-*"}});
    const auto cycles = g.cycles(10);
    REQUIRE(cycles.size() == 1);
    CHECK(std::find(cycles[0].begin(), cycles[0].end(), 1) != cycles[0].end());
    CHECK(std::find(cycles[0].begin(), cycles[0].end(), 2) != cycles[0].end());
  }
  SECTION("a chain is not a cycle") {
    RuleGraph g({{0, 1, "x", "*"}, {1, 2, "y", "*"}});
    CHECK(g.cycles(10).empty());
  }
  SECTION("three domains in a ring") {
    RuleGraph g({{0, 1, "x", "logs-*"}, {1, 2, "y", "*"}, {2, 0, "z", "*-2024"}});
    const auto cycles = g.cycles(10);
    REQUIRE(cycles.size() == 1);
    CHECK(cycles[0].size() == 3);
  }
  SECTION("the number of cycles reported is bounded") {
    std::vector<GraphRule> rules;
    for (int a = 0; a < 6; ++a) {
      for (int b = 0; b < 6; ++b) {
        if (a != b) rules.push_back({a, b, std::to_string(b), "*"});
      }
    }
    CHECK(RuleGraph(rules).cycles(7).size() == 7);
  }
}

TEST_CASE("RuleGraph finds overlapping patterns on one connection", "[autofollow][lint]") {
  RuleGraph g({{0, 1, "src", "books*"},
               {0, 1, "src", "b*"},
               {0, 1, "src", "magazines*"},
               {0, 1, "other", "books*"},
               {2, 1, "src", "books*"}});
  const auto pairs = g.overlaps();
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0] == std::pair<int, int>{0, 1});
}

TEST_CASE("rule graph: two domains pulling each other's matching indices form a cycle") {
  // Domain 1 follows logs* from 0; domain 0 follows logs-* from 1: "logs-x" goes round.
  const RuleGraph g({rule(1, 0, "logs*"), rule(0, 1, "logs-*")});
  CHECK(g.cycles(10) == Cycles{{0, 1}});
}

TEST_CASE("rule graph: rules come back in the direction indices flow") {
  // 0 -> 1 -> 2 -> 0, the rules listed out of order.
  const RuleGraph g({rule(0, 2, "*"), rule(1, 0, "*"), rule(2, 1, "*")});
  const Cycles cycles = g.cycles(10);
  REQUIRE(cycles.size() == 1);
  const std::vector<int>& c = cycles[0];
  REQUIRE(c.size() == 3);
  // Each rule pulls from the previous one's follower domain.
  for (std::size_t i = 0; i < c.size(); ++i) {
    const GraphRule& prev = g.rules()[static_cast<std::size_t>(c[(i + c.size() - 1) % c.size()])];
    const GraphRule& cur = g.rules()[static_cast<std::size_t>(c[i])];
    CHECK(cur.leader_domain == prev.follower_domain);
  }
}

TEST_CASE("rule graph: a rule within one domain is no edge - no rules or no room give nothing") {
  CHECK(RuleGraph({rule(0, 0, "*")}).cycles(10).empty());
  CHECK(RuleGraph({}).cycles(10).empty());
  CHECK(RuleGraph({rule(1, 0, "*"), rule(0, 1, "*")}).cycles(0).empty());
}

TEST_CASE("rule graph: overlaps are rules of one follower domain and alias whose patterns share a name") {
  const RuleGraph g({
      rule(1, 0, "logs-*"),           // 0
      rule(1, 0, "*-2024"),           // 1: overlaps 0 (logs-2024)
      rule(1, 0, "metrics*"),         // 2: overlaps 1 (metrics-2024) only
      rule(1, 0, "logs-*", "other"),  // 3: another connection
      rule(2, 0, "logs-*"),           // 4: another follower domain
  });
  CHECK(g.overlaps() == Pairs{{0, 1}, {1, 2}});
}

}  // namespace
}  // namespace ccrsim
