#include "sim/event_queue.h"

#include <cassert>

namespace ccrsim {

namespace {
constexpr std::uint32_t kArity = 4;
}

void EventQueue::reserve(std::size_t n) {
  slots_.reserve(n);
  heap_.reserve(n);
  free_slots_.reserve(n);
}

EventHandle EventQueue::push(sim_time_us time, EventTarget* target, std::uint64_t arg) {
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[slot];
  s.time = time;
  s.sequence = next_sequence_++;
  s.target = target;
  s.arg = arg;
  const auto pos = static_cast<std::uint32_t>(heap_.size());
  heap_.push_back(slot);
  s.heap_pos = pos;
  sift_up(pos);
  return {slot, s.generation};
}

bool EventQueue::pending(EventHandle handle) const {
  if (!handle.valid() || handle.slot >= slots_.size()) return false;
  const Slot& s = slots_[handle.slot];
  return s.generation == handle.generation && s.heap_pos != UINT32_MAX;
}

bool EventQueue::cancel(EventHandle handle) {
  if (!pending(handle)) return false;
  remove_at(slots_[handle.slot].heap_pos);
  return true;
}

FiredEvent EventQueue::pop() {
  assert(!heap_.empty());
  const std::uint32_t slot = heap_.front();
  const Slot& s = slots_[slot];
  FiredEvent fired{s.time, s.sequence, s.target, s.arg};
  remove_at(0);
  return fired;
}

void EventQueue::remove_at(std::uint32_t pos) {
  const std::uint32_t slot = heap_[pos];
  Slot& s = slots_[slot];
  s.heap_pos = UINT32_MAX;
  ++s.generation;
  free_slots_.push_back(slot);
  const std::uint32_t last = heap_.back();
  heap_.pop_back();
  if (pos == heap_.size()) return;
  place(pos, last);
  if (pos > 0 && before(last, heap_[(pos - 1) / kArity])) {
    sift_up(pos);
  } else {
    sift_down(pos);
  }
}

void EventQueue::sift_up(std::uint32_t pos) {
  const std::uint32_t slot = heap_[pos];
  while (pos > 0) {
    const std::uint32_t parent = (pos - 1) / kArity;
    if (!before(slot, heap_[parent])) break;
    place(pos, heap_[parent]);
    pos = parent;
  }
  place(pos, slot);
}

void EventQueue::sift_down(std::uint32_t pos) {
  const std::uint32_t slot = heap_[pos];
  const auto n = static_cast<std::uint32_t>(heap_.size());
  while (true) {
    const std::uint32_t first = pos * kArity + 1;
    if (first >= n) break;
    std::uint32_t best = first;
    const std::uint32_t end = first + kArity < n ? first + kArity : n;
    for (std::uint32_t c = first + 1; c < end; ++c) {
      if (before(heap_[c], heap_[best])) best = c;
    }
    if (!before(heap_[best], slot)) break;
    place(pos, heap_[best]);
    pos = best;
  }
  place(pos, slot);
}

}  // namespace ccrsim
