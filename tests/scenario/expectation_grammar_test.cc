#include "scenario/expectation_grammar.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

std::string problem(const char* op, const char* operand) {
  const ExpectOperatorInfo* info = find_expect_operator(op);
  REQUIRE(info != nullptr);
  return operand_problem(*info, json::parse(operand));
}

TEST_CASE("expectation grammar: the operators and nothing else") {
  CHECK(expect_operator_names() == "eq, ne, gt, gte, lt, lte, contains, matches, exists, length, one_of, same_as");
  CHECK(find_expect_operator("gte")->op == ExpectOperator::kGte);
  CHECK(find_expect_operator("gtee") == nullptr);
  CHECK(find_expect_operator("GT") == nullptr);
  CHECK(is_operator_map(json::parse(R"({"gte": 1})")));
  CHECK_FALSE(is_operator_map(json::parse(R"({"gtee": 1})")));
  // Several keys are matched key by key, even when they are operator names.
  CHECK_FALSE(is_operator_map(json::parse(R"({"gte": 1, "lte": 2})")));
  CHECK_FALSE(is_operator_map(json::parse("{}")));
  CHECK_FALSE(is_operator_map(json::parse(R"(["gte"])")));
}

TEST_CASE("expectation grammar: each operator's operand") {
  CHECK(problem("gt", "1.5").empty());
  CHECK(problem("gt", R"("1")") == "gt needs a number");
  CHECK(problem("lte", "null") == "lte needs a number");
  CHECK(problem("exists", "true").empty());
  CHECK(problem("exists", "1") == "exists needs true or false");
  CHECK(problem("matches", R"("^a")").empty());
  CHECK(problem("matches", "[1]") == "matches needs a regex string");
  CHECK(problem("length", "3").empty());
  CHECK(problem("length", R"({"gte": 3})").empty());
  CHECK(problem("length", R"({"gtee": 3})") == "length needs a number or an operator map");
  CHECK(problem("length", R"("3")") == "length needs a number or an operator map");
  CHECK(problem("one_of", "[1, 2]").empty());
  CHECK(problem("one_of", "1") == "one_of needs a list");
  CHECK(problem("same_as", R"("/a")").empty());
  CHECK(problem("same_as", "1") == "same_as needs a JSON pointer string");
  // eq and ne compare any value; contains depends on the actual value, so nothing is refused up front.
  for (const char* operand : {"1", R"("x")", "null", "[1]", R"({"a": 1})"}) {
    CHECK(problem("eq", operand).empty());
    CHECK(problem("ne", operand).empty());
    CHECK(problem("contains", operand).empty());
  }
}

TEST_CASE("expectation grammar: status - regexes and JSON pointers") {
  CHECK(status_problem(json(200)).empty());
  CHECK(status_problem(json::parse(R"({"one_of": [200, 201]})")).empty());
  CHECK(status_problem(json::parse(R"({"gtee": 200})")) == "status needs a number or an operator map");
  CHECK(status_problem(json::parse(R"({"gte": 200, "lt": 300})")) == "status needs a number or an operator map");
  CHECK(status_problem(json("200")) == "status needs a number or an operator map");
  CHECK(regex_problem("^[a-z]+$").empty());
  CHECK_FALSE(regex_problem("(unclosed").empty());
  CHECK(json_pointer_problem("").empty());
  CHECK(json_pointer_problem("/a/0/b~1c").empty());
  CHECK_FALSE(json_pointer_problem("a/b").empty());
  CHECK_FALSE(json_pointer_problem("/a~2").empty());
}

}  // namespace
}  // namespace ccrsim
