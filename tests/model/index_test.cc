#include "model/index.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

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
