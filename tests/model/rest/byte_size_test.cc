#include "model/rest/byte_size.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("human byte sizes truncate to one decimal like ByteSizeValue.toString") {
  CHECK(human_bytes(0) == "0b");
  CHECK(human_bytes(208) == "208b");
  CHECK(human_bytes(1023) == "1023b");
  CHECK(human_bytes(1024) == "1kb");
  CHECK(human_bytes(1280) == "1.2kb");     // 1.25 truncated
  CHECK(human_bytes(1258291) == "1.1mb");  // 1.19999... truncated
  CHECK(human_bytes(static_cast<std::int64_t>(5.35 * (1LL << 30))) == "5.3gb");
  CHECK(human_bytes(static_cast<std::int64_t>(5.3 * (1LL << 30))) == "5.2gb");  // 5.29999..., truncated
  CHECK(human_bytes(1LL << 50) == "1pb");
}

TEST_CASE("human byte sizes switch unit exactly at each power of 1024") {
  CHECK(human_bytes((1LL << 20) - 1) == "1023.9kb");  // 1023.999... truncated - not rounded up to 1mb
  CHECK(human_bytes(1LL << 20) == "1mb");
  CHECK(human_bytes((1LL << 30) + (1LL << 29)) == "1.5gb");
  CHECK(human_bytes(1LL << 40) == "1tb");
  CHECK(human_bytes(2048LL << 50) == "2048pb");  // pb is the largest unit
}

TEST_CASE("bytes in a fixed unit are whole units rounded down") {
  std::string out;
  REQUIRE(bytes_in_unit(1536, "b", out));
  CHECK(out == "1536");
  REQUIRE(bytes_in_unit(1536, "kb", out));
  CHECK(out == "1");
  REQUIRE(bytes_in_unit((1LL << 20) - 1, "mb", out));
  CHECK(out == "0");
  REQUIRE(bytes_in_unit(5LL << 40, "tb", out));
  CHECK(out == "5");
  REQUIRE(bytes_in_unit(3LL << 50, "pb", out));
  CHECK(out == "3");
}

TEST_CASE("bytes in an unknown unit fail and leave the output alone") {
  std::string out = "kept";
  CHECK_FALSE(bytes_in_unit(1024, "KB", out));
  CHECK_FALSE(bytes_in_unit(1024, "k", out));
  CHECK_FALSE(bytes_in_unit(1024, "", out));
  CHECK(out == "kept");
}

}  // namespace
}  // namespace ccrsim
