#include "app/scenario_validation.h"

#include "app/aws_config_check.h"
#include "app/security_check.h"
#include "app/settings_check.h"
#include "app/support_check.h"
#include "scenario/scenario_loader.h"

namespace ccrsim {

namespace {

std::optional<Scenario> check_loaded(std::optional<Scenario> scenario, Diagnostics& diags) {
  if (!scenario || !diags.empty()) return std::nullopt;
  check_domain_settings(*scenario, diags);
  check_domain_security(*scenario, diags);
  check_aws_config(*scenario, diags);
  check_supported(*scenario, diags);
  if (!diags.empty()) return std::nullopt;
  return scenario;
}

}  // namespace

std::optional<Scenario> load_and_check_scenario(const std::string& path, Diagnostics& diags) {
  return check_loaded(load_scenario(path, diags), diags);
}

std::optional<Scenario> load_and_check_scenario_text(const std::string& text, const std::string& file_label,
                                                     Diagnostics& diags) {
  return check_loaded(load_scenario_text(text, file_label, diags), diags);
}

}  // namespace ccrsim
