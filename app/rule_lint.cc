#include "app/rule_lint.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/rule_graph.h"
#include "model/replication/autofollow_service.h"
#include "model/replication/index_pattern.h"
#include "model/replication/replication_errors.h"
#include "model/wildcard.h"

namespace ccrsim {

namespace {

constexpr char kAutofollowPath[] = "_plugins/_replication/_autofollow";

std::string request_path(const std::string& path) {
  std::string p = path.substr(0, path.find('?'));
  while (!p.empty() && p.front() == '/') p.erase(p.begin());
  while (!p.empty() && p.back() == '/') p.pop_back();
  return p;
}

std::optional<std::string> string_field(const json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// The request parser refuses any other field (follower_index_pattern too: it exists from 3.8 only).
bool known_fields_only(const json& body) {
  for (const auto& [key, value] : body.items()) {
    (void)value;
    if (autofollow_request_fields().count(key) == 0) return false;
  }
  return true;
}

// Indices that exist before t = 0 on each domain: `indices:` and the writers' fixed-name indices.
std::map<std::string, std::set<std::string>> initial_indices(const Scenario& scenario) {
  std::map<std::string, std::set<std::string>> out;
  for (const IndexSpec& i : scenario.indices) out[i.domain].insert(i.name);
  for (const WorkloadSpec& w : scenario.workload) {
    if (!w.rollover) out[w.domain].insert(w.index);
  }
  return out;
}

const ConnectionSpec* find_connection(const Scenario& scenario, const std::string& from, const std::string& alias) {
  for (const ConnectionSpec& c : scenario.connections) {
    if (c.from == from && c.alias == alias) return &c;
  }
  return nullptr;
}

// The rules the steps create: requests the plugin would accept (valid name and pattern, a known connection). A
// second POST of the same rule is the plugin's 500 and creates nothing.
std::vector<LintedRule> collect_rules(const Scenario& scenario, std::optional<SourcePos>& first_skipped) {
  std::vector<LintedRule> rules;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
    const StepSpec& s = scenario.steps[i];
    if (s.kind != StepKind::kRequest || s.method != "POST" || request_path(s.path) != kAutofollowPath) continue;
    if (!s.body || !s.body->is_object() || !known_fields_only(*s.body)) continue;
    auto alias = string_field(*s.body, "leader_alias");
    auto name = string_field(*s.body, "name");
    auto pattern = string_field(*s.body, "pattern");
    if (!alias || !name || !pattern) continue;
    if (!replication_errors::name_problems(*name).empty() || !autofollow_pattern_problems(*pattern).empty()) continue;
    const ConnectionSpec* connection = find_connection(scenario, s.on, *alias);
    if (connection == nullptr) continue;
    if (!keys.insert(s.on + "\n" + *alias + "\n" + *name).second) continue;
    if (rules.size() == kMaxLintedRules) {
      first_skipped = s.pos;
      break;
    }
    LintedRule r;
    r.follower_domain = s.on;
    r.leader_alias = *alias;
    r.leader_domain = connection->to;
    r.name = *name;
    r.pattern = *pattern;
    r.step = static_cast<int>(i);
    r.pos = s.pos;
    rules.push_back(std::move(r));
  }
  return rules;
}

// "logs-{n}" -> "logs-*": every name the rollover will write to.
std::string rollover_as_pattern(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 3, "{n}") == 0) {
      out.push_back('*');
      i += 2;
    } else {
      out.push_back(name[i]);
    }
  }
  return out;
}

std::string rule_label(const LintedRule& r) {
  return "'" + r.name + "' on " + r.follower_domain + " ('" + r.pattern + "' from " + r.leader_domain + " over '" +
         r.leader_alias + "')";
}

void pick_up(const Scenario& scenario, std::vector<LintedRule>& rules, std::vector<LintWarning>& warnings) {
  const auto existing = initial_indices(scenario);
  static const std::set<std::string> kNone;
  auto on = [&](const std::string& domain) -> const std::set<std::string>& {
    auto it = existing.find(domain);
    return it == existing.end() ? kNone : it->second;
  };
  for (LintedRule& r : rules) {
    const std::set<std::string>& follower = on(r.follower_domain);
    for (const std::string& index : on(r.leader_domain)) {
      if (!simple_match(r.pattern, index)) continue;
      if (index.front() == '.') {
        warnings.push_back({r.pos, "auto-follow rule " + rule_label(r) + " catches the dot-index '" + index +
                                       "': its start fails validation (must not start with '.') and is retried every "
                                       "retry_poll_interval for ever; it stays in failed_indices"});
        continue;
      }
      if (follower.count(index) == 0) r.picks_up.push_back(index);
    }
    for (const WorkloadSpec& w : scenario.workload) {
      if (!w.rollover || w.domain != r.leader_domain) continue;
      if (patterns_intersect({r.pattern, rollover_as_pattern(w.rollover->name_pattern)})) {
        r.later.push_back(w.rollover->name_pattern);
      }
    }
  }
}

