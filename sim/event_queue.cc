#include "sim/event_queue.h"

#include <algorithm>

#include "sim/assert.h"

namespace ccrsim {

namespace {
// Four children per node: half the depth of a binary heap, and the children sit next to each other in memory.
constexpr std::uint32_t kArity = 4;
constexpr std::uint32_t parent_of(std::uint32_t pos) {
  return (pos - 1) / kArity;
}
constexpr std::uint32_t first_child_of(std::uint32_t pos) {
  return pos * kArity + 1;
}
}  // namespace

void EventQueue::reserve(std::size_t n) {
  slots_.reserve(n);
  heap_.reserve(n);
  free_slots_.reserve(n);
}

std::uint32_t EventQueue::allocate_slot() {
  if (free_slots_.empty()) {
    slots_.emplace_back();
    return static_cast<std::uint32_t>(slots_.size() - 1);
  }
  const std::uint32_t slot = free_slots_.back();
  free_slots_.pop_back();
  CCRSIM_ASSERT(slots_[slot].heap_pos == UINT32_MAX);  // a free slot is in no heap node
  return slot;
}

void EventQueue::release_slot(std::uint32_t slot) {
  Slot& s = slots_[slot];
  CCRSIM_ASSERT(s.heap_pos != UINT32_MAX);  // released once, while pending
  s.heap_pos = UINT32_MAX;
  ++s.generation;  // every outstanding handle to this slot is now stale
  free_slots_.push_back(slot);
}

EventHandle EventQueue::push(sim_time_us time, EventTarget* target, std::uint64_t arg) {
  CCRSIM_ASSERT(target != nullptr);
  CCRSIM_ASSERT(heap_.size() < UINT32_MAX - 1);  // slots and heap positions are 32-bit
  const std::uint32_t slot = allocate_slot();
  Slot& s = slots_[slot];
  s.target = target;
  s.arg = arg;
  s.sequence = next_sequence_++;
  const Node node = make_node(time, slot);  // before growing the heap: renumbering must see only real nodes
  heap_.emplace_back();
  sift_up(static_cast<std::uint32_t>(heap_.size() - 1), node);
  CCRSIM_ASSERT(slots_[slot].heap_pos < heap_.size());
  return {slot, s.generation};
}

EventQueue::Node EventQueue::make_node(sim_time_us time, std::uint32_t slot) {
  if (next_order_ == UINT32_MAX) renumber_orders();
  const std::uint64_t order = next_order_++;
  return Node{(order << 32) | slot, static_cast<std::uint64_t>(time) ^ kSignBit};
}

// The 32-bit order runs out after about four billion pushes. Renumbering the pending events 0, 1, 2 ... in their
// current (time, order) order keeps every comparison's outcome, so the heap stays valid as it is.
void EventQueue::renumber_orders() {
  std::vector<std::uint32_t> by_key(heap_.size());
  for (std::uint32_t pos = 0; pos < by_key.size(); ++pos) by_key[pos] = pos;
  std::sort(by_key.begin(), by_key.end(),
            [this](std::uint32_t a, std::uint32_t b) { return before(heap_[a], heap_[b]); });
  for (std::uint32_t rank = 0; rank < by_key.size(); ++rank) {
    Node& n = heap_[by_key[rank]];
    n.low = (std::uint64_t{rank} << 32) | n.slot();
  }
  next_order_ = static_cast<std::uint32_t>(by_key.size());
  CCRSIM_ASSERT(next_order_ < UINT32_MAX);  // fewer pending events than orders
}

bool EventQueue::pending(EventHandle handle) const {
  if (!handle.valid() || handle.slot >= slots_.size()) return false;
  const Slot& s = slots_[handle.slot];
  return s.generation == handle.generation && s.heap_pos != UINT32_MAX;
}

bool EventQueue::cancel(EventHandle handle) {
  if (!pending(handle)) return false;
  remove_at(slots_[handle.slot].heap_pos);
  CCRSIM_ASSERT(!pending(handle));
  return true;
}

EventHandle EventQueue::reschedule(EventHandle handle, sim_time_us time, EventTarget* target, std::uint64_t arg) {
  if (!pending(handle)) return push(time, target, arg);
  CCRSIM_ASSERT(target != nullptr);
  // What cancel + push would leave: the released slot is the free list's last entry, so push takes it again.
  Slot& s = slots_[handle.slot];
  ++s.generation;
  s.target = target;
  s.arg = arg;
  s.sequence = next_sequence_++;
  const Node node = make_node(time, handle.slot);
  const std::uint32_t pos = s.heap_pos;
  if (pos > 0 && before(node, heap_[parent_of(pos)])) {
    sift_up(pos, node);
  } else {
    sift_down(pos, node);
  }
  return {handle.slot, s.generation};
}

FiredEvent EventQueue::pop() {
  CCRSIM_ASSERT(!heap_.empty());
  const Node top = heap_.front();
  const Slot& s = slots_[top.slot()];
  CCRSIM_ASSERT(s.heap_pos == 0);  // the root's slot knows it is the root
  CCRSIM_ASSERT(s.target != nullptr);
  const FiredEvent fired{top.time(), s.sequence, s.target, s.arg};
  release_slot(top.slot());
  fill_hole(0);
  return fired;
}

void EventQueue::remove_at(std::uint32_t pos) {
  CCRSIM_ASSERT(pos < heap_.size());
  release_slot(heap_[pos].slot());
  const Node last = heap_.back();
  heap_.pop_back();
  if (pos == heap_.size()) return;
  // The last node may belong above or below the hole (it came from another subtree).
  if (pos > 0 && before(last, heap_[parent_of(pos)])) {
    sift_up(pos, last);
  } else {
    sift_down(pos, last);
  }
}

// Removing the root: walk the hole down to a leaf along the smaller children, then drop the last node into it and
// sift that up. The last node nearly always belongs near the bottom, so this saves the comparison against it at
// every level that a plain sift-down would make (Floyd's "bottom-up" deletion).
void EventQueue::fill_hole(std::uint32_t pos) {
  const Node last = heap_.back();
  heap_.pop_back();
  const auto n = static_cast<std::uint32_t>(heap_.size());
  if (pos == n) return;
  for (std::uint32_t first = first_child_of(pos); first < n; first = first_child_of(pos)) {
    const std::uint32_t best = min_child(first, n);
    place(pos, heap_[best]);
    pos = best;
  }
  sift_up(pos, last);
}

// Index of the smallest of the children first .. first + kArity - 1 that exist. With all four present, a
// two-round tournament keeps the comparisons independent of each other.
[[gnu::always_inline]] inline std::uint32_t EventQueue::min_child(std::uint32_t first, std::uint32_t n) const {
  if (first + kArity <= n) {
    const std::uint32_t a = before(heap_[first + 1], heap_[first]) ? first + 1 : first;
    const std::uint32_t b = before(heap_[first + 3], heap_[first + 2]) ? first + 3 : first + 2;
    return before(heap_[b], heap_[a]) ? b : a;
  }
  std::uint32_t best = first;
  for (std::uint32_t c = first + 1; c < n; ++c) {
    if (before(heap_[c], heap_[best])) best = c;
  }
  return best;
}

[[gnu::always_inline]] inline void EventQueue::sift_up(std::uint32_t pos, Node node) {
  while (pos > 0) {
    const std::uint32_t parent = parent_of(pos);
    if (!before(node, heap_[parent])) break;
    place(pos, heap_[parent]);
    pos = parent;
  }
  place(pos, node);
}

[[gnu::always_inline]] inline void EventQueue::sift_down(std::uint32_t pos, Node node) {
  const auto n = static_cast<std::uint32_t>(heap_.size());
  for (std::uint32_t first = first_child_of(pos); first < n; first = first_child_of(pos)) {
    const std::uint32_t best = min_child(first, n);
    if (!before(heap_[best], node)) break;
    place(pos, heap_[best]);
    pos = best;
  }
  place(pos, node);
}

}  // namespace ccrsim
