#include <catch2/catch.hpp>

#include "model/security/wildcard.h"

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

}  // namespace
}  // namespace ccrsim
