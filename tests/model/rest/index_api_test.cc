#include "model/rest/index_name_rules.h"
#include "model/rest/settings_format.h"
#include "tests/model/rest_test_fixture.h"

namespace ccrsim::test {
namespace {

TEST_CASE("PUT index answers acknowledged with the index name") {
  RestFixture f;
  RestResponse r = f.call("PUT idx");
  CHECK(r.status == 200);
  CHECK(r.body.dump() == R"({"acknowledged":true,"shards_acknowledged":true,"index":"idx"})");
  CHECK(f.index("idx").number_of_shards() == 1);
  CHECK(f.index("idx").number_of_replicas() == 1);
}

TEST_CASE("PUT index accepts settings flat - nested under index - and dotted - numbers or strings") {
  RestFixture f;
  CHECK(f.call("PUT a", json::parse(R"({"settings":{"number_of_shards":3}})")).status == 200);
  CHECK(f.call("PUT b", json::parse(R"({"settings":{"index":{"number_of_shards":"4","number_of_replicas":0}}})"))
            .status == 200);
  CHECK(f.call("PUT c", json::parse(R"({"settings":{"index.number_of_shards":5}})")).status == 200);
  CHECK(f.index("a").number_of_shards() == 3);
  CHECK(f.index("b").number_of_shards() == 4);
  CHECK(f.index("b").number_of_replicas() == 0);
  CHECK(f.index("c").number_of_shards() == 5);
}

TEST_CASE("PUT index rejects out-of-range shard counts with the setting parser's text") {
  RestFixture f;
  RestResponse zero = f.call("PUT a", json::parse(R"({"settings":{"number_of_shards":0}})"));
  CHECK(zero.status == 400);
  CHECK(
      zero.body.dump() ==
      R"({"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Failed to parse value [0] for setting [index.number_of_shards] must be >= 1"}],"type":"illegal_argument_exception","reason":"Failed to parse value [0] for setting [index.number_of_shards] must be >= 1"},"status":400})");
  RestResponse big = f.call("PUT a", json::parse(R"({"settings":{"index":{"number_of_shards":"1025"}}})"));
  CHECK(big.body["error"]["reason"] ==
        "Failed to parse value [1025] for setting [index.number_of_shards] must be <= 1024");
  RestResponse text = f.call("PUT a", json::parse(R"({"settings":{"number_of_shards":"x"}})"));
  CHECK(text.body["error"]["reason"] == "Failed to parse value [x] for setting [index.number_of_shards]");
  CHECK(f.domain().find_index("a") == nullptr);
}

TEST_CASE("PUT of an existing index is resource_already_exists_exception") {
  RestFixture f;
  f.call("PUT idx");
  const std::string uuid = f.index("idx").uuid();
  RestResponse r = f.call("PUT idx");
  CHECK(r.status == 400);
  CHECK(r.body["error"]["type"] == "resource_already_exists_exception");
  CHECK(r.body["error"]["reason"] == "index [idx/" + uuid + "] already exists");
  CHECK(r.body["error"]["index_uuid"] == uuid);
  CHECK(r.body["error"]["index"] == "idx");
}

TEST_CASE("index names are validated in OpenSearch's order with its texts") {
  auto reason = [](const std::string& name) { return invalid_index_name_reason(name).value_or("ok"); };
  CHECK(reason("Logs") == "Invalid index name [Logs], must be lowercase");
  CHECK(reason("a b") ==
        R"(Invalid index name [a b], must not contain the following characters [ , ", *, \, <, |, ,, >, /, ?])");
  CHECK(reason("A*") ==
        R"(Invalid index name [A*], must not contain the following characters [ , ", *, \, <, |, ,, >, /, ?])");
  CHECK(reason("a#b") == "Invalid index name [a#b], must not contain '#'");
  CHECK(reason("a:b") == "Invalid index name [a:b], must not contain ':'");
  CHECK(reason("_a") == "Invalid index name [_a], must not start with '_', '-', or '+'");
  CHECK(reason("-a") == "Invalid index name [-a], must not start with '_', '-', or '+'");
  CHECK(reason("+a") == "Invalid index name [+a], must not start with '_', '-', or '+'");
  CHECK(reason(".") == "Invalid index name [.], must not be '.' or '..'");
  CHECK(reason("..") == "Invalid index name [..], must not be '.' or '..'");
  CHECK(reason(std::string(256, 'a')) ==
        "Invalid index name [" + std::string(256, 'a') + "], index name is too long, (256 > 255)");
  CHECK(reason(std::string(255, 'a')) == "ok");
  CHECK(reason(".kibana_1") == "ok");

  RestFixture f;
  RestResponse r = f.call("PUT Logs");
  CHECK(r.status == 400);
  CHECK(
      r.body.dump() ==
      R"({"error":{"root_cause":[{"type":"invalid_index_name_exception","reason":"Invalid index name [Logs], must be lowercase","index_uuid":"_na_","index":"Logs"}],"type":"invalid_index_name_exception","reason":"Invalid index name [Logs], must be lowercase","index_uuid":"_na_","index":"Logs"},"status":400})");
}

