#pragma once
// SHA-256 of a byte string, as lowercase hex (run.json records the scenario's hash).
#include <string>
#include <string_view>

namespace ccrsim {

std::string sha256_hex(std::string_view data);

}  // namespace ccrsim
