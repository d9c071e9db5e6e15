#pragma once
// Byte sizes as OpenSearch prints them (ByteSizeValue.toString: the largest unit with a value >= 1, one decimal
// truncated, ".0" dropped): "208b", "1.2kb", "5.3gb".
#include <cstdint>
#include <string>

namespace ccrsim {

std::string human_bytes(std::int64_t bytes);
// A size in a fixed unit, as _cat prints it with ?bytes=b|kb|mb|gb|tb|pb (whole units, rounded down); false on an
// unknown unit.
bool bytes_in_unit(std::int64_t bytes, const std::string& unit, std::string& out);

}  // namespace ccrsim
