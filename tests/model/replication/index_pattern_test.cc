#include "model/replication/index_pattern.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

TEST_CASE("patterns_intersect decides whether one name matches every pattern", "[autofollow]") {
  CHECK(patterns_intersect({"books*", "b*"}));
  CHECK(patterns_intersect({"*", "logs-*"}));
  CHECK_FALSE(patterns_intersect({"books*", "magazines*"}));
  CHECK(patterns_intersect({"*-a", "b-*"}));  // b-a
  CHECK_FALSE(patterns_intersect({"x*", "*y", "z*"}));
  CHECK(patterns_intersect({"x*", "*y", "*q*"}));  // xqy
  CHECK_FALSE(patterns_intersect({"leader", "leader-*"}));
  CHECK(patterns_intersect({"leader", "lea*"}));
  CHECK_FALSE(patterns_intersect({"ab", "a*c"}));
  CHECK(patterns_intersect({"a*", "*"}));
}

TEST_CASE("autofollow_pattern_problems gives the plugin's texts in order", "[autofollow]") {
  CHECK(autofollow_pattern_problems("Leader_Test-*").empty());
  CHECK(autofollow_pattern_problems("test*").empty());
  CHECK(autofollow_pattern_problems("leader_test").empty());
  CHECK(autofollow_pattern_problems("testPattern,") ==
        std::vector<std::string>{"Autofollow pattern: testPattern, must not contain the following characters [ , \", "
                                 "*, \\, <, |, ,, >, /, ?]"});
  CHECK(autofollow_pattern_problems("testPat?").size() == 1);
  CHECK(autofollow_pattern_problems("test#") ==
        std::vector<std::string>{"Autofollow pattern: test# must not contain '#' or ':'"});
  CHECK(autofollow_pattern_problems("test:") ==
        std::vector<std::string>{"Autofollow pattern: test: must not contain '#' or ':'"});
  CHECK(autofollow_pattern_problems("_test") ==
        std::vector<std::string>{"Autofollow pattern: _test must not start with '_' or '-'"});
  CHECK(autofollow_pattern_problems("-leader") ==
        std::vector<std::string>{"Autofollow pattern: -leader must not start with '_' or '-'"});
  CHECK(autofollow_pattern_problems("") == std::vector<std::string>{"Autofollow pattern:  must not be empty"});
}

}  // namespace
}  // namespace ccrsim
