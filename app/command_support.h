#pragma once
// What the commands share: exit codes, loading a scenario with every problem printed, the rule lint's warnings,
// and whole-file reads and writes.
#include <filesystem>
#include <optional>
#include <string>

#include "app/rule_lint.h"
#include "scenario/scenario.h"

namespace ccrsim {

inline constexpr int kExitPassed = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitInvalid = 2;

// Loads and checks (the one validation pass); prints every problem and returns nullopt when there is any.
std::optional<Scenario> load_valid(const std::string& path);
// The auto-follow rule lint's warnings (`FILE:LINE:COL: warning: ...`, stderr); they never change the exit code.
RuleLint print_rule_lint_warnings(const Scenario& scenario, const std::string& path);

bool write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::string& path);

}  // namespace ccrsim
