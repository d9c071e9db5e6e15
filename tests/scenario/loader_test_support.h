#pragma once
// Helpers of the scenario loader tests: load text, and either the scenario or the rendered error lines.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "scenario/scenario_loader.h"

namespace ccrsim::test {

using Lines = std::vector<std::string>;

// The rendered error lines for a scenario that must not load.
inline Lines errors_of(const std::string& yaml) {
  Diagnostics diags("s.yaml");
  const auto scenario = load_scenario_text(yaml, "s.yaml", diags);
  CHECK_FALSE(scenario.has_value());
  return diags.render();
}

inline Scenario load_ok(const std::string& yaml) {
  Diagnostics diags("s.yaml");
  auto scenario = load_scenario_text(yaml, "s.yaml", diags);
  INFO(Catch::Detail::stringify(diags.render()));
  REQUIRE(scenario.has_value());
  CHECK(diags.empty());
  return std::move(*scenario);
}

inline const std::string kMinimal = "name: t\ndomains: {leader: {}, follower: {}}\n";

}  // namespace ccrsim::test
