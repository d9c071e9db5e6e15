#pragma once
// Everything `ccrsim validate` and `ccrsim run` check before simulating: the loader (syntax, units, references,
// limits), the domains' cluster settings, and what is not supported yet. One function so both commands and the
// tests see the same answer.
#include <optional>
#include <string>

#include "scenario/scenario.h"
#include "sim/diagnostics.h"

namespace ccrsim {

// The scenario when it is valid and supported; otherwise nullopt with every problem in `diags`.
std::optional<Scenario> load_and_check_scenario(const std::string& path, Diagnostics& diags);
// The same for scenario text (sweeps load the base file with varied values); `file_label` names it in errors.
std::optional<Scenario> load_and_check_scenario_text(const std::string& text, const std::string& file_label,
                                                     Diagnostics& diags);

}  // namespace ccrsim
