#include "app/command_support.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/scenario_validation.h"
#include "sim/diagnostics.h"

namespace ccrsim {

std::optional<Scenario> load_valid(const std::string& path) {
  Diagnostics diags(path);
  std::optional<Scenario> scenario = load_and_check_scenario(path, diags);
  for (const std::string& line : diags.render()) std::cerr << line << "\n";
  if (!scenario && diags.empty()) std::cerr << path << ":1:1: error: the scenario could not be loaded\n";
  return scenario;
}

RuleLint print_rule_lint_warnings(const Scenario& scenario, const std::string& path) {
  RuleLint lint = lint_autofollow_rules(scenario);
  for (const std::string& line : render_lint_warnings(path, lint)) std::cerr << line << "\n";
  return lint;
}

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace ccrsim
