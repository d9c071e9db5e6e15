#include "scenario/yaml_document.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

std::string problem_of(const std::string& text) {
  const YamlDocument doc = read_yaml_document(text, "a scenario file");
  REQUIRE(doc.problem.has_value());
  return std::to_string(doc.problem->pos.line) + ":" + std::to_string(doc.problem->pos.col) + " " +
         doc.problem->message;
}

TEST_CASE("read_yaml_document returns the first document") {
  const YamlDocument doc = read_yaml_document("name: x\nseed: 3\n", "a scenario file");
  CHECK_FALSE(doc.problem.has_value());
  REQUIRE(doc.root.IsMap());
  CHECK(doc.root["seed"].as<int>() == 3);
  // Empty documents around it are not a second document.
  CHECK_FALSE(read_yaml_document("---\nname: x\n...\n---\n~\n---\n", "a scenario file").problem.has_value());
  CHECK(read_yaml_document("", "a scenario file").root.IsNull());
  CHECK(read_yaml_document("# only a comment\n", "a scenario file").root.IsNull());
}

TEST_CASE("read_yaml_document refuses a second document with a node in it") {
  CHECK(problem_of("name: x\n---\nname: y\n") == "3:1 a scenario file holds one YAML document; this is document 2");
  CHECK(problem_of("a: 1\n---\n---\n[1]\n") == "4:1 a scenario file holds one YAML document; this is document 3");
  CHECK(read_yaml_document("a: 1\n---\nb: 2\n", "a sweep file").problem->message ==
        "a sweep file holds one YAML document; this is document 2");
}

// yaml-cpp 0.7's LoadAll never returns on these (fuzz finding regression-stray-comma): each test would hang and
// eat memory if the reader used it.
TEST_CASE("read_yaml_document stops at a stray comma instead of looping") {
  CHECK(problem_of(",") == "1:1 invalid YAML: unexpected ','");
  CHECK(problem_of(",a: 1\n") == "1:1 invalid YAML: unexpected ','");
  CHECK(problem_of("# comment\n  ,\n") == "2:3 invalid YAML: unexpected ','");
  CHECK(problem_of("a: 1\n---\n,\n") == "3:1 invalid YAML: unexpected ','");
}

TEST_CASE("read_yaml_document reports syntax errors with their place") {
  CHECK(problem_of("a: [1, 2\n") == "2:1 invalid YAML: end of sequence flow not found");
  CHECK(problem_of("a: 1\n,\n") == "2:1 invalid YAML: end of map not found");
  CHECK(problem_of("{:") == "1:2 invalid YAML: unknown token");
}

}  // namespace
}  // namespace ccrsim
