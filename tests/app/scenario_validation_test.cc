#include "app/scenario_validation.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ccrsim {
namespace {

TEST_CASE("invalid scenario files match their golden stderr") {
  const std::filesystem::path root = CCRSIM_SOURCE_DIR;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(root / "scenarios" / "invalid")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const std::string rel = "scenarios/invalid/" + entry.path().filename().string();
    std::ifstream golden_file(entry.path().string() + ".stderr");
    std::stringstream golden;
    golden << golden_file.rdbuf();
    Diagnostics diags(rel);
    CHECK_FALSE(load_and_check_scenario(entry.path().string(), diags).has_value());
    std::string actual;
    for (const std::string& line : diags.render()) actual += line + "\n";
    INFO(rel);
    CHECK(actual == golden.str());
  }
  CHECK(files >= 6);
}

}  // namespace
}  // namespace ccrsim
