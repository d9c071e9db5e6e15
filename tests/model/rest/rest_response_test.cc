#include "model/rest/rest_response.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

TEST_CASE("rest response: the error envelope repeats the cause in root_cause - extras after reason") {
  const RestResponse r =
      opensearch_error(409, "version_conflict_engine_exception", "conflict", json{{"shard", "0"}, {"index", "x"}});
  CHECK(r.status == 409);
  CHECK_FALSE(r.text.has_value());
  const json expected = json::parse(R"({"error": {"root_cause": [{"type": "version_conflict_engine_exception",
      "reason": "conflict", "shard": "0", "index": "x"}], "type": "version_conflict_engine_exception",
      "reason": "conflict", "shard": "0", "index": "x"}, "status": 409})");
  CHECK(r.body == expected);
  CHECK(r.body.dump() == expected.dump());  // the key order too
}

TEST_CASE("rest response: without extras only type and reason") {
  const RestResponse r = opensearch_error(400, "parse_exception", "bad");
  CHECK(r.body["error"]["root_cause"][0].size() == 2);
  CHECK(r.body["error"].size() == 3);
  CHECK(r.body["status"] == 400);
}

TEST_CASE("rest response: index_not_found names the resource - _na_ uuid by default") {
  const RestResponse r = index_not_found("logs");
  CHECK(r.status == 404);
  const json& e = r.body["error"];
  CHECK(e["type"] == "index_not_found_exception");
  CHECK(e["reason"] == "no such index [logs]");
  CHECK(e["resource.type"] == "index_or_alias");
  CHECK(e["resource.id"] == "logs");
  CHECK(e["index_uuid"] == "_na_");
  CHECK(e["index"] == "logs");
  CHECK(index_not_found("logs", "abc").body["error"]["index_uuid"] == "abc");
}

TEST_CASE("rest response: ok - plain and acknowledged") {
  CHECK(acknowledged().status == 200);
  CHECK(acknowledged().body == json{{"acknowledged", true}});
  const RestResponse plain = RestResponse::plain(200, "a b c\n");
  CHECK(plain.body.is_null());
  CHECK(plain.text == std::optional<std::string>("a b c\n"));
  CHECK(RestResponse::ok(json::array()).body.is_array());
  CHECK(RestResponse::with_status(201, json::object()).status == 201);
}

}  // namespace
}  // namespace ccrsim
