#pragma once
// What the scenario format allows but this build does not simulate yet. Each use is refused loudly with
// `... is not supported yet` at its YAML position, never ignored. Shrinks as features land.
#include "scenario/scenario.h"
#include "sim/diagnostics.h"

namespace ccrsim {

void check_supported(const Scenario& scenario, Diagnostics& diags);

}  // namespace ccrsim
