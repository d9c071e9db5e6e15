#pragma once
// The report's `autofollow` section: every rule as it ran (from the AutofollowService) and the rule lint.
#include <vector>

#include "app/rule_lint.h"
#include "model/replication/autofollow_service.h"
#include "reports/run_result.h"

namespace ccrsim {

std::vector<AutofollowRuleResult> autofollow_results(const AutofollowService& rules, ReplicationService& replication);
// Fills the lint fields of `result`; warnings as "LINE:COL: message".
void add_rule_lint(const RuleLint& lint, RunResult& result);

}  // namespace ccrsim
