#pragma once
// A domain's `settings:` are cluster settings: the names must be ones OpenSearch (and the replication plugin)
// recognise and the values must parse, as PUT _cluster/settings would demand. Checked at load time so a typo is a
// FILE:LINE:COL error, not a silently ignored setting.
#include "scenario/scenario.h"
#include "sim/diagnostics.h"

namespace ccrsim {

void check_domain_settings(const Scenario& scenario, Diagnostics& diags);

}  // namespace ccrsim
