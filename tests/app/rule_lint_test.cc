#include "app/rule_lint.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "app/rule_graph.h"

namespace ccrsim {
namespace {

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

StepSpec rule_step(const std::string& on, const std::string& alias, const std::string& name, const std::string& pattern,
                   int line) {
  StepSpec s;
  s.on = on;
  s.method = "POST";
  s.path = "_plugins/_replication/_autofollow";
  s.body = json{{"leader_alias", alias}, {"name", name}, {"pattern", pattern}};
  s.pos = {line, 5};
  return s;
}

Scenario two_domains() {
  Scenario sc;
  DomainSpec a;
  a.name = "domain-a";
  DomainSpec b;
  b.name = "domain-b";
  sc.domains = {a, b};
  sc.connections.push_back({"to-b", "domain-a", "domain-b", ConnectionMode::kDirect, false, {}});
  sc.connections.push_back({"to-a", "domain-b", "domain-a", ConnectionMode::kDirect, false, {}});
  return sc;
}

TEST_CASE("the lint lists what each rule picks up at t = 0 and warns about dot-indices", "[autofollow][lint]") {
  Scenario sc = two_domains();
  sc.indices.push_back({"domain-b", "books-1", 1, 1, 0, 1024, {}});
  sc.indices.push_back({"domain-b", "books-2", 1, 1, 0, 1024, {}});
  sc.indices.push_back({"domain-b", ".books-internal", 1, 1, 0, 1024, {}});
  sc.indices.push_back({"domain-b", "cars", 1, 1, 0, 1024, {}});
  sc.indices.push_back({"domain-a", "books-2", 1, 1, 0, 1024, {}});
  WorkloadSpec w;
  w.domain = "domain-b";
  w.index = "unused";
  w.rollover = RolloverSpec{kUsPerH, "books-day-{n}", {}};
  sc.workload.push_back(w);
  sc.steps.push_back(rule_step("domain-a", "to-b", "all-books", "*books*", 10));
  sc.steps.push_back(rule_step("domain-a", "nope", "unknown-connection", "*", 11));
  sc.steps.push_back(rule_step("domain-a", "to-b", "bad-pattern", "a,b", 12));
  sc.steps.push_back(rule_step("domain-a", "to-b", "all-books", "x*", 13));  // the same rule again: refused

  const RuleLint lint = lint_autofollow_rules(sc);
  REQUIRE(lint.rules.size() == 1);
  CHECK(lint.rules[0].leader_domain == "domain-b");
  CHECK(lint.rules[0].picks_up == std::vector<std::string>{"books-1"});  // books-2 exists on the follower
  CHECK(lint.rules[0].later == std::vector<std::string>{"books-day-{n}"});
  REQUIRE(lint.warnings.size() == 1);
  CHECK(lint.warnings[0].pos.line == 10);
  CHECK(lint.warnings[0].message.find("dot-index '.books-internal'") != std::string::npos);
  const auto lines = render_lint_warnings("s.yaml", lint);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].rfind("s.yaml:10:5: warning: auto-follow rule 'all-books'", 0) == 0);
}

TEST_CASE("the lint warns about cycles and overlaps in source order", "[autofollow][lint]") {
  Scenario sc = two_domains();
  sc.steps.push_back(rule_step("domain-a", "to-b", "from-b", "*", 20));
  sc.steps.push_back(rule_step("domain-b", "to-a", "from-a", "*", 30));
  sc.steps.push_back(rule_step("domain-b", "to-a", "logs", "logs-*", 40));
  const RuleLint lint = lint_autofollow_rules(sc);
  REQUIRE(lint.rules.size() == 3);
  std::vector<int> lines;
  for (const LintWarning& w : lint.warnings) lines.push_back(w.pos.line);
  CHECK(std::is_sorted(lines.begin(), lines.end()));
  int cycles = 0, overlaps = 0;
  for (const LintWarning& w : lint.warnings) {
    if (w.message.rfind("auto-follow cycle", 0) == 0) ++cycles;
    if (w.message.find("overlap on connection 'to-a'") != std::string::npos) ++overlaps;
  }
  CHECK(cycles == 1);  // one warning per cycle of domains
  CHECK(overlaps == 1);
}

}  // namespace
}  // namespace ccrsim
