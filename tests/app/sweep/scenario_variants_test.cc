#include "app/sweep/scenario_variants.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace ccrsim {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;

std::string write_base(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "ccrsim-scenario-variants-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

const char* const kBase = R"(name: variants
duration: 1m
domains:
  leader: {instance_count: 2}
  follower: {}
workload:
  - {domain: leader, index: logs, rate: 100/s}
)";

TEST_CASE("scenario variants: base values as written - each variant loaded with its values") {
  const std::string path = write_base("ok.yaml", kBase);
  std::vector<ScenarioVariants::PathError> errors;
  const auto variants = ScenarioVariants::open(path, {"workload[0].rate", "domains.leader.instance_count"}, errors);
  REQUIRE(variants.has_value());
  CHECK(errors.empty());
  CHECK(variants->base_value(0) == "100/s");
  CHECK(variants->base_value(1) == "2");
  std::vector<std::string> lines;
  const auto s = variants->load({"250/s", "4"}, lines);
  REQUIRE(s.has_value());
  CHECK(lines.empty());
  CHECK(s->workload.at(0).rate_per_s == Approx(250));
  // Every variant starts again from the base text.
  const auto again = variants->load({"50/s", "2"}, lines);
  REQUIRE(again.has_value());
  CHECK(again->workload.at(0).rate_per_s == Approx(50));
}

TEST_CASE("scenario variants: an invalid value gives the loader's lines with the values that made it") {
  const std::string path = write_base("bad-value.yaml", kBase);
  std::vector<ScenarioVariants::PathError> errors;
  const auto variants = ScenarioVariants::open(path, {"workload[0].rate"}, errors);
  REQUIRE(variants.has_value());
  std::vector<std::string> lines;
  CHECK_FALSE(variants->load({"fast"}, lines).has_value());
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Contains(path + ":7:") && Contains(": error: ") && EndsWith(" (with workload[0].rate = fast)"));
}

TEST_CASE("scenario variants: unresolvable and repeated paths are reported by path index") {
  const std::string path = write_base("paths.yaml", kBase);
  std::vector<ScenarioVariants::PathError> errors;
  CHECK_FALSE(ScenarioVariants::open(path, {"workload[0].rate", "workload[3].rate", "workload[0].rate"}, errors));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].path_index == 1);
  CHECK_FALSE(errors[0].message.empty());
  CHECK(errors[1].path_index == 2);
  CHECK(errors[1].message == "'workload[0].rate' is the same value as 'workload[0].rate'");
}

TEST_CASE("scenario variants: a missing base file is one error for the file itself") {
  std::vector<ScenarioVariants::PathError> errors;
  const std::string path =
      (std::filesystem::temp_directory_path() / "ccrsim-scenario-variants-test" / "none.yaml").string();
  CHECK_FALSE(ScenarioVariants::open(path, {"name"}, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path_index == SIZE_MAX);
  CHECK_THAT(errors[0].message, Catch::Matchers::StartsWith("cannot read '" + path + "'"));
}

}  // namespace
}  // namespace ccrsim
