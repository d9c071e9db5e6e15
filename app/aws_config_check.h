#pragma once
// The AWS side of a scenario that the loader cannot judge without the model's tables: each domain's instance type
// (a family and size AWS offers) and the arguments of `aws:` steps (names and types per operation).
#include "scenario/scenario.h"
#include "sim/diagnostics.h"

namespace ccrsim {

void check_aws_config(const Scenario& scenario, Diagnostics& diags);

}  // namespace ccrsim