void graph_warnings(std::vector<LintedRule>& rules, std::vector<LintWarning>& warnings) {
  std::map<std::string, int> domain_ids;
  auto id = [&](const std::string& d) {
    return domain_ids.emplace(d, static_cast<int>(domain_ids.size())).first->second;
  };
  std::vector<GraphRule> graph_rules;
  for (const LintedRule& r : rules) {
    graph_rules.push_back({id(r.follower_domain), id(r.leader_domain), r.leader_alias, r.pattern});
  }
  const RuleGraph graph(std::move(graph_rules));
  const auto overlaps = graph.overlaps();
  for (std::size_t k = 0; k < overlaps.size() && k < kMaxReportedOverlaps; ++k) {
    const auto [i, j] = overlaps[k];
    const LintedRule& a = rules[static_cast<std::size_t>(i)];
    const LintedRule& b = rules[static_cast<std::size_t>(j)];
    warnings.push_back({b.pos, "auto-follow rules '" + a.name + "' ('" + a.pattern + "') and '" + b.name + "' ('" +
                                   b.pattern + "') on " + b.follower_domain + " overlap on connection '" +
                                   b.leader_alias +
                                   "': an index matching both is started by whichever poll gets "
                                   "there first and skipped by the other"});
  }
  if (overlaps.size() > kMaxReportedOverlaps) {
    const LintedRule& last = rules[static_cast<std::size_t>(overlaps.back().second)];
    warnings.push_back({last.pos, std::to_string(overlaps.size() - kMaxReportedOverlaps) +
                                      " more pairs of overlapping auto-follow rules not listed"});
  }
  for (const std::vector<int>& cycle : graph.cycles(kMaxReportedCycles)) {
    // Name the cycle by domains in the direction indices flow, starting from the first rule's leader.
    std::string path = rules[static_cast<std::size_t>(cycle.front())].leader_domain;
    std::string names;
    for (int r : cycle) {
      const LintedRule& rule = rules[static_cast<std::size_t>(r)];
      path.append(" -> ").append(rule.follower_domain);
      if (!names.empty()) names.append(", ");
      names.append(rule_label(rule));
    }
    const LintedRule& last = rules[static_cast<std::size_t>(cycle.back())];
    warnings.push_back({last.pos, "auto-follow cycle " + path + " (rules " + names +
                                      "): each rule lists the follower indices the other rules create; a follower "
                                      "copy whose name is free on the next domain (its original deleted, or on a "
                                      "cycle of three or more domains) fails with 'Cannot Replicate a Replicated "
                                      "Index' at every retry_poll_interval"});
  }
}

}  // namespace

RuleLint lint_autofollow_rules(const Scenario& scenario) {
  RuleLint lint;
  std::optional<SourcePos> first_skipped;
  lint.rules = collect_rules(scenario, first_skipped);
  if (first_skipped) {
    lint.warnings.push_back({*first_skipped, "more than " + std::to_string(kMaxLintedRules) +
                                                 " auto-follow rules: only the first ones were linted"});
  }
  pick_up(scenario, lint.rules, lint.warnings);
  graph_warnings(lint.rules, lint.warnings);
  std::stable_sort(lint.warnings.begin(), lint.warnings.end(), [](const LintWarning& a, const LintWarning& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  return lint;
}

std::vector<std::string> render_lint_warnings(const std::string& file, const RuleLint& lint) {
  std::vector<std::string> out;
  for (const LintWarning& w : lint.warnings) {
    out.push_back(file + ":" + std::to_string(w.pos.line) + ":" + std::to_string(w.pos.col) +
                  ": warning: " + w.message);
  }
  return out;
}

std::vector<std::string> render_lint_rules(const RuleLint& lint) {
  std::vector<std::string> out;
  for (const LintedRule& r : lint.rules) {
    std::string line = "auto-follow rule " + rule_label(r) + " picks up at t = 0: ";
    if (r.picks_up.empty()) line += "(none)";
    for (std::size_t i = 0; i < r.picks_up.size(); ++i) line.append(i == 0 ? "" : ", ").append(r.picks_up[i]);
    if (!r.later.empty()) {
      line += "; later:";
      for (const std::string& l : r.later) line += " " + l;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace ccrsim
