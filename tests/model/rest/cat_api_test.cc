#include "tests/model/rest_test_fixture.h"

namespace ccrsim::test {
namespace {

TEST_CASE("_cat/indices text: sorted - columns aligned as RestTable pads them - header only with ?v") {
  RestFixture f;
  f.call("PUT logs-2024", json::parse(R"({"settings":{"number_of_shards":3,"number_of_replicas":2}})"));
  f.call("PUT a/_doc/1", json{{"msg", "hello"}});  // 15 bytes of source
  const std::string uuid_a = f.index("a").uuid();
  const std::string uuid_l = f.index("logs-2024").uuid();
  const std::string rows = "green  open a         " + uuid_a + " 1 1 1 0 30b 15b\n" + "yellow open logs-2024 " +
                           uuid_l + " 3 2 0 0  0b  0b\n";
  RestResponse r = f.call("GET _cat/indices");
  CHECK(r.status == 200);
  REQUIRE(r.text);
  CHECK(*r.text == rows);
  RestResponse v = f.call("GET _cat/indices?v");
  REQUIRE(v.text);
  CHECK(*v.text ==
        "health status index     uuid                   pri rep docs.count docs.deleted store.size pri.store.size\n"
        "green  open   a         " +
            uuid_a +
            "   1   1          1            0        30b            15b\n"
            "yellow open   logs-2024 " +
            uuid_l + "   3   2          0            0         0b             0b\n");
  CHECK(*f.call("GET _cat/indices/logs-*").text == "yellow open logs-2024 " + uuid_l + " 3 2 0 0 0b 0b\n");
  CHECK(*f.call("GET _cat/indices?h=index,health").text == "a         green\nlogs-2024 yellow\n");
  CHECK(*f.call("GET _cat/indices/a?bytes=b").text == "green open a " + uuid_a + " 1 1 1 0 30 15\n");
}

TEST_CASE("_cat/indices?format=json: an array of objects with string values") {
  RestFixture f;
  f.call("PUT a/_doc/1", json{{"msg", "hello"}});
  RestResponse r = f.call("GET _cat/indices?format=json");
  CHECK(r.status == 200);
  CHECK_FALSE(r.text);
  CHECK(r.body.dump() ==
        R"([{"health":"green","status":"open","index":"a","uuid":")" + f.index("a").uuid() +
            R"(","pri":"1","rep":"1","docs.count":"1","docs.deleted":"0","store.size":"30b","pri.store.size":"15b"}])");
}

TEST_CASE("_cat/indices: closed indices have empty stats - a missing index is 404") {
  RestFixture f;
  f.call("PUT a");
  f.call("POST a/_close");
  CHECK(*f.call("GET _cat/indices").text ==
        "green close a " + f.index("a").uuid() + " 1 1    \n");  // RestTable still separates the empty cells
  CHECK(f.call("GET _cat/indices?format=json").body[0]["docs.count"].is_null());
  CHECK(f.call("GET _cat/indices/missing").status == 404);
  CHECK(*f.call("GET _cat/indices/missing-*").text == "");
}

}  // namespace
}  // namespace ccrsim::test

namespace ccrsim::test {
namespace {

TEST_CASE("_cat/indices?s= sorts by a column - numbers numerically") {
  RestFixture f;
  f.call("PUT a", json::parse(R"({"settings":{"number_of_shards":10}})"));
  f.call("PUT b", json::parse(R"({"settings":{"number_of_shards":9}})"));
  f.call("PUT c", json::parse(R"({"settings":{"number_of_shards":2}})"));
  CHECK(*f.call("GET _cat/indices?h=index,pri&s=pri").text == "c  2\nb  9\na 10\n");
  CHECK(*f.call("GET _cat/indices?h=index&s=index:desc").text == "c\nb\na\n");
  CHECK(f.call("GET _cat/indices?s=nope").status == 400);
}

}  // namespace
}  // namespace ccrsim::test
