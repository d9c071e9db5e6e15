#pragma once
// The auto-follow rule lint (`ccrsim validate` and the report): the rules a scenario's steps create
// (`POST _plugins/_replication/_autofollow` on a follower domain over a connection alias), the leader indices each
// will pick up at t = 0 (from `indices:` and the fixed-name workload indices), the rollover names it will pick up
// later, and warnings: overlapping patterns on one connection, auto-follow cycles across domains, and dot-indices a
// pattern catches and fails on for ever. Warnings never make a scenario invalid.
#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "sim/diagnostics.h"

namespace ccrsim {

// Rules beyond this many are not linted (a warning says so): the pairwise and cycle checks are quadratic or worse.
inline constexpr std::size_t kMaxLintedRules = 1000;
inline constexpr std::size_t kMaxReportedCycles = 100;
inline constexpr std::size_t kMaxReportedOverlaps = 100;

struct LintedRule {
  std::string follower_domain;
  std::string leader_alias;
  std::string leader_domain;
  std::string name;
  std::string pattern;
  int step = 0;  // index of the creating step
  SourcePos pos;
  std::vector<std::string> picks_up;  // leader indices replicated at the first poll, in name order
  std::vector<std::string> later;     // rollover name patterns ("logs-{n}") whose indices it will pick up
};

struct LintWarning {
  SourcePos pos;
  std::string message;
};

struct RuleLint {
  std::vector<LintedRule> rules;
  std::vector<LintWarning> warnings;  // in source order
};

RuleLint lint_autofollow_rules(const Scenario& scenario);

// `FILE:LINE:COL: warning: MESSAGE` lines, in source order.
std::vector<std::string> render_lint_warnings(const std::string& file, const RuleLint& lint);
// One line per rule for `ccrsim validate`: what it picks up at t = 0.
std::vector<std::string> render_lint_rules(const RuleLint& lint);

}  // namespace ccrsim
