#pragma once
// Auto-generated document ids (POST {index}/_doc), laid out like OpenSearch's TimeBasedUUIDGenerator: 15 bytes
// (sequence, timestamp and a per-node "MAC address") as 20 URL-safe base64 characters. Deterministic: the sequence
// comes from a counter and the address from a hash of the node's name, never from a random device.
#include <cstdint>
#include <string>

#include "sim/time.h"

namespace ccrsim {

std::string auto_document_id(std::uint64_t sequence, sim_time_us now_us, const std::string& node_name);

}  // namespace ccrsim
