#include "app/rule_lint.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

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
