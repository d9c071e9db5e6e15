#include "model/index.h"

#include <catch2/catch.hpp>

#include "model/routing.h"

namespace ccrsim {
namespace {

TEST_CASE("routing uses OpenSearch's default number of routing shards") {
  CHECK(default_routing_num_shards(1) == 1024);
  CHECK(default_routing_num_shards(5) == 640);
  CHECK(default_routing_num_shards(3) == 768);
  CHECK(default_routing_num_shards(1024) == 2048);
  for (int shards : {1, 2, 5, 7, 1024}) {
    for (const char* id : {"1", "doc-42", "ünïcødé", "😀"}) {
      const int s = route_to_shard(id, shards);
      CHECK(s >= 0);
      CHECK(s < shards);
    }
  }
}

TEST_CASE("murmur3 over UTF-16 matches OpenSearch's known values") {
  // The known values of Murmur3HashFunctionTests.testKnownValues.
  auto h = [](const char* s) { return static_cast<std::uint32_t>(murmur3_utf16(s)); };
  CHECK(h("hell") == 0x5a0cb7c3u);
  CHECK(h("hello") == 0xd7c31989u);
  CHECK(h("hello w") == 0x22ab2984u);
  CHECK(h("hello wo") == 0xdf0ca123u);
  CHECK(h("hello wor") == 0xe7744d61u);
  CHECK(h("The quick brown fox jumps over the lazy dog") == 0xe07db09cu);
  CHECK(h("The quick brown fox jumps over the lazy cog") == 0x4e63d2adu);
}

TEST_CASE("documents: versions - deletes - realtime get and refresh-bound search") {
  Index index("idx", "uuid", 3, 1, 0);
  auto r1 = index.index_doc("1", json{{"f", 1}}, 300 * kUsPerMs);
  CHECK(r1.created);
  CHECK(r1.version == 1);
  CHECK(index.get_doc("1").has_value());
  CHECK(index.searchable_count(500 * kUsPerMs) == 0);  // not refreshed yet
  CHECK(index.searchable_count(kUsPerS) == 1);
  auto r2 = index.index_doc("1", json{{"f", 2}}, 2 * kUsPerS);
  CHECK_FALSE(r2.created);
  CHECK(r2.version == 2);
  CHECK((*index.get_doc("1")->source)["f"] == 2);
  auto d = index.delete_doc("1", 3 * kUsPerS + 100 * kUsPerMs);
  CHECK(d.found);
  CHECK_FALSE(index.get_doc("1").has_value());
  CHECK(index.searchable_count(3 * kUsPerS + 500 * kUsPerMs) == 1);  // the delete is not refreshed yet
  CHECK(index.searchable_count(4 * kUsPerS) == 0);
  CHECK(index.doc_count() == 0);
}

TEST_CASE("a follower index rebuilt from the leader's history has the same documents") {
  Index leader("l", "u1", 2, 1, 0);
  leader.shard(0).append_synthetic(10, 0, 9, 100);
  leader.index_doc("a", json{{"v", 1}}, 10);
  leader.index_doc("b", json{{"v", 2}}, 11);
  leader.delete_doc("a", 12);
  Index follower("f", "u2", 2, 1, 0);
  for (int s = 0; s < 2; ++s) {
    const std::int64_t max = leader.shard(s).max_seq_no();
    if (max >= 0) follower.apply_replicated(s, leader, 0, max, 100);
  }
  CHECK(follower.doc_count() == leader.doc_count());
  CHECK_FALSE(follower.get_doc("a").has_value());
  REQUIRE(follower.get_doc("b").has_value());
  CHECK((*follower.get_doc("b")->source)["v"] == 2);
}

}  // namespace
}  // namespace ccrsim
