#include "model/rest/index_errors.h"

#include <catch2/catch.hpp>
#include <iterator>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("index errors: closed and already-exists name the index and its uuid") {
  const Index index("logs", "uUiD", 1, 0, 0);
  const RestResponse closed = index_closed(index);
  CHECK(closed.status == 400);
  CHECK(closed.body["error"]["type"] == "index_closed_exception");
  CHECK(closed.body["error"]["reason"] == "closed");
  CHECK(closed.body["error"]["index"] == "logs");
  CHECK(closed.body["error"]["index_uuid"] == "uUiD");
  CHECK(closed.body["error"]["root_cause"][0]["index"] == "logs");

  const RestResponse exists = index_already_exists(index);
  CHECK(exists.status == 400);
  CHECK(exists.body["error"]["type"] == "resource_already_exists_exception");
  CHECK(exists.body["error"]["reason"] == "index [logs/uUiD] already exists");
}

TEST_CASE("index errors: the replication block is a 403 with block id 1000") {
  const RestResponse r = replication_blocked(Index("follower", "u", 1, 0, 0));
  CHECK(r.status == 403);
  CHECK(r.body["error"]["type"] == "cluster_block_exception");
  CHECK(r.body["error"]["reason"] ==
        "index [follower] blocked by: [FORBIDDEN/1000/index read-only(cross-cluster-replication)];");
}

TEST_CASE("index errors: write blocks from index.blocks settings set to \"true\" only") {
  Index index("i", "u", 1, 0, 0);
  CHECK_FALSE(api_write_block(index).has_value());
  index.settings()["blocks.write"] = "false";
  CHECK_FALSE(api_write_block(index).has_value());
  index.settings()["blocks.write"] = "true";
  auto write = api_write_block(index);
  REQUIRE(write.has_value());
  CHECK(write->status == 403);
  CHECK(write->body["error"]["reason"] == "index [i] blocked by: [FORBIDDEN/8/index write (api)];");

  Index flood("f", "u", 1, 0, 0);
  flood.settings()["blocks.read_only_allow_delete"] = "true";
  auto r = api_write_block(flood);
  REQUIRE(r.has_value());
  CHECK(r->status == 429);
  CHECK(r->body["error"]["reason"] ==
        "index [f] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has "
        "read-only-allow-delete block];");
}

TEST_CASE("index errors: read_only wins over the other blocks") {
  Index index("i", "u", 1, 0, 0);
  index.settings()["blocks.write"] = "true";
  index.settings()["blocks.read_only"] = "true";
  auto r = api_write_block(index);
  REQUIRE(r.has_value());
  CHECK(r->body["error"]["reason"] == "index [i] blocked by: [FORBIDDEN/5/index read-only (api)];");
}

TEST_CASE("index errors: caused_by comes after the error's other fields") {
  const RestResponse r = with_caused_by(illegal_argument("bad"), "json_parse_exception", "Unexpected character");
  CHECK(r.status == 400);
  const json& error = r.body["error"];
  CHECK(error["type"] == "illegal_argument_exception");
  CHECK(error["caused_by"] == json{{"type", "json_parse_exception"}, {"reason", "Unexpected character"}});
  CHECK(std::prev(error.end()).key() == "caused_by");
}

TEST_CASE("index errors: parse exceptions for missing and misshapen bodies") {
  const RestResponse missing = body_required();
  CHECK(missing.status == 400);
  CHECK(missing.body["error"]["type"] == "parse_exception");
  CHECK(missing.body["error"]["reason"] == "request body is required");
  CHECK(body_must_be_object().body["error"]["type"] == "parse_exception");
  CHECK(body_must_be_object().body["error"]["reason"] == "request body must be a JSON object");
  CHECK(body_must_be_object("settings").body["error"]["reason"] == "settings must be a JSON object");
  CHECK(parse_exception("x").body["error"]["reason"] == "x");
}

}  // namespace
}  // namespace ccrsim
