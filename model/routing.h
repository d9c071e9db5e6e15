#pragma once
// Document routing as OpenSearch does it: Murmur3 (x86, 32-bit, seed 0) over the id's UTF-16 code units,
// then floorMod(hash, routing_num_shards) / routing_factor.
#include <cstdint>
#include <string_view>

namespace ccrsim {

std::int32_t murmur3_utf16(std::string_view utf8_id);
// The default number of routing shards for an index created with `shards` primaries (splittable up to 1024).
int default_routing_num_shards(int shards);
int route_to_shard(std::string_view id, int shards);

}  // namespace ccrsim
