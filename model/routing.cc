#include "model/routing.h"

#include <algorithm>
#include <vector>

#include "sim/assert.h"

namespace ccrsim {

namespace {

std::vector<std::uint16_t> utf16_units(std::string_view s) {
  std::vector<std::uint16_t> out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07u;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1Fu;
    }
    if (i + len > s.size()) len = 1, cp = c;  // malformed tail: take the byte as is
    CCRSIM_ASSERT(len >= 1 && len <= 4 && i + len <= s.size());
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<std::uint16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<std::uint16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<std::uint16_t>(cp));
    }
    i += len;
  }
  CCRSIM_ASSERT(out.size() <= 2 * s.size());  // at most two units (a surrogate pair) per byte consumed
  return out;
}

constexpr std::uint32_t rotl32(std::uint32_t x, int r) {
  return (x << r) | (x >> (32 - r));
}

}  // namespace

std::int32_t murmur3_utf16(std::string_view utf8_id) {
  // OpenSearch's Murmur3HashFunction.hash(String): each char as two little-endian bytes, seed 0.
  const std::vector<std::uint16_t> units = utf16_units(utf8_id);
  std::vector<std::uint8_t> bytes;
  bytes.reserve(units.size() * 2);
  for (std::uint16_t u : units) {
    bytes.push_back(static_cast<std::uint8_t>(u & 0xFF));
    bytes.push_back(static_cast<std::uint8_t>(u >> 8));
  }
  const std::uint32_t c1 = 0xcc9e2d51, c2 = 0x1b873593;
  std::uint32_t h = 0;
  const std::size_t nblocks = bytes.size() / 4;
  for (std::size_t i = 0; i < nblocks; ++i) {
    std::uint32_t k = static_cast<std::uint32_t>(bytes[i * 4]) | (static_cast<std::uint32_t>(bytes[i * 4 + 1]) << 8) |
                      (static_cast<std::uint32_t>(bytes[i * 4 + 2]) << 16) |
                      (static_cast<std::uint32_t>(bytes[i * 4 + 3]) << 24);
    k *= c1;
    k = rotl32(k, 15);
    k *= c2;
    h ^= k;
    h = rotl32(h, 13);
    h = h * 5 + 0xe6546b64;
  }
  std::uint32_t k1 = 0;
  const std::size_t tail = nblocks * 4;
  switch (bytes.size() & 3) {
    case 3:
      k1 ^= static_cast<std::uint32_t>(bytes[tail + 2]) << 16;
      [[fallthrough]];
    case 2:
      k1 ^= static_cast<std::uint32_t>(bytes[tail + 1]) << 8;
      [[fallthrough]];
    case 1:
      k1 ^= bytes[tail];
      k1 *= c1;
      k1 = rotl32(k1, 15);
      k1 *= c2;
      h ^= k1;
      break;
    default:
      break;
  }
  CCRSIM_ASSERT(bytes.size() == 2 * units.size());
  h ^= static_cast<std::uint32_t>(bytes.size());
  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  h ^= h >> 16;
  return static_cast<std::int32_t>(h);
}

int default_routing_num_shards(int shards) {
  // MetadataCreateIndexService.calculateNumRoutingShards: the largest shards * 2^x <= 1024, split at least once.
  if (shards <= 0) return 1;
  int ceil_log2 = 0;
  while ((1 << ceil_log2) < shards) ++ceil_log2;
  const int splits = std::max(1, 10 - ceil_log2);
  CCRSIM_ASSERT(splits >= 1 && splits < 31);
  const int routing = shards << splits;
  CCRSIM_ASSERT(routing > shards && routing % shards == 0);  // split at least once, a whole factor
  return routing;
}

int route_to_shard(std::string_view id, int shards) {
  if (shards <= 1) return 0;
  const int routing_num_shards = default_routing_num_shards(shards);
  const int factor = routing_num_shards / shards;
  CCRSIM_ASSERT(factor >= 2);
  const std::int64_t hash = murmur3_utf16(id);
  const std::int64_t mod = ((hash % routing_num_shards) + routing_num_shards) % routing_num_shards;
  CCRSIM_ASSERT(mod >= 0 && mod < routing_num_shards);
  const int shard = static_cast<int>(mod / factor);
  CCRSIM_ASSERT(shard >= 0 && shard < shards);
  return shard;
}

}  // namespace ccrsim
