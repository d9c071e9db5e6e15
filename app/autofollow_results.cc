#include "app/autofollow_results.h"

namespace ccrsim {

std::vector<AutofollowRuleResult> autofollow_results(const AutofollowService& rules, ReplicationService& replication) {
  std::vector<AutofollowRuleResult> out;
  World& world = replication.world();
  for (const auto& task : rules.tasks()) {
    const AutofollowRule& rule = task->rule();
    AutofollowRuleResult r;
    r.follower_domain = world.domain(rule.follower).name();
    r.leader_alias = rule.leader_alias;
    r.name = rule.name;
    r.pattern = rule.pattern;
    r.created_us = task->created_us();
    if (task->deleted_us() >= 0) r.deleted_us = task->deleted_us();
    r.polls = task->polls();
    r.successes = task->num_success();
    r.failures = task->num_failed_total();
    r.failed_leader_calls = task->num_failed_leader_calls();
    r.failed_indices.assign(task->failed_indices().begin(), task->failed_indices().end());
    for (const AutofollowStarted& s : task->started()) {
      AutofollowIndexResult i;
      i.leader_index = s.leader_index;
      i.follower_index = s.leader_index;
      i.leader_created_us = s.leader_created_us;
      i.started_us = s.started_us;
      // SYNCING begins when the bootstrap ends (shard 0 decides the status, and every shard ends together here).
      const auto& entries = replication.entries();
      if (s.entry_id >= 0 && static_cast<std::size_t>(s.entry_id) < entries.size()) {
        const ReplicationEntry& e = *entries[static_cast<std::size_t>(s.entry_id)];
        if (e.bootstrap_end_us >= 0) i.syncing_us = e.bootstrap_end_us;
      }
      r.started.push_back(std::move(i));
    }
    for (const AutofollowFailure& f : task->failures()) {
      r.failed.push_back({f.leader_index, f.reason, f.count, f.first_us, f.last_us});
    }
    out.push_back(std::move(r));
  }
  return out;
}

void add_rule_lint(const RuleLint& lint, RunResult& result) {
  for (const LintedRule& l : lint.rules) {
    result.rule_lint.push_back(
        {l.follower_domain, l.leader_alias, l.leader_domain, l.name, l.pattern, l.picks_up, l.later});
  }
  for (const LintWarning& w : lint.warnings) {
    result.rule_warnings.push_back(std::to_string(w.pos.line) + ":" + std::to_string(w.pos.col) + ": " + w.message);
  }
}

}  // namespace ccrsim
