#include "scenario/yaml_text_checks.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

constexpr std::size_t kNone = std::string::npos;

TEST_CASE("utf-8: ASCII and well-formed sequences of every length pass") {
  CHECK(first_invalid_utf8("") == kNone);
  CHECK(first_invalid_utf8("name: x\n") == kNone);
  CHECK(first_invalid_utf8("\xc3\xa9") == kNone);          // U+00E9
  CHECK(first_invalid_utf8("\xe2\x82\xac") == kNone);      // U+20AC
  CHECK(first_invalid_utf8("\xf0\x9f\x98\x80") == kNone);  // U+1F600
  CHECK(first_invalid_utf8("\xf4\x8f\xbf\xbf") == kNone);  // U+10FFFF, the last code point
  CHECK(first_invalid_utf8("\xed\x9f\xbf") == kNone);      // U+D7FF, just below the surrogates
}

TEST_CASE("utf-8: the offset is that of the lead byte of the bad sequence") {
  CHECK(first_invalid_utf8("ab\xff") == 2);
  CHECK(first_invalid_utf8("\xc3\xa9x\x80") == 3);  // a lone continuation byte
  CHECK(first_invalid_utf8("x\xe2\x82") == 1);      // truncated at the end
  CHECK(first_invalid_utf8("x\xe2\x82y") == 1);     // interrupted
}

TEST_CASE("utf-8: overlong forms - surrogates and code points past U+10FFFF are refused") {
  CHECK(first_invalid_utf8("\xc0\xaf") == 0);  // overlong '/'
  CHECK(first_invalid_utf8("\xc1\xbf") == 0);
  CHECK(first_invalid_utf8("\xe0\x80\xaf") == 0);      // overlong three-byte
  CHECK(first_invalid_utf8("\xf0\x80\x80\xaf") == 0);  // overlong four-byte
  CHECK(first_invalid_utf8("\xed\xa0\x80") == 0);      // U+D800
  CHECK(first_invalid_utf8("\xf4\x90\x80\x80") == 0);  // U+110000
  CHECK(first_invalid_utf8("\xf5\x80\x80\x80") == 0);
}

TEST_CASE("control characters: tab - LF and CR are allowed - the rest of C0 and DEL are not") {
  CHECK(first_control_character("a\tb\r\nc") == kNone);
  CHECK(first_control_character(std::string("ab\0c", 4)) == 2);
  CHECK(first_control_character("x\x1f") == 1);
  CHECK(first_control_character("x\x7f") == 1);
  CHECK(first_control_character("\x0b") == 0);          // vertical tab
  CHECK(first_control_character("\xc2\x85") == kNone);  // bytes >= 0x80 are UTF-8's business
}

TEST_CASE("hex_byte: two upper-case digits with 0x") {
  CHECK(hex_byte(0) == "0x00");
  CHECK(hex_byte(0x1f) == "0x1F");
  CHECK(hex_byte(0xab) == "0xAB");
  CHECK(hex_byte(0xff) == "0xFF");
}

}  // namespace
}  // namespace ccrsim
