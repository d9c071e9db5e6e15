#include "model/rest/index_name_rules.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

// "Invalid index name [NAME], RULE", built by appending (GCC 12 warns falsely with -Wrestrict on "literal" + string).
std::string expected(const std::string& name, const std::string& rule) {
  std::string s = "Invalid index name [";
  s += name;
  s += "], ";
  s += rule;
  return s;
}

std::string reason(const std::string& name) {
  return invalid_index_name_reason(name).value_or("(valid)");
}

TEST_CASE("index names: ordinary lowercase names are valid") {
  for (const char* name : {"logs", "logs-2024.01.01", ".hidden", "a_b", "x+y", "..a", "\xc3\xa9t\xc3\xa9"}) {
    INFO(name);
    CHECK_FALSE(invalid_index_name_reason(name).has_value());
    CHECK_FALSE(validate_index_name(name).has_value());
  }
  CHECK_FALSE(invalid_index_name_reason(std::string(255, 'a')).has_value());
}

TEST_CASE("index names: each rule with OpenSearch's text") {
  CHECK(reason("Logs") == "Invalid index name [Logs], must be lowercase");
  CHECK(reason("") == "Invalid index name [], must not be empty");
  CHECK(reason("a#b") == "Invalid index name [a#b], must not contain '#'");
  CHECK(reason("a:b") == "Invalid index name [a:b], must not contain ':'");
  CHECK(reason("_a") == "Invalid index name [_a], must not start with '_', '-', or '+'");
  CHECK(reason("-a") == "Invalid index name [-a], must not start with '_', '-', or '+'");
  CHECK(reason("+a") == "Invalid index name [+a], must not start with '_', '-', or '+'");
  CHECK(reason(".") == "Invalid index name [.], must not be '.' or '..'");
  CHECK(reason("..") == "Invalid index name [..], must not be '.' or '..'");
  CHECK(reason(std::string(256, 'a')) == expected(std::string(256, 'a'), "index name is too long, (256 > 255)"));
}

TEST_CASE("index names: every forbidden character is named in the HashSet's order") {
  const std::string text = "must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]";
  for (const char* name : {"a b", "a,b", "a\"b", "a*b", "a\\b", "a<b", "a|b", "a>b", "a/b", "a?b"}) {
    INFO(name);
    CHECK(reason(name) == expected(name, text));
  }
}

TEST_CASE("index names: rules apply in OpenSearch's order") {
  // Forbidden characters before case, '#' and the leading '_'.
  CHECK_THAT(reason("_A b#"), Catch::Matchers::EndsWith("following characters [ , \", *, \\, <, |, ,, >, /, ?]"));
  CHECK_THAT(reason("_A#"), Catch::Matchers::EndsWith("must not contain '#'"));
  CHECK_THAT(reason("_A"), Catch::Matchers::EndsWith("must not start with '_', '-', or '+'"));
  CHECK_THAT(reason(std::string(300, 'A')), Catch::Matchers::EndsWith("(300 > 255)"));  // length before case
}

TEST_CASE("index names: the 400 answer is invalid_index_name_exception with the index and _na_ uuid") {
  const auto response = validate_index_name("Bad");
  REQUIRE(response.has_value());
  CHECK(response->status == 400);
  const json& error = response->body["error"];
  CHECK(error["type"] == "invalid_index_name_exception");
  CHECK(error["reason"] == "Invalid index name [Bad], must be lowercase");
  CHECK(error["index"] == "Bad");
  CHECK(error["index_uuid"] == "_na_");
  CHECK(error["root_cause"][0]["type"] == "invalid_index_name_exception");
  CHECK(response->body["status"] == 400);
}

}  // namespace
}  // namespace ccrsim
