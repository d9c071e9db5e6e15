#include "model/rest/cat_table.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

// health (left), index (left), docs (right): three rows, one with an empty docs cell.
CatTable sample() {
  CatTable t;
  t.columns = {{"health", false}, {"index", false}, {"docs", true}};
  t.rows = {{"green", "logs", "9"}, {"yellow", "a", "100"}, {"red", "metrics-long", std::nullopt}};
  return t;
}

RestRequest request(std::map<std::string, std::string> params) {
  RestRequest r;
  r.method = "GET";
  r.path = "_cat/indices";
  r.params = std::move(params);
  return r;
}

std::string text_of(const RestResponse& r) {
  REQUIRE(r.text.has_value());
  return *r.text;
}

TEST_CASE("cat table: text pads to the widest cell - right-aligned columns on the left - no trailing pad") {
  const RestResponse r = render_cat_table(sample(), request({}));
  CHECK(r.status == 200);
  CHECK(r.body.is_null());
  CHECK(text_of(r) ==
        "green  logs           9\n"
        "yellow a            100\n"
        "red    metrics-long    \n");
}

TEST_CASE("cat table: ?v adds the header and widens columns to fit it") {
  CatTable t;
  t.columns = {{"index", false}, {"docs.count", true}};
  t.rows = {{"a", "1"}};
  CHECK(text_of(render_cat_table(t, request({{"v", ""}}))) ==
        "index docs.count\n"
        "a              1\n");
  // The last left-aligned column is not padded.
  CatTable u;
  u.columns = {{"n", true}, {"name", false}};
  u.rows = {{"1", "x"}};
  CHECK(text_of(render_cat_table(u, request({{"v", "true"}}))) == "n name\n1 x\n");
}

TEST_CASE("cat table: ?h picks and orders columns - an unknown one is a 400") {
  CHECK(text_of(render_cat_table(sample(), request({{"h", "docs,index"}}))) ==
        "  9 logs\n"
        "100 a\n"
        "    metrics-long\n");
  const RestResponse bad = render_cat_table(sample(), request({{"h", "index,size"}}));
  CHECK(bad.status == 400);
  CHECK(bad.body["error"]["type"] == "illegal_argument_exception");
  CHECK(bad.body["error"]["reason"] == "header [size] does not exist in the table");
}

TEST_CASE("cat table: ?s sorts numbers as numbers - empty cells first - :desc reverses") {
  CHECK(text_of(render_cat_table(sample(), request({{"s", "docs"}, {"h", "index"}}))) == "metrics-long\nlogs\na\n");
  CHECK(text_of(render_cat_table(sample(), request({{"s", "docs:desc"}, {"h", "index"}}))) ==
        "a\nlogs\nmetrics-long\n");
  CHECK(text_of(render_cat_table(sample(), request({{"s", "index"}, {"h", "index"}}))) == "a\nlogs\nmetrics-long\n");
}

TEST_CASE("cat table: ?s with several keys breaks ties with the next - and is stable") {
  CatTable t;
  t.columns = {{"k", false}, {"v", false}};
  t.rows = {{"b", "2"}, {"a", "2"}, {"c", "1"}, {"d", "1"}};
  CHECK(text_of(render_cat_table(t, request({{"s", "v"}, {"h", "k"}}))) == "c\nd\nb\na\n");
  CHECK(text_of(render_cat_table(t, request({{"s", "v,k:desc"}, {"h", "k"}}))) == "d\nc\nb\na\n");
}

TEST_CASE("cat table: an unknown sort key is OpenSearch's unsupported_operation_exception") {
  const RestResponse r = render_cat_table(sample(), request({{"s", "size:desc"}}));
  CHECK(r.status == 400);
  CHECK(r.body["error"]["type"] == "unsupported_operation_exception");
  CHECK(r.body["error"]["reason"] == "Unable to sort by unknown sort key `size`");
}

TEST_CASE("cat table: ?format=json gives string cells and null for empty ones") {
  const RestResponse r = render_cat_table(sample(), request({{"format", "json"}, {"h", "index,docs"}}));
  CHECK(r.status == 200);
  CHECK_FALSE(r.text.has_value());
  CHECK(r.body == json::parse(R"([{"index": "logs", "docs": "9"}, {"index": "a", "docs": "100"},
                                  {"index": "metrics-long", "docs": null}])"));
  CHECK(render_cat_table(sample(), request({{"format", "txt"}})).text.has_value());
  const RestResponse yaml = render_cat_table(sample(), request({{"format", "yaml"}}));
  CHECK(yaml.status == 400);
  CHECK(yaml.body["error"]["reason"] == "format [yaml] is not supported by the simulator (supported: text, json)");
}

}  // namespace
}  // namespace ccrsim