TEST_CASE("GET index prints settings as strings in OpenSearch's (HashMap) key order") {
  RestFixture f;
  f.call_at(1'500'000, "PUT idx",
            json::parse(R"({"settings":{"number_of_shards":2},"mappings":{"properties":{"a":{"type":"keyword"}}}})"));
  const std::string uuid = f.index("idx").uuid();
  RestResponse r = f.call("GET idx");
  CHECK(r.status == 200);
  CHECK(
      r.body.dump() ==
      R"({"idx":{"aliases":{},"mappings":{"properties":{"a":{"type":"keyword"}}},"settings":{"index":{"replication":{"type":"DOCUMENT"},"number_of_shards":"2","provided_name":"idx","creation_date":"1500","number_of_replicas":"1","uuid":")" +
          uuid + R"(","version":{"created":"136327827"}}}}})");
  RestResponse settings = f.call("GET idx/_settings");
  CHECK(settings.body["idx"]["settings"] == r.body["idx"]["settings"]);
  RestResponse flat = f.call("GET idx/_settings?flat_settings=true");
  CHECK(
      flat.body["idx"]["settings"].dump() ==
      R"({"index.creation_date":"1500","index.number_of_replicas":"1","index.number_of_shards":"2","index.provided_name":"idx","index.replication.type":"DOCUMENT","index.uuid":")" +
          uuid + R"(","index.version.created":"136327827"})");
  CHECK(f.call("GET idx/_mapping").body.dump() == R"({"idx":{"mappings":{"properties":{"a":{"type":"keyword"}}}}})");
}

TEST_CASE("user index settings are kept and nested by dots") {
  RestFixture f;
  f.call(
      "PUT idx",
      json::parse(
          R"({"settings":{"index.refresh_interval":"5s","index.plugins.replication.follower.ops_batch_size":100}})"));
  const json index = f.call("GET idx").body["idx"]["settings"]["index"];
  CHECK(index["refresh_interval"] == "5s");
  CHECK(index["plugins"]["replication"]["follower"]["ops_batch_size"] == "100");
  CHECK(f.index("idx").refresh_interval_us() == 5 * kUsPerS);
}

TEST_CASE("java_hash_map_order reproduces the familiar Elasticsearch 7 order without replication.type") {
  CHECK(java_hash_map_order({"creation_date", "number_of_replicas", "number_of_shards", "provided_name", "uuid",
                             "version"}) == std::vector<std::string>{"creation_date", "number_of_shards",
                                                                     "number_of_replicas", "uuid", "version",
                                                                     "provided_name"});
}

TEST_CASE("DELETE index: acknowledged - then 404 no such index") {
  RestFixture f;
  f.call("PUT idx");
  CHECK(f.call("DELETE idx").body.dump() == R"({"acknowledged":true})");
  RestResponse r = f.call("DELETE idx");
  CHECK(r.status == 404);
  CHECK(
      r.body.dump() ==
      R"({"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [idx]","resource.type":"index_or_alias","resource.id":"idx","index_uuid":"_na_","index":"idx"}],"type":"index_not_found_exception","reason":"no such index [idx]","resource.type":"index_or_alias","resource.id":"idx","index_uuid":"_na_","index":"idx"},"status":404})");
}

TEST_CASE("close and open - a closed index refuses reads and writes with index_closed_exception") {
  RestFixture f;
  f.call("PUT idx");
  const std::string uuid = f.index("idx").uuid();
  CHECK(f.call("POST idx/_close").body.dump() ==
        R"({"acknowledged":true,"shards_acknowledged":true,"indices":{"idx":{"closed":true}}})");
  RestResponse get = f.call("GET idx/_doc/1");
  CHECK(get.status == 400);
  CHECK(get.body["error"].dump() ==
        R"({"root_cause":[{"type":"index_closed_exception","reason":"closed","index_uuid":")" + uuid +
            R"(","index":"idx"}],"type":"index_closed_exception","reason":"closed","index_uuid":")" + uuid +
            R"(","index":"idx"})");
  CHECK(f.call("PUT idx/_doc/1", json{{"a", 1}}).status == 400);
  CHECK(f.call("GET idx/_search").status == 400);
  CHECK(f.call("GET idx").status == 200);  // metadata reads work on closed indices
  CHECK(f.call("POST idx/_open").body.dump() == R"({"acknowledged":true,"shards_acknowledged":true})");
  CHECK(f.call("PUT idx/_doc/1", json{{"a", 1}}).status == 201);
}

