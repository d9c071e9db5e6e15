#include "model/routing.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

namespace ccrsim {
namespace {

// Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::to_string at -O3.
std::string numbered(const char* prefix, int i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

std::uint32_t u32(std::int32_t v) {
  return static_cast<std::uint32_t>(v);
}

TEST_CASE("routing: Murmur3 x86_32 (seed 0) over UTF-16LE code units matches the reference vectors") {
  // Published Murmur3 x86_32 vectors, fed as UTF-16: U+4321 U+8765 is the bytes 21 43 65 87.
  CHECK(u32(murmur3_utf16("")) == 0u);
  CHECK(u32(murmur3_utf16(std::string("\0\0", 2))) == 0x2362F9DEu);      // bytes 00 00 00 00
  CHECK(u32(murmur3_utf16("\xe4\x8c\xa1\xe8\x9d\xa5")) == 0xF55B516Bu);  // bytes 21 43 65 87
  CHECK(u32(murmur3_utf16("\xe4\x8c\xa1")) == 0xA0F7B07Au);              // bytes 21 43 (a tail of two)
  CHECK(u32(murmur3_utf16("1")) == 0xF879CC33u);                         // bytes 31 00
}

TEST_CASE("routing: a code point above U+FFFF hashes as its surrogate pair") {
  // U+1F600 is D83D DE00 in UTF-16: bytes 3D D8 00 DE.
  CHECK(u32(murmur3_utf16("\xf0\x9f\x98\x80")) == 0x56065E39u);
}

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

TEST_CASE("routing: routing shards are the largest shards x 2^n up to 1024 - split at least once") {
  CHECK(default_routing_num_shards(2) == 1024);
  CHECK(default_routing_num_shards(512) == 1024);
  CHECK(default_routing_num_shards(1000) == 2000);  // already at the limit: one split
  CHECK(default_routing_num_shards(0) == 1);
}

TEST_CASE("routing: one shard takes everything - shards are in range and evenly used") {
  CHECK(route_to_shard("anything", 1) == 0);
  CHECK(route_to_shard("anything", 0) == 0);
  std::array<int, 5> counts{};
  for (int i = 0; i < 10'000; ++i) {
    const int shard = route_to_shard(numbered("doc-", i), 5);
    REQUIRE(shard >= 0);
    REQUIRE(shard < 5);
    ++counts[static_cast<std::size_t>(shard)];
  }
  for (int c : counts) {
    CHECK(c > 1700);  // 2000 expected
    CHECK(c < 2300);
  }
}

TEST_CASE("routing: a split index keeps each document in a child of its old shard") {
  // 2 and 4 primaries share 1024 routing shards, so shard(id, 4) / 2 == shard(id, 2) (the _split contract).
  for (int i = 0; i < 2'000; ++i) {
    const std::string id = numbered("id", i);
    INFO(id);
    REQUIRE(route_to_shard(id, 4) / 2 == route_to_shard(id, 2));
    REQUIRE(route_to_shard(id, 8) / 4 == route_to_shard(id, 2));
  }
}

TEST_CASE("routing: a negative hash still routes with floorMod") {
  // Find ids whose hash is negative; they must land in range like the others.
  int negatives = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string id = numbered("n", i);
    if (murmur3_utf16(id) >= 0) continue;
    ++negatives;
    const int shard = route_to_shard(id, 3);
    CHECK(shard >= 0);
    CHECK(shard < 3);
  }
  CHECK(negatives > 50);
}

}  // namespace
}  // namespace ccrsim
