#include "model/wildcard.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("wildcard: star and question mark") {
  CHECK(wildcard_match("*", ""));
  CHECK(wildcard_match("*", "anything"));
  CHECK(wildcard_match("follower-index1*", "follower-index1-allow-start"));
  CHECK_FALSE(wildcard_match("follower-index2*", "follower-index1"));
  CHECK(wildcard_match("leader-0?", "leader-01"));
  CHECK_FALSE(wildcard_match("leader-0?", "leader-012"));
  CHECK(wildcard_match("a*b*c", "aXbYbZc"));
  CHECK_FALSE(wildcard_match("a*b*c", "aXbYbZ"));
  CHECK(wildcard_match("indices:admin/plugins/replication/*", "indices:admin/plugins/replication/index/start"));
}

TEST_CASE("wildcard: the domain ARN is not matched by its sub-resource pattern") {
  const std::string arn = "arn:aws:es:us-east-1:123456789012:domain/leader-domain";
  CHECK_FALSE(wildcard_match(arn + "/*", arn));
  CHECK(wildcard_match(arn + "/*", arn + "/leader-01"));
  CHECK(wildcard_match("arn:aws:es:*:*:domain/*", arn));
}

TEST_CASE("wildcard: case folding only when asked") {
  CHECK(wildcard_match_nocase("es:eshttp*", "es:ESHttpGet"));
  CHECK_FALSE(wildcard_match("es:eshttp*", "es:ESHttpGet"));
}

TEST_CASE("simple_match follows OpenSearch simple wildcards", "[autofollow]") {
  CHECK(simple_match("books*", "books-are-fun"));
  CHECK(simple_match("books*", "books"));
  CHECK_FALSE(simple_match("books*", "old-books"));
  CHECK(simple_match("*", ".kibana_1"));
  CHECK(simple_match("*-2024*", "logs-2024-01"));
  CHECK(simple_match("a*b*c", "aXbYc"));
  CHECK(simple_match("a*b*c", "abc"));
  CHECK_FALSE(simple_match("a*b*c", "acb"));
  CHECK(simple_match("leader", "leader"));
  CHECK_FALSE(simple_match("leader", "leader-1"));
  CHECK(simple_match("**x", "x"));
  SECTION("case-sensitive") {
    CHECK_FALSE(simple_match("Leader_*", "leader_1"));
    CHECK(simple_match("Leader_*", "Leader_1"));
  }
  SECTION("backtracking over several stars") {
    CHECK(simple_match("*ab*ab", "abxabab"));
    CHECK_FALSE(simple_match("*ab*abc", "abxabab"));
  }
}

TEST_CASE("simple_match takes a question mark literally") {
  CHECK_FALSE(simple_match("leader-0?", "leader-01"));
  CHECK(simple_match("leader-0?", "leader-0?"));
  CHECK(wildcard_match("leader-0?", "leader-01"));
}

// The REST layer used to match index expressions recursively, exponential in the number of stars: a request such as
// `GET a*a*a*…*b/_search` over long index names would hang the run. Both dialects answer this at once now.
TEST_CASE("many stars against a long near-miss stay linear") {
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "a*";
  pattern += "b";
  const std::string text(255, 'a');
  CHECK_FALSE(simple_match(pattern, text));
  CHECK_FALSE(wildcard_match(pattern, text));
  CHECK(simple_match(pattern, text + "b"));
}

}  // namespace
}  // namespace ccrsim
