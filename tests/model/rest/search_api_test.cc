#include "tests/model/rest_test_fixture.h"

namespace ccrsim::test {
namespace {

TEST_CASE("_search over an empty index: zero hits and a null max_score") {
  RestFixture f;
  f.call("PUT idx", json::parse(R"({"settings":{"number_of_shards":3}})"));
  RestResponse r = f.call("GET idx/_search");
  CHECK(r.status == 200);
  CHECK(
      r.body.dump() ==
      R"({"took":1,"timed_out":false,"_shards":{"total":3,"successful":3,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}})");
}

TEST_CASE("_search match_all lists explicit documents and counts synthetic ones too") {
  RestFixture f;
  f.call("PUT idx/_doc/1?refresh=true", json{{"user", "kimchy"}});
  f.index("idx").shard(0).append_synthetic(100, 0, 0, 50);  // documents without source (a workload's)
  RestResponse r = f.call_at(kUsPerS, "POST idx/_search", json::parse(R"({"query":{"match_all":{}}})"));
  CHECK(
      r.body["hits"].dump() ==
      R"({"total":{"value":101,"relation":"eq"},"max_score":1.0,"hits":[{"_index":"idx","_id":"1","_score":1.0,"_source":{"user":"kimchy"}}]})");
  CHECK(f.call_at(kUsPerS, "GET idx/_count").body.dump() ==
        R"({"count":101,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}})");
}

TEST_CASE("size from the body or the URL - track_total_hits caps at 10000 with gte") {
  RestFixture f;
  for (int i = 0; i < 5; ++i) f.call("PUT idx/_doc/" + std::to_string(i), json{{"n", i}});
  CHECK(f.call_at(kUsPerS, "GET idx/_search", json{{"size", 2}}).body["hits"]["hits"].size() == 2);
  CHECK(f.call_at(kUsPerS, "GET idx/_search?size=3").body["hits"]["hits"].size() == 3);
  CHECK(f.call_at(kUsPerS, "GET idx/_search?size=0").body["hits"]["max_score"].is_null());
  f.index("idx").shard(0).append_synthetic(20000, kUsPerS, kUsPerS, 10);
  const json total = f.call_at(2 * kUsPerS, "GET idx/_search").body["hits"]["total"];
  CHECK(total.dump() == R"({"value":10000,"relation":"gte"})");
  CHECK(f.call_at(2 * kUsPerS, "GET idx/_search?track_total_hits=true").body["hits"]["total"]["value"] == 20005);
  CHECK(f.call("GET idx/_search?size=-1").status == 400);
}

TEST_CASE("term and match queries on explicit documents' source fields") {
  RestFixture f;
  f.call("PUT idx/_doc/1?refresh=true", json{{"user", "Kimchy Smith"}, {"age", 30}});
  f.call("PUT idx/_doc/2?refresh=true", json{{"user", "other"}, {"age", 40}});
  auto ids = [&](const json& query) {
    std::vector<std::string> out;
    RestResponse r = f.call("GET idx/_search", json{{"query", query}});
    INFO(r.body.dump());
    for (const json& hit : r.body["hits"]["hits"]) {
      out.push_back(hit["_id"]);
    }
    return out;
  };
  CHECK(ids(json::parse(R"({"match":{"user":"KIMCHY"}})")) == std::vector<std::string>{"1"});
  CHECK(ids(json::parse(R"({"term":{"user":"kimchy"}})")) == std::vector<std::string>{"1"});
  CHECK(ids(json::parse(R"({"term":{"user":"Kimchy"}})")).empty());  // term is not analyzed
  CHECK(ids(json::parse(R"({"term":{"user.keyword":"Kimchy Smith"}})")) == std::vector<std::string>{"1"});
  CHECK(ids(json::parse(R"({"term":{"age":{"value":40}}})")) == std::vector<std::string>{"2"});
  CHECK(f.call("GET idx/_count", json::parse(R"({"query":{"match":{"user":{"query":"other"}}}})")).body["count"] == 1);
}

TEST_CASE("queries the simulator does not evaluate are a clear 400") {
  RestFixture f;
  f.call("PUT idx");
  RestResponse r = f.call("GET idx/_search", json::parse(R"({"query":{"bool":{"must":[]}}})"));
  CHECK(r.status == 400);
  CHECK(r.body["error"]["type"] == "illegal_argument_exception");
  CHECK(r.body["error"]["reason"] ==
        "query [bool] is not supported by the simulator (supported: match_all, term, match)");
  CHECK(f.call("GET idx/_search", json::parse(R"({"aggs":{}})")).status == 400);
  CHECK(f.call("GET idx/_search", json::parse(R"({"query":[]})")).status == 400);
}

TEST_CASE("index patterns: wildcards and comma lists - closed indices skipped unless named") {
  RestFixture f;
  f.call("PUT logs-1/_doc/1?refresh=true", json{{"a", 1}});
  f.call("PUT logs-2/_doc/1?refresh=true", json{{"a", 2}});
  f.call("PUT metrics/_doc/1?refresh=true", json{{"a", 3}});
  f.call("PUT old/_doc/1?refresh=true", json{{"a", 4}});
  f.call("POST old/_close");
  CHECK(f.call("GET logs-*/_count").body["count"] == 2);
  CHECK(f.call("GET logs-*,metrics/_count").body["count"] == 3);
  CHECK(f.call("GET logs-*,-logs-2/_count").body["count"] == 1);
  CHECK(f.call("GET _search").body["hits"]["total"]["value"] == 3);
  CHECK(f.call("GET */_count").body["_shards"]["total"] == 3);
  CHECK(f.call("GET nothing-*/_search").body["_shards"]["total"] == 0);
  RestResponse closed = f.call("GET old,metrics/_search");
  CHECK(closed.status == 400);
  CHECK(closed.body["error"]["type"] == "index_closed_exception");
  RestResponse missing = f.call("GET logs-1,missing/_search");
  CHECK(missing.status == 404);
  CHECK(missing.body["error"]["reason"] == "no such index [missing]");
}

}  // namespace
}  // namespace ccrsim::test

namespace ccrsim::test {
namespace {

TEST_CASE("_source filtering in search hits") {
  RestFixture f;
  f.call("PUT idx/_doc/1?refresh=true", json{{"a", 1}, {"b", 2}});
  CHECK_FALSE(f.call("GET idx/_search", json{{"_source", false}}).body["hits"]["hits"][0].contains("_source"));
  CHECK(f.call("GET idx/_search", json{{"_source", json::array({"b"})}}).body["hits"]["hits"][0]["_source"].dump() ==
        R"({"b":2})");
}

}  // namespace
}  // namespace ccrsim::test

namespace ccrsim::test {
namespace {

TEST_CASE("every request first catches the domain's synthetic writers up to its time") {
  RestFixture f;
  WorkloadSpec spec;
  spec.domain = f.domain().name();
  spec.index = "logs";
  spec.rate_per_s = 10;
  spec.doc_size_bytes = 100;
  f.domain().add_workload(Workload(spec, 42, 0, seconds_us(3600)));
  RestResponse count = f.call_at(seconds_us(10), "GET logs/_count");
  REQUIRE(count.status == 200);
  CHECK(count.body["count"].get<std::int64_t>() >= 90);
  // An explicit write lands after the synthetic operations issued before it.
  RestResponse write = f.call_at(seconds_us(20), "PUT logs/_doc/x", json{{"a", 1}});
  CHECK(write.body["_seq_no"].get<std::int64_t>() >= 190);
}

}  // namespace
}  // namespace ccrsim::test
