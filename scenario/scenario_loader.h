#pragma once
// Reads a scenario file (docs/scenario-format.md §2-§5) into a validated Scenario. Every problem is reported through
// Diagnostics with the position of the offending YAML node; all problems are collected, and nothing throws.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/metric_catalogue.h"
#include "scenario/scenario.h"
#include "scenario/scenario_limits.h"
#include "sim/diagnostics.h"
#include "sim/time.h"

namespace ccrsim {

// Reads the file at `path` (refusing files above kMaxFileBytes before reading them) and loads it. Scenario::file
// is `path` as given.
std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diags);

// Loads scenario text; `file_label` becomes Scenario::file. Returns nullopt when any error was reported.
std::optional<Scenario> load_scenario_text(const std::string& text, const std::string& file_label, Diagnostics& diags);

}  // namespace ccrsim