TEST_CASE("PUT _settings: dynamic settings apply - static ones are refused on open indices") {
  RestFixture f;
  f.call("PUT idx");
  const std::string uuid = f.index("idx").uuid();
  CHECK(f.call("PUT idx/_settings", json::parse(R"({"index":{"number_of_replicas":2}})")).body.dump() ==
        R"({"acknowledged":true})");
  CHECK(f.index("idx").number_of_replicas() == 2);
  CHECK(f.call("PUT idx/_settings", json::parse(R"({"refresh_interval":"-1"})")).status == 200);
  CHECK(f.index("idx").refresh_interval_us() == kTimeNever);
  RestResponse r = f.call("PUT idx/_settings", json::parse(R"({"index.number_of_shards":3})"));
  CHECK(r.status == 400);
  CHECK(r.body["error"]["type"] == "illegal_argument_exception");
  CHECK(r.body["error"]["reason"] ==
        "Can't update non dynamic settings [[index.number_of_shards]] for open indices [[idx/" + uuid + "]]");
  RestResponse bad = f.call("PUT idx/_settings", json::parse(R"({"number_of_replicas":-1})"));
  CHECK(bad.body["error"]["reason"] ==
        "Failed to parse value [-1] for setting [index.number_of_replicas] must be >= 0");
  CHECK(f.call("PUT idx/_settings", json::array()).status == 400);
  CHECK(f.call("PUT idx/_settings").status == 400);
}

TEST_CASE("the cross-cluster replication block refuses writes and metadata changes with 403") {
  RestFixture f;
  f.call("PUT follower");
  f.call("PUT follower/_doc/1", json{{"a", 1}});
  f.index("follower").set_replication_block(true);
  const std::string text =
      R"({"error":{"root_cause":[{"type":"cluster_block_exception","reason":"index [follower] blocked by: [FORBIDDEN/1000/index read-only(cross-cluster-replication)];"}],"type":"cluster_block_exception","reason":"index [follower] blocked by: [FORBIDDEN/1000/index read-only(cross-cluster-replication)];"},"status":403})";
  for (const char* line : {"PUT follower/_doc/2", "POST follower/_doc", "DELETE follower/_doc/1",
                           "PUT follower/_settings", "POST follower/_close", "DELETE follower"}) {
    INFO(line);
    RestResponse r = f.call(line, json{{"number_of_replicas", 0}});
    CHECK(r.status == 403);
    CHECK(r.body.dump() == text);
  }
  CHECK(f.call("GET follower/_doc/1").status == 200);
  CHECK(f.call("GET follower/_search").status == 200);
}

TEST_CASE("bodies of the wrong JSON type are 400s - never crashes") {
  RestFixture f;
  CHECK(f.call("PUT a", json::array({1, 2})).status == 400);
  CHECK(f.call("PUT a", json::parse(R"({"settings":[1]})")).status == 400);
  CHECK(f.call("PUT a", json::parse(R"({"mappings":"x"})")).status == 400);
  CHECK(f.call("PUT a", json::parse(R"({"foo":{}})")).body["error"]["reason"] == "unknown key [foo] for create index");
  CHECK(f.call("POST _aliases", json("x")).status == 400);
  CHECK(f.call("PUT _cluster/settings", json(3)).status == 400);
  CHECK(f.call("GET _search", json::array()).status == 400);
}

}  // namespace
}  // namespace ccrsim::test

namespace ccrsim::test {
namespace {

TEST_CASE("final settings cannot change on a closed index either") {
  RestFixture f;
  f.call("PUT idx");
  f.call("POST idx/_close");
  RestResponse r = f.call("PUT idx/_settings", json::parse(R"({"index.number_of_shards":3})"));
  CHECK(r.status == 400);
  CHECK(r.body["error"]["reason"] == "final index setting [index.number_of_shards], not updateable");
  CHECK(f.call("PUT idx/_settings", json::parse(R"({"index.codec":"best_compression"})")).status == 200);
}

TEST_CASE("index.blocks.* settings refuse document writes with their block texts") {
  RestFixture f;
  f.call("PUT idx");
  f.call("PUT idx/_settings", json::parse(R"({"index.blocks.write":true})"));
  RestResponse r = f.call("PUT idx/_doc/1", json{{"a", 1}});
  CHECK(r.status == 403);
  CHECK(r.body["error"]["reason"] == "index [idx] blocked by: [FORBIDDEN/8/index write (api)];");
  f.call("PUT idx/_settings",
         json::parse(R"({"index.blocks.write":null,"index.blocks.read_only_allow_delete":"true"})"));
  RestResponse flood = f.call("PUT idx/_doc/1", json{{"a", 1}});
  CHECK(flood.status == 429);
  CHECK(flood.body["error"]["reason"] ==
        "index [idx] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has "
        "read-only-allow-delete block];");
}

}  // namespace
}  // namespace ccrsim::test

namespace ccrsim::test {
namespace {

TEST_CASE("a follower's settings show the replication plugin's leader marker") {
  RestFixture f;
  f.call("PUT follower");
  f.index("follower").set_follower_of("conn:leader");
  RestResponse r = f.call("GET follower/_settings?flat_settings=true");
  CHECK(r.body["follower"]["settings"]["index.plugins.replication.follower.leader_index"] == "conn:leader");
}

}  // namespace
}  // namespace ccrsim::test
