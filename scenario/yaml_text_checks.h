#pragma once
// Checks on the raw text of a YAML file, before yaml-cpp sees it.
#include <cstddef>
#include <string>

namespace ccrsim {

// Offset of the first byte that breaks UTF-8, or npos.
std::size_t first_invalid_utf8(const std::string& text);
// Offset of the first control character YAML does not allow, or npos.
std::size_t first_control_character(const std::string& text);
// "0x1F".
std::string hex_byte(unsigned char b);

}  // namespace ccrsim
