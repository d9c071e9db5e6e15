#include "model/rest/rest_request.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace ccrsim {
namespace {

using Strings = std::vector<std::string>;

RestRequest parse_ok(const std::string& line) {
  RestRequest r;
  std::string error;
  INFO(line);
  REQUIRE(parse_request_line(line, r, error));
  CHECK(error.empty());
  return r;
}

std::string parse_error(const std::string& line) {
  RestRequest r;
  std::string error;
  CHECK_FALSE(parse_request_line(line, r, error));
  return error;
}

TEST_CASE("rest request: method upper-cased - slashes trimmed - path split into segments") {
  const RestRequest r = parse_ok("  put /logs/_doc/1/  ");
  CHECK(r.method == "PUT");
  CHECK(r.path == "logs/_doc/1");
  CHECK(r.segments == Strings{"logs", "_doc", "1"});
  CHECK(r.params.empty());
  CHECK(r.user == "admin");
  CHECK(parse_ok("GET /").segments.empty());
  CHECK(parse_ok("HEAD\tlogs").segments == Strings{"logs"});
}

TEST_CASE("rest request: segments are percent-decoded - the path is kept as written") {
  const RestRequest r = parse_ok("GET %3Clogs-%7Bnow%2Fd%7D%3E/_search");
  CHECK(r.path == "%3Clogs-%7Bnow%2Fd%7D%3E/_search");
  CHECK(r.segments == Strings{"<logs-{now/d}>", "_search"});
  // Incomplete or invalid escapes stay as they are.
  CHECK(parse_ok("GET a%2/b%zz/c%").segments == Strings{"a%2", "b%zz", "c%"});
}

TEST_CASE("rest request: query parameters - flags - and decoding") {
  const RestRequest r = parse_ok("GET _cat/indices?v&h=index,docs.count&s=index%3Adesc&pretty=false&&");
  CHECK(r.path == "_cat/indices");
  CHECK(r.params.size() == 4);
  CHECK(r.param("h") == "index,docs.count");
  CHECK(r.param("s") == "index:desc");
  CHECK(r.flag("v"));             // present without a value
  CHECK_FALSE(r.flag("pretty"));  // =false
  CHECK_FALSE(r.flag("missing"));
  CHECK(r.param("missing", "text") == "text");
  CHECK(parse_ok("GET x?refresh=true").flag("refresh"));
  CHECK_FALSE(parse_ok("GET x?refresh=wait_for").flag("refresh"));
}

TEST_CASE("rest request: malformed lines are refused with a reason") {
  CHECK(parse_error("   ") == "empty request line");
  CHECK(parse_error("GET") == "request must be 'METHOD PATH', e.g. 'GET _cat/indices'");
  CHECK(parse_error("patch logs") == "unknown HTTP method 'PATCH' (expected GET, PUT, POST, DELETE or HEAD)");
  CHECK(parse_error("GET logs extra") == "request path must not contain spaces");
}

TEST_CASE("rest request: a failed parse leaves the request as it was") {
  RestRequest r;
  r.method = "GET";
  r.path = "kept";
  std::string error;
  CHECK_FALSE(parse_request_line("FETCH x", r, error));
  CHECK(r.method == "GET");
  CHECK(r.path == "kept");
}

TEST_CASE("rest request: comma lists drop empty parts") {
  CHECK(split_commas("a,b,,c") == Strings{"a", "b", "c"});
  CHECK(split_commas(",a,") == Strings{"a"});
  CHECK(split_commas("").empty());
  CHECK(split_commas(",,,").empty());
  CHECK(split_commas("only") == Strings{"only"});
}

}  // namespace
}  // namespace ccrsim
