#include "tests/model/rest_test_fixture.h"

namespace ccrsim::test {
namespace {

TEST_CASE("PUT _cluster/settings in dotted or nested form - values stored as strings - GET nests them") {
  RestFixture f;
  RestResponse r = f.call(
      "PUT _cluster/settings",
      json::parse(
          R"({"persistent":{"plugins.replication.follower.index.ops_batch_size":1000,"plugins":{"replication":{"follower":{"poll_interval":"100ms"}}}},"transient":{"cluster.routing.allocation.enable":"all"}})"));
  CHECK(r.status == 200);
  CHECK(r.body["acknowledged"] == true);
  CHECK(r.body["persistent"]["plugins"]["replication"]["follower"]["index"]["ops_batch_size"] == "1000");
  CHECK(r.body["transient"].dump() == R"({"cluster":{"routing":{"allocation":{"enable":"all"}}}})");
  CHECK(f.domain().cluster_setting("plugins.replication.follower.poll_interval") == "100ms");
  RestResponse get = f.call("GET _cluster/settings?flat_settings=true");
  CHECK(
      get.body.dump() ==
      R"({"persistent":{"plugins.replication.follower.index.ops_batch_size":"1000","plugins.replication.follower.poll_interval":"100ms"},"transient":{"cluster.routing.allocation.enable":"all"}})");
  CHECK(f.call("GET _cluster/settings").body["persistent"]["plugins"]["replication"]["follower"]["poll_interval"] ==
        "100ms");
}

TEST_CASE("null removes a cluster setting (wildcards too) and is not echoed") {
  RestFixture f;
  f.call(
      "PUT _cluster/settings",
      json::parse(
          R"({"persistent":{"plugins.replication.follower.poll_interval":"1s","plugins.replication.autofollow.fetch_poll_interval":"45s","cluster.x":"1"}})"));
  RestResponse r = f.call("PUT _cluster/settings", json::parse(R"({"persistent":{"plugins.replication.*":null}})"));
  CHECK(r.body.dump() == R"({"acknowledged":true,"persistent":{},"transient":{}})");
  CHECK(f.call("GET _cluster/settings?flat_settings").body["persistent"].dump() == R"({"cluster.x":"1"})");
}

TEST_CASE("unknown cluster settings are refused - transient checked first") {
  RestFixture f;
  RestResponse r = f.call("PUT _cluster/settings", json::parse(R"({"persistent":{"foo.bar":1}})"));
  CHECK(r.status == 400);
  CHECK(
      r.body.dump() ==
      R"({"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"persistent setting [foo.bar], not recognized"}],"type":"illegal_argument_exception","reason":"persistent setting [foo.bar], not recognized"},"status":400})");
  RestResponse both =
      f.call("PUT _cluster/settings", json::parse(R"({"persistent":{"foo.bar":1},"transient":{"baz":1}})"));
  CHECK(both.body["error"]["reason"] == "transient setting [baz], not recognized");
  CHECK(f.call("PUT _cluster/settings", json::object()).body["error"]["reason"] ==
        "Validation Failed: 1: no settings to update;");
  CHECK(f.call("PUT _cluster/settings", json::parse(R"({"persistent":[1]})")).status == 400);
}

TEST_CASE("replication settings are checked by name and value as the plugin registers them") {
  RestFixture f;
  RestResponse typo =
      f.call("PUT _cluster/settings", json::parse(R"({"persistent":{"plugins.replication.follower.typo":1}})"));
  CHECK(typo.status == 400);
  CHECK(typo.body["error"]["reason"] == "persistent setting [plugins.replication.follower.typo], not recognized");
  RestResponse small = f.call("PUT _cluster/settings",
                              json::parse(R"({"persistent":{"plugins.replication.follower.index.ops_batch_size":5}})"));
  CHECK(small.status == 400);
  CHECK(small.body["error"]["type"] == "illegal_argument_exception");
  CHECK(small.body["error"]["reason"] ==
        "Failed to parse value [5] for setting [plugins.replication.follower.index.ops_batch_size] must be >= 16");
  CHECK(f.domain().cluster_setting("plugins.replication.follower.index.ops_batch_size").is_null());  // not stored
  RestResponse ok = f.call("PUT _cluster/settings",
                           json::parse(R"({"transient":{"plugins.replication.follower.index.ops_batch_size":1000}})"));
  CHECK(ok.status == 200);
  CHECK(f.domain().cluster_setting("plugins.replication.follower.index.ops_batch_size") == "1000");
}

TEST_CASE("POST _aliases adds and removes aliases - GET index shows them - reads go through them") {
  RestFixture f;
  f.call("PUT logs-1/_doc/1?refresh=true", json{{"a", 1}});
  f.call("PUT logs-2");
  CHECK(
      f.call(
           "POST _aliases",
           json::parse(
               R"({"actions":[{"add":{"index":"logs-1","alias":"logs"}},{"add":{"index":"logs-2","alias":"logs","is_write_index":true}}]})"))
          .body.dump() == R"({"acknowledged":true})");
  CHECK(f.call("GET logs-2").body["logs-2"]["aliases"].dump() == R"({"logs":{"is_write_index":true}})");
  CHECK(f.call("GET logs-1").body["logs-1"]["aliases"].dump() == R"({"logs":{}})");
  CHECK(f.call("GET logs/_count").body["count"] == 1);
  RestResponse write = f.call("PUT logs/_doc/2", json{{"a", 2}});
  CHECK(write.body["_index"] == "logs-2");
  CHECK(f.call("GET logs/_doc/1").body["error"]["reason"] ==
        "alias [logs] has more than one index associated with it [logs-1, logs-2], can't execute a single index op");
  CHECK(f.call("POST _aliases", json::parse(R"({"actions":[{"remove":{"index":"logs-1","alias":"logs"}}]})")).status ==
        200);
  CHECK(f.call("GET logs/_doc/2").status == 200);
  RestResponse missing =
      f.call("POST _aliases", json::parse(R"({"actions":[{"remove":{"index":"logs-1","alias":"nope"}}]})"));
  CHECK(missing.status == 404);
  CHECK(missing.body["error"]["reason"] == "aliases [nope] missing");
  CHECK(f.call("POST _aliases", json::parse(R"({"actions":[{"add":{"index":"missing","alias":"x"}}]})")).status == 404);
  CHECK(f.call("POST _aliases", json::parse(R"({"actions":[]})")).body["error"]["reason"] ==
        "Validation Failed: 1: Must specify at least one alias action;");
}

}  // namespace
}  // namespace ccrsim::test
