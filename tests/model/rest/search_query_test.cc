#include "model/rest/search_query.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

SearchQuery parse_ok(const char* query) {
  std::string error;
  const auto q = parse_search_query(json::parse(query), error);
  INFO(query << ": " << error);
  REQUIRE(q.has_value());
  return *q;
}

std::string parse_error(const char* query) {
  std::string error;
  CHECK_FALSE(parse_search_query(json::parse(query), error).has_value());
  return error;
}

const json kDoc = json::parse(R"({"msg": "Hello, World-wide web", "n": 5, "ok": true, "tags": ["Red", "blue"],
                                  "user": {"name": "Ann Lee"}, "a.b": "dotted"})");

TEST_CASE("search query: the supported shapes parse - short and long forms") {
  CHECK(parse_ok(R"({"match_all": {}})").kind == SearchQuery::Kind::kMatchAll);
  const SearchQuery term = parse_ok(R"({"term": {"n": 5}})");
  CHECK(term.kind == SearchQuery::Kind::kTerm);
  CHECK(term.field == "n");
  CHECK(term.value == 5);
  CHECK(parse_ok(R"({"term": {"n": {"value": 7}}})").value == 7);
  const SearchQuery match = parse_ok(R"({"match": {"msg": {"query": "web"}}})");
  CHECK(match.kind == SearchQuery::Kind::kMatch);
  CHECK(match.value == "web");
}

TEST_CASE("search query: unsupported or misshapen queries say what is supported") {
  CHECK(parse_error(R"({"bool": {}})") ==
        "query [bool] is not supported by the simulator (supported: match_all, term, match)");
  CHECK(parse_error(R"({"term": {}, "match": {}})") ==
        "[query] must be an object with exactly one query (supported: match_all, term, match)");
  CHECK(parse_error(R"([])") == "[query] must be an object with exactly one query (supported: match_all, term, match)");
  CHECK(parse_error(R"({"term": {"a": 1, "b": 2}})") == "[term] query must be an object with exactly one field");
  CHECK(parse_error(R"({"term": {"a": {"query": 1}}})") == "[term] query on [a] needs a [value]");
  CHECK(parse_error(R"({"match": {"a": {"value": 1}}})") == "[match] query on [a] needs a [query]");
  CHECK(parse_error(R"({"match": {"a": null}})") == "[match] query on [a] needs a scalar value");
  CHECK(parse_error(R"({"term": {"a": {"value": [1]}}})") == "[term] query on [a] needs a scalar value");
}

TEST_CASE("search query: match_all matches any source") {
  CHECK(parse_ok(R"({"match_all": {}})").matches(json::object()));
}

TEST_CASE("search query: term is not analyzed - it must equal one lowercase token of a text") {
  CHECK(parse_ok(R"({"term": {"msg": "hello"}})").matches(kDoc));
  CHECK(parse_ok(R"({"term": {"msg": "wide"}})").matches(kDoc));  // "World-wide" splits at '-'
  CHECK_FALSE(parse_ok(R"({"term": {"msg": "Hello"}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"msg": "hello world"}})").matches(kDoc));
}

TEST_CASE("search query: match analyzes the query too - any shared token") {
  CHECK(parse_ok(R"({"match": {"msg": "WEB pages"}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"match": {"msg": "pages sites"}})").matches(kDoc));
}

TEST_CASE("search query: numbers and booleans compare exactly - or as their text") {
  CHECK(parse_ok(R"({"term": {"n": 5}})").matches(kDoc));
  CHECK(parse_ok(R"({"term": {"n": "5"}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"n": 6}})").matches(kDoc));
  CHECK(parse_ok(R"({"term": {"ok": true}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"ok": false}})").matches(kDoc));
}

TEST_CASE("search query: keyword subfields match the exact string - arrays by any element") {
  CHECK(parse_ok(R"({"term": {"user.name.keyword": "Ann Lee"}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"user.name.keyword": "ann lee"}})").matches(kDoc));
  CHECK(parse_ok(R"({"term": {"tags.keyword": "Red"}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"tags.keyword": "red"}})").matches(kDoc));
  CHECK(parse_ok(R"({"term": {"tags": "red"}})").matches(kDoc));  // the text field is analyzed
  CHECK_FALSE(parse_ok(R"({"term": {"n.keyword": "5"}})").matches(kDoc));
}

TEST_CASE("search query: dotted paths reach into objects - a literal dotted key wins") {
  CHECK(parse_ok(R"({"match": {"user.name": "lee"}})").matches(kDoc));
  CHECK(parse_ok(R"({"term": {"a.b": "dotted"}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"user.age": 3}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"missing": "x"}})").matches(kDoc));
  CHECK_FALSE(parse_ok(R"({"term": {"msg.inner": "x"}})").matches(kDoc));
}

}  // namespace
}  // namespace ccrsim
