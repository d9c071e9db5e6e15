#include "model/rest/request_body.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/model/rest_test_fixture.h"

namespace ccrsim {
namespace {

RestRequest with_text(const std::string& text) {
  RestRequest request;
  request.method = "PUT";
  request.body = json(text);
  return request;
}

TEST_CASE("a raw body that is JSON becomes the parsed body") {
  RestRequest request = with_text(R"({"settings": {"number_of_shards": 2}})");
  CHECK_FALSE(parse_raw_body(request).has_value());
  REQUIRE(request.body.has_value());
  CHECK((*request.body)["settings"]["number_of_shards"] == 2);
}

TEST_CASE("a blank raw body is no body") {
  RestRequest request = with_text(" \n\t");
  CHECK_FALSE(parse_raw_body(request).has_value());
  CHECK_FALSE(request.body.has_value());
}

TEST_CASE("structured bodies are left alone") {
  RestRequest request;
  request.body = json{{"a", "not json"}};
  CHECK_FALSE(parse_raw_body(request).has_value());
  CHECK((*request.body)["a"] == "not json");
}

TEST_CASE("text that is not JSON is a 400 json_parse_exception in Jackson's words") {
  RestRequest request = with_text("not json");
  const auto refused = parse_raw_body(request);
  REQUIRE(refused.has_value());
  CHECK(refused->status == 400);
  CHECK(refused->body["error"]["type"] == "json_parse_exception");
  CHECK(refused->body["error"]["reason"] ==
        "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or "
        "'false')\n at [line: 1, column: 4]");
  CHECK(refused->body["error"]["root_cause"][0]["type"] == "json_parse_exception");
}

TEST_CASE("an unterminated object is an unexpected end of input") {
  RestRequest request = with_text("{\"a\": 1");
  const auto refused = parse_raw_body(request);
  REQUIRE(refused.has_value());
  CHECK(refused->body["error"]["reason"].get<std::string>().rfind("Unexpected end-of-input", 0) == 0);
}

TEST_CASE("a stray character is named with its code and position") {
  RestRequest request = with_text("{\"a\":\n  }");
  const auto refused = parse_raw_body(request);
  REQUIRE(refused.has_value());
  CHECK(refused->body["error"]["reason"] == "Unexpected character ('}' (code 125))\n at [line: 2, column: 3]");
}

TEST_CASE("nesting deeper than 1000 is refused before parsing") {
  RestRequest deep = with_text(std::string(1001, '[') + std::string(1001, ']'));
  const auto refused = parse_raw_body(deep);
  REQUIRE(refused.has_value());
  CHECK(refused->status == 500);
  CHECK(refused->body["error"]["type"] == "stream_constraints_exception");
  RestRequest at_limit = with_text(std::string(1000, '[') + std::string(1000, ']'));
  CHECK_FALSE(parse_raw_body(at_limit).has_value());
  // Brackets inside strings do not count.
  RestRequest quoted = with_text("\"" + std::string(5000, '[') + "\"");
  CHECK_FALSE(parse_raw_body(quoted).has_value());
}

// Fuzz finding regression-huge-number: nlohmann throws out_of_range (not parse_error) for these, which escaped.
TEST_CASE("a number past the double range is a 400 input_coercion_exception") {
  RestRequest integer;
  integer.body = json(R"({"a": 1)" + std::string(400, '0') + "}");
  const auto long_refused = parse_raw_body(integer);
  REQUIRE(long_refused.has_value());
  CHECK(long_refused->status == 400);
  CHECK(long_refused->body["error"]["type"] == "input_coercion_exception");
  CHECK(long_refused->body["error"]["reason"] ==
        "Numeric value (1" + std::string(400, '0') +
            ") out of range of long (-9223372036854775808 - 9223372036854775807)");
  RestRequest huge;
  huge.body = json("[1" + std::string(1200, '0') + "]");
  CHECK(parse_raw_body(huge)->body["error"]["reason"] ==
        "Numeric value ([Integer with 1201 digits]) out of range of long (-9223372036854775808 - 9223372036854775807)");
  RestRequest exponent;
  exponent.body = json(R"({"a": -2.5e999})");
  CHECK(parse_raw_body(exponent)->body["error"]["reason"] == "Numeric value (-2.5e999) out of range of double");
  RestRequest fits;
  fits.body = json(R"({"a": 1.7e308, "b": 18446744073709551616})");
  CHECK_FALSE(parse_raw_body(fits).has_value());
}

TEST_CASE("the router parses raw bodies only for requests a handler takes") {
  test::RestFixture rest;
  const RestResponse bad = rest.call("PUT books", json("not json"));
  CHECK(bad.status == 400);
  CHECK(bad.body["error"]["type"] == "json_parse_exception");
  CHECK(rest.domain().find_index("books") == nullptr);
  const RestResponse unknown = rest.call("GET _no_such_api/x/y/z", json("not json"));
  CHECK(unknown.status == 400);
  CHECK(unknown.body["error"].is_string());
  const RestResponse good = rest.call("PUT books", json(R"({"settings": {"number_of_shards": 2}})"));
  CHECK(good.status == 200);
  CHECK(rest.index("books").number_of_shards() == 2);
}

}  // namespace
}  // namespace ccrsim
