#include "scenario/name_rules.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::kMinimal;
using test::Lines;
using test::load_ok;

TEST_CASE("names must follow the AWS rules") {
  CHECK(errors_of(R"(name: x
domains:
  ab: {}
  Leader: {}
  a-very-long-domain-name-over-28: {}
  good-one: {region: mars-north-1, engine_version: OpenSearch_2.12, account: 123}
  other-one: {engine_version: Solr_9.0}
connections:
  - {alias: c, from: good-one, to: other-one}
  - {alias: 9lives, from: good-one, to: good-one}
)") == Lines{
           "s.yaml:3:3: error: domain name 'ab' must be 3-28 characters of a-z, 0-9 and '-', starting with a letter",
           "s.yaml:4:3: error: domain name 'Leader' must be 3-28 characters of a-z, 0-9 and '-', starting with a "
           "letter",
           "s.yaml:5:3: error: domain name 'a-very-long-domain-name-over-28' must be 3-28 characters of a-z, 0-9 "
           "and '-', starting with a letter",
           "s.yaml:6:22: error: unknown region 'mars-north-1' (expected an AWS region code like 'us-east-1')",
           "s.yaml:6:52: error: unknown engine_version 'OpenSearch_2.12' (OpenSearch versions are: 1.0, 1.1, 1.2, "
           "1.3, 2.3, 2.5, 2.7, 2.9, 2.11, 2.13, 2.15, 2.17, 2.19, 3.1, 3.3)",
           "s.yaml:6:78: error: account must be a 12-digit AWS account id like \"111122223333\", got '123'",
           "s.yaml:7:31: error: engine_version must look like 'OpenSearch_2.11' or 'Elasticsearch_7.10', got "
           "'Solr_9.0'",
           "s.yaml:9:13: error: connection alias 'c' must be 2-100 characters of letters, digits, '_' and '-', "
           "starting with a letter",
           "s.yaml:10:13: error: connection alias '9lives' must be 2-100 characters of letters, digits, '_' and "
           "'-', starting with a letter",
       });
}

TEST_CASE("name rules on their own") {
  CHECK(valid_domain_name("leader-1"));
  CHECK_FALSE(valid_domain_name("ab"));
  CHECK_FALSE(valid_domain_name("1leader"));
  CHECK_FALSE(valid_domain_name(std::string(29, 'a')));
  CHECK(valid_alias("to_Follower-2"));
  CHECK_FALSE(valid_alias("x"));
  CHECK_FALSE(valid_alias("2x"));
  CHECK(index_name_problem("logs-2024.01").empty());
  CHECK(index_name_problem("Logs") == "must be lower case");
  CHECK(index_name_problem("_x") == "must not start with '_', '-' or '+'");
  CHECK(index_name_problem("a#b") == "must not contain '#'");
  CHECK(index_name_problem("..") == "must not be '.' or '..'");
  CHECK(index_name_problem(std::string(256, 'a')) == "must be at most 255 bytes");
}

}  // namespace
}  // namespace ccrsim
