#pragma once
// A domain's `access_policy` and `security:` block checked at load time: the IAM policy's shape (Effect, Principal,
// Action, Resource), each custom role definition as the security plugin's REST API would accept it, and every role
// a user is mapped to exists (built-in or defined here), so a typo is a FILE:LINE:COL error, not a silent 403.
#include "scenario/scenario.h"
#include "sim/diagnostics.h"

namespace ccrsim {

void check_domain_security(const Scenario& scenario, Diagnostics& diags);

}  // namespace ccrsim
