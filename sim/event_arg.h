#pragma once
// The one codec for packed event arguments. An event carries a single 64-bit argument (EventTarget::on_event);
// targets that need several small values in it (an event kind, a slot, a generation) declare each as a field once
// and pack and unpack through the fields, instead of shifting and masking by hand. The fingerprint folds the
// argument, so a layout, once shipped, is part of every golden fingerprint: keep its shifts and widths.
//
// Bit 63 belongs to the network (kTransferFailed, set on a cut transfer's argument): layouts stay below it.
#include <cstdint>

#include "sim/assert.h"

namespace ccrsim {

class EventArgField {
 public:
  // `width` bits starting at bit `shift`; the field must end at or below bit 63 (the network's flag).
  constexpr EventArgField(unsigned shift, unsigned width) : shift_(shift), width_(width) {
    CCRSIM_ASSERT(width_ > 0 && shift_ + width_ <= 63);
  }

  constexpr unsigned shift() const { return shift_; }
  constexpr unsigned width() const { return width_; }
  // The first bit above this field: where the next field of a dense layout starts.
  constexpr unsigned end() const { return shift_ + width_; }
  constexpr std::uint64_t mask() const { return (std::uint64_t{1} << width_) - 1; }
  constexpr bool fits(std::uint64_t value) const { return value <= mask(); }

  // The value in place. Callers keep values within the width: a wider one would spill into the next field.
  constexpr std::uint64_t encode(std::uint64_t value) const {
    CCRSIM_ASSERT(fits(value));  // settings that size a field are bounded where they are accepted
    return value << shift_;
  }
  constexpr std::uint64_t decode(std::uint64_t arg) const { return (arg >> shift_) & mask(); }

 private:
  unsigned shift_;
  unsigned width_;
};

// The field of `width` bits right above `below`.
constexpr EventArgField field_after(const EventArgField& below, unsigned width) {
  return EventArgField(below.end(), width);
}

// Two fields overlap when a bit belongs to both (layouts are checked with static_assert).
constexpr bool overlaps(const EventArgField& a, const EventArgField& b) {
  return a.shift() < b.end() && b.shift() < a.end();
}

}  // namespace ccrsim
