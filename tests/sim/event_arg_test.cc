#include "sim/event_arg.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

constexpr EventArgField kKind{0, 4};
constexpr EventArgField kSlot = field_after(kKind, 8);
constexpr EventArgField kGeneration{16, 32};

TEST_CASE("event arg fields pack at their shift and read back only their own bits") {
  CHECK(kSlot.shift() == 4);
  CHECK(kSlot.end() == 12);
  CHECK(kSlot.mask() == 0xFF);
  const std::uint64_t arg = kGeneration.encode(7) | kSlot.encode(200) | kKind.encode(9);
  CHECK(arg == ((std::uint64_t{7} << 16) | (std::uint64_t{200} << 4) | 9));
  CHECK(kKind.decode(arg) == 9);
  CHECK(kSlot.decode(arg) == 200);
  CHECK(kGeneration.decode(arg) == 7);
}

TEST_CASE("event arg fields ignore the network's transfer-failed bit and the bits of other fields") {
  const std::uint64_t flag = std::uint64_t{1} << 63;
  const std::uint64_t arg = flag | kGeneration.encode(0xFFFFFFFFULL) | kKind.encode(3);
  CHECK(kGeneration.decode(arg) == 0xFFFFFFFFULL);
  CHECK(kSlot.decode(arg) == 0);  // the four unused bits 12-15 and the generation above stay out of the slot
  CHECK(kKind.decode(arg) == 3);
}

TEST_CASE("event arg fields know their range and their overlaps") {
  CHECK(kSlot.fits(255));
  CHECK_FALSE(kSlot.fits(256));
  CHECK(EventArgField(4, 59).fits(std::uint64_t{1} << 58));
  CHECK(EventArgField(4, 59).end() == 63);
  CHECK_FALSE(overlaps(kKind, kSlot));
  CHECK_FALSE(overlaps(kSlot, kGeneration));
  CHECK(overlaps(kSlot, EventArgField(11, 2)));
  CHECK(overlaps(EventArgField(11, 2), kSlot));
}

}  // namespace
}  // namespace ccrsim
