#include <set>

#include "model/rest/auto_id.h"
#include "tests/model/rest_test_fixture.h"

namespace ccrsim::test {
namespace {

TEST_CASE("PUT _doc creates (201) then updates (200) with DocWriteResponse's keys in order") {
  RestFixture f;
  f.call("PUT idx");
  RestResponse created = f.call("PUT idx/_doc/1", json{{"user", "kimchy"}});
  CHECK(created.status == 201);
  CHECK(
      created.body.dump() ==
      R"({"_index":"idx","_id":"1","_version":1,"result":"created","_shards":{"total":2,"successful":2,"failed":0},"_seq_no":0,"_primary_term":1})");
  RestResponse updated = f.call("POST idx/_doc/1", json{{"user", "other"}});
  CHECK(updated.status == 200);
  CHECK(updated.body["result"] == "updated");
  CHECK(updated.body["_version"] == 2);
  CHECK(updated.body["_seq_no"] == 1);
}

TEST_CASE("GET _doc: found with source - missing with found:false and 404") {
  RestFixture f;
  f.call("PUT idx/_doc/1", json{{"user", "kimchy"}});
  RestResponse found = f.call("GET idx/_doc/1");
  CHECK(found.status == 200);
  CHECK(
      found.body.dump() ==
      R"({"_index":"idx","_id":"1","_version":1,"_seq_no":0,"_primary_term":1,"found":true,"_source":{"user":"kimchy"}})");
  RestResponse missing = f.call("GET idx/_doc/2");
  CHECK(missing.status == 404);
  CHECK(missing.body.dump() == R"({"_index":"idx","_id":"2","found":false})");
  RestResponse no_index = f.call("GET nope/_doc/1");
  CHECK(no_index.status == 404);
  CHECK(no_index.body["error"]["type"] == "index_not_found_exception");
}

TEST_CASE("a write to a missing index auto-creates it with 1 shard and 1 replica") {
  RestFixture f;
  CHECK(f.call("PUT newidx/_doc/1", json{{"a", 1}}).status == 201);
  CHECK(f.index("newidx").number_of_shards() == 1);
  CHECK(f.index("newidx").number_of_replicas() == 1);
  CHECK(f.call("PUT BadName/_doc/1", json{{"a", 1}}).body["error"]["type"] == "invalid_index_name_exception");
}

TEST_CASE("action.auto_create_index=false turns a write to a missing index into a 404") {
  RestFixture f;
  f.domain().persistent_settings()["action.auto_create_index"] = "false";
  RestResponse r = f.call("PUT newidx/_doc/1", json{{"a", 1}});
  CHECK(r.status == 404);
  CHECK(r.body["error"]["reason"] == "no such index [newidx] and [action.auto_create_index] is [false]");
}

TEST_CASE("routing is consistent: GET finds every document PUT wrote across 5 shards") {
  RestFixture f;
  f.call("PUT idx", json::parse(R"({"settings":{"number_of_shards":5}})"));
  std::set<int> shards_used;
  for (int i = 0; i < 50; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    REQUIRE(f.call("PUT idx/_doc/" + id, json{{"n", i}}).status == 201);
    shards_used.insert(f.index("idx").shard_for_id(id));
  }
  CHECK(shards_used.size() == 5);
  for (int i = 0; i < 50; ++i) {
    RestResponse r = f.call("GET idx/_doc/doc-" + std::to_string(i));
    REQUIRE(r.status == 200);
    CHECK(r.body["_source"]["n"] == i);
  }
  CHECK(f.call_at(kUsPerS, "GET idx/_count").body["count"] == 50);
}

TEST_CASE("POST _doc generates 20-character URL-safe ids - deterministically") {
  auto ids = [] {
    RestFixture f;
    std::vector<std::string> out;
    for (int i = 0; i < 3; ++i) {
      RestResponse r = f.call_at(1'000 * i, "POST idx/_doc", json{{"i", i}});
      REQUIRE(r.status == 201);
      CHECK(r.body["result"] == "created");
      out.push_back(r.body["_id"].get<std::string>());
      CHECK(f.call("GET idx/_doc/" + out.back()).status == 200);
    }
    return out;
  };
  const std::vector<std::string> first = ids();
  CHECK(first == ids());
  CHECK(std::set<std::string>(first.begin(), first.end()).size() == 3);
  for (const std::string& id : first) {
    CHECK(id.size() == 20);
    CHECK(id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
  }
  CHECK(auto_document_id(0, 0, "n") != auto_document_id(1, 0, "n"));
}

TEST_CASE("DELETE _doc: deleted (200) - then not_found (404) - never auto-creates") {
  RestFixture f;
  f.call("PUT idx/_doc/1", json{{"a", 1}});
  RestResponse deleted = f.call("DELETE idx/_doc/1");
  CHECK(deleted.status == 200);
  CHECK(
      deleted.body.dump() ==
      R"({"_index":"idx","_id":"1","_version":2,"result":"deleted","_shards":{"total":2,"successful":2,"failed":0},"_seq_no":1,"_primary_term":1})");
  RestResponse again = f.call("DELETE idx/_doc/1");
  CHECK(again.status == 404);
  CHECK(again.body["result"] == "not_found");
  CHECK(f.call("GET idx/_doc/1").status == 404);
  CHECK(f.call("DELETE nope/_doc/1").status == 404);
  CHECK(f.domain().find_index("nope") == nullptr);
}

TEST_CASE("_shards.successful counts only assigned copies (one data node: replicas unassigned)") {
  RestFixture f(1);
  RestResponse r = f.call("PUT idx/_doc/1", json{{"a", 1}});
  CHECK(r.body["_shards"].dump() == R"({"total":2,"successful":1,"failed":0})");
}

// The first id that routes to shard `shard` of `index`.
std::string id_on_shard(const Index& index, int shard) {
  for (int i = 0; i < 1000; ++i) {
    if (index.shard_for_id(std::to_string(i)) == shard) return std::to_string(i);
  }
  FAIL("no id routes to shard " << shard);
  return "";
}

TEST_CASE("a write to an unassigned primary gets 503 unavailable_shards_exception - others go through") {
  RestFixture f;  // two data nodes; shard 0 lives on node 0
  REQUIRE(f.call("PUT idx", json{{"settings", {{"number_of_shards", 2}, {"number_of_replicas", 0}}}}).status == 200);
  const std::string on_0 = id_on_shard(f.index("idx"), 0);
  const std::string on_1 = id_on_shard(f.index("idx"), 1);
  REQUIRE(f.call("PUT idx/_doc/" + on_0, json{{"a", 1}}).status == 201);
  f.domain().set_nodes_down(1, 30'000'000);
  RestResponse put = f.call("PUT idx/_doc/" + on_0 + "?refresh=true", json{{"a", 2}});
  CHECK(put.status == 503);
  CHECK(put.body["status"] == 503);
  CHECK(put.body["error"]["type"] == "unavailable_shards_exception");
  CHECK(put.body["error"]["reason"] ==
        "[idx][0] primary shard is not active Timeout: [1m], request: [BulkShardRequest "
        "[[idx][0]] containing [index {[idx][" +
            on_0 + R"(], source[{"a":2}]}] and a refresh])");
  // Nothing was written: the version and the seq_no did not move.
  CHECK(f.call("GET idx/_doc/" + on_0).body["_version"] == 1);
  RestResponse del = f.call("DELETE idx/_doc/" + on_0);
  CHECK(del.status == 503);
  CHECK(del.body["error"]["reason"] ==
        "[idx][0] primary shard is not active Timeout: [1m], request: [BulkShardRequest "
        "[[idx][0]] containing [delete {[idx][" +
            on_0 + "]}]]");
  // A create conflict is found on the primary, so the 503 comes first.
  CHECK(f.call("PUT idx/_create/" + on_0, json{{"a", 3}}).status == 503);
  CHECK(f.call("PUT idx/_doc/" + on_1, json{{"a", 1}}).status == 201);
  // A source past 2 KiB is named by its size.
  RestResponse big = f.call("PUT idx/_doc/" + on_0, json{{"a", std::string(3000, 'x')}});
  CHECK(big.body["error"]["reason"].get<std::string>().find("source[n/a, actual length: [2.9kb], max length: 2kb]") !=
        std::string::npos);
  f.domain().set_nodes_down(0, 0);
  CHECK(f.call("PUT idx/_doc/" + on_0, json{{"a", 2}}).status == 200);
}

TEST_CASE("document bodies must be JSON objects") {
  RestFixture f;
  RestResponse array = f.call("PUT idx/_doc/1", json::array({1}));
  CHECK(array.status == 400);
  CHECK(array.body["error"]["type"] == "mapper_parsing_exception");
  CHECK(array.body["error"]["reason"] == "failed to parse");
  RestResponse none = f.call("PUT idx/_doc/1");
  CHECK(none.status == 400);
  CHECK(none.body["error"]["type"] == "parse_exception");
  CHECK(none.body["error"]["reason"] == "request body is required");
  CHECK(f.call("POST idx/_doc", json("text")).status == 400);
}

TEST_CASE("_create refuses an existing id with a version conflict") {
  RestFixture f;
  CHECK(f.call("PUT idx/_create/1", json{{"a", 1}}).status == 201);
  RestResponse r = f.call("PUT idx/_create/1", json{{"a", 2}});
  CHECK(r.status == 409);
  CHECK(r.body["error"]["reason"] == "[1]: version conflict, document already exists (current version [1])");
  CHECK(f.call("PUT idx/_doc/1?op_type=create", json{{"a", 2}}).status == 409);
}

TEST_CASE("refresh: a write is searchable after the next periodic refresh - or at once with ?refresh") {
  RestFixture f;
  f.call("PUT idx");
  RestResponse w = f.call_at(300'000, "PUT idx/_doc/1", json{{"a", 1}});
  CHECK_FALSE(w.body.contains("forced_refresh"));
  CHECK(f.call_at(300'000, "GET idx/_doc/1").status == 200);  // GET is real time
  CHECK(f.call_at(500'000, "GET idx/_search").body["hits"]["total"]["value"] == 0);
  CHECK(f.call_at(1'000'000, "GET idx/_search").body["hits"]["total"]["value"] == 1);

  RestResponse forced = f.call_at(1'300'000, "PUT idx/_doc/2?refresh=true", json{{"a", 2}});
  CHECK(
      forced.body.dump() ==
      R"({"_index":"idx","_id":"2","_version":1,"result":"created","forced_refresh":true,"_shards":{"total":2,"successful":2,"failed":0},"_seq_no":1,"_primary_term":1})");
  CHECK(f.call_at(1'500'000, "GET idx/_search").body["hits"]["total"]["value"] == 2);

  RestResponse wait = f.call_at(2'300'000, "PUT idx/_doc/3?refresh=wait_for", json{{"a", 3}});
  CHECK_FALSE(wait.body.contains("forced_refresh"));
  CHECK(f.call_at(2'500'000, "GET idx/_count").body["count"] == 3);
}

}  // namespace
}  // namespace ccrsim::test

namespace ccrsim::test {
namespace {

TEST_CASE("writes map new fields dynamically - sorted by name - as OpenSearch's defaults do") {
  RestFixture f;
  f.call(
      "PUT idx/_doc/1",
      json::parse(
          R"({"user":"kimchy","age":30,"score":1.5,"ok":true,"when":"2024-01-02T03:04:05Z","geo.city":"Oslo","tags":["a"],"none":null})"));
  CHECK(
      f.call("GET idx/_mapping").body.dump() ==
      R"({"idx":{"mappings":{"properties":{"age":{"type":"long"},"geo":{"properties":{"city":{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}}}},"ok":{"type":"boolean"},"score":{"type":"float"},"tags":{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}},"user":{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}},"when":{"type":"date"}}}}})");
}

TEST_CASE("values an existing field cannot parse are refused - and strict mappings refuse new fields") {
  RestFixture f;
  f.call("PUT idx",
         json::parse(R"({"mappings":{"dynamic":"strict","properties":{"n":{"type":"long"},"b":{"type":"boolean"}}}})"));
  RestResponse number = f.call("PUT idx/_doc/1", json{{"n", "abc"}});
  CHECK(number.status == 400);
  CHECK(number.body["error"]["reason"] ==
        "failed to parse field [n] of type [long] in document with id '1'. Preview of field's value: 'abc'");
  CHECK(number.body["error"]["caused_by"]["type"] == "number_format_exception");
  CHECK(f.call("PUT idx/_doc/1", json{{"n", "12"}}).status == 201);  // numeric strings are coerced
  CHECK(f.call("PUT idx/_doc/2", json{{"b", "maybe"}}).body["error"]["caused_by"]["reason"] ==
        "Failed to parse value [maybe] as only [true] or [false] are allowed.");
  RestResponse strict = f.call("PUT idx/_doc/3", json{{"other", 1}});
  CHECK(strict.status == 400);
  CHECK(strict.body["error"]["type"] == "strict_dynamic_mapping_exception");
  CHECK(strict.body["error"]["reason"] ==
        "mapping set to strict, dynamic introduction of [other] within [_doc] is not allowed");
  CHECK(f.call("GET idx/_doc/3").status == 404);
}

}  // namespace
}  // namespace ccrsim::test

namespace ccrsim::test {
namespace {

TEST_CASE("odd user mappings give a 400 - not an exception") {
  RestFixture f;
  f.call("PUT idx", json::parse(R"({"mappings":{"properties":{"a":"x","b":{"type":5}}}})"));
  CHECK(f.call("PUT idx/_doc/1", json::parse(R"({"a":{"c":1}})")).status == 400);
  CHECK(f.call("PUT idx/_doc/2", json::parse(R"({"b":1})")).status == 201);
  CHECK(f.call("GET idx/_doc/1").status == 404);
}

}  // namespace
}  // namespace ccrsim::test
