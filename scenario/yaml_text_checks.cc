#include "scenario/yaml_text_checks.h"

namespace ccrsim {

// Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF), or
// npos. YAML text must be UTF-8, and every string we keep ends up in JSON, which cannot hold anything else.
std::size_t first_invalid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      n = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= text.size()) return i;
      const auto c = static_cast<unsigned char>(text[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return i;
    }
    i += n + 1;
  }
  return std::string::npos;
}

// YAML allows no C0 control character but tab, LF and CR, and no DEL (c-printable). yaml-cpp reads a raw NUL as the
// end of its input and then reports errors at columns past the line's end (fuzz finding regression-nul-byte).
std::size_t first_control_character(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return i;
  }
  return std::string::npos;
}

std::string hex_byte(unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "0x";
  out += kHex[b >> 4];
  out += kHex[b & 0xF];
  return out;
}

}  // namespace ccrsim
