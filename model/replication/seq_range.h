#pragma once
// An inclusive range of sequence numbers [from, to]; empty when to < from.
#include <cstdint>

namespace ccrsim {

struct SeqRange {
  std::int64_t from = 0;
  std::int64_t to = -1;

  std::int64_t count() const { return to >= from ? to - from + 1 : 0; }
  bool empty() const { return to < from; }
  bool operator==(const SeqRange&) const = default;
};

}  // namespace ccrsim
