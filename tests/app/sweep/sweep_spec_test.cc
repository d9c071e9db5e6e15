#include "app/sweep/sweep_spec.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace ccrsim {
namespace {

std::string write_sweep(const std::string& name, const std::string& text) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ccrsim-sweep-spec-test";
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST_CASE("sweep spec: seeds as a count and the first path varying slowest", "[sweep]") {
  const std::string path = write_sweep("good.sweep.yaml",
                                       "scenario: base.yaml\nseeds: 3\nvary:\n  a: [1, 2]\n  b: [x, y, z]\n"
                                       "metrics: [lag_time_p99, ops_replicated]\n");
  Diagnostics diags(path);
  const std::optional<SweepSpec> spec = load_sweep_spec(path, diags);
  REQUIRE(spec);
  CHECK(spec->seeds == std::vector<std::uint64_t>{1, 2, 3});
  CHECK(spec->combinations() == 6);
  CHECK(spec->runs() == 18);
  CHECK(spec->value_indices(0) == std::vector<std::size_t>{0, 0});
  CHECK(spec->value_indices(1) == std::vector<std::size_t>{0, 1});
  CHECK(spec->value_indices(3) == std::vector<std::size_t>{1, 0});
  CHECK(spec->scenario_path == (std::filesystem::path(path).parent_path() / "base.yaml").string());
}

TEST_CASE("sweep spec: every problem is reported at its node", "[sweep]") {
  const std::string path = write_sweep("bad.sweep.yaml",
                                       "scenario: base.yaml\nseeds: [1, 1]\nvary:\n  a: []\n"
                                       "metrics: [lag_p99]\nextra: 1\n");
  Diagnostics diags(path);
  CHECK_FALSE(load_sweep_spec(path, diags));
  const std::vector<std::string> lines = diags.render();
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].find(":2:12: error: seed 1 is listed twice") != std::string::npos);
  CHECK(lines[1].find(":4:6: error: vary 'a' must be a list of 1 to") != std::string::npos);
  CHECK(lines[2].find(":5:11: error: unknown metric 'lag_p99'") != std::string::npos);
  CHECK(lines[3].find(":6:1: error: unknown key 'extra'") != std::string::npos);
}

}  // namespace
}  // namespace ccrsim
