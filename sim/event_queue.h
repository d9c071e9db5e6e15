#pragma once
// The future-event set: an indexed 4-ary min-heap ordered by (time, insertion sequence), over a slab of event
// records addressed by index. No allocation per event once the slab has grown to the peak pending count;
// cancellation removes the record at once (O(log n)), so cancelled timers never linger in the heap.
#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace ccrsim {

// Whatever an event wakes up. `arg` tells the target which of its events fired (a reader index, a timer kind ...).
class EventTarget {
 public:
  virtual ~EventTarget() = default;
  virtual void on_event(std::uint64_t arg) = 0;
};

// Identifies one scheduled event. Stale handles (fired or cancelled) are detected by the generation.
struct EventHandle {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

struct FiredEvent {
  sim_time_us time;
  std::uint64_t sequence;
  EventTarget* target;
  std::uint64_t arg;
};

class EventQueue {
 public:
  EventHandle push(sim_time_us time, EventTarget* target, std::uint64_t arg);
  // True when the event was still pending and is now gone.
  bool cancel(EventHandle handle);
  bool pending(EventHandle handle) const;

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  sim_time_us next_time() const { return slots_[heap_.front()].time; }
  FiredEvent pop();
  void reserve(std::size_t n);

 private:
  struct Slot {
    sim_time_us time = 0;
    std::uint64_t sequence = 0;
    EventTarget* target = nullptr;
    std::uint64_t arg = 0;
    std::uint32_t heap_pos = UINT32_MAX;  // UINT32_MAX: free
    std::uint32_t generation = 0;
  };

  bool before(std::uint32_t a, std::uint32_t b) const {
    const Slot& x = slots_[a];
    const Slot& y = slots_[b];
    return x.time != y.time ? x.time < y.time : x.sequence < y.sequence;
  }
  void sift_up(std::uint32_t pos);
  void sift_down(std::uint32_t pos);
  void remove_at(std::uint32_t pos);
  void place(std::uint32_t pos, std::uint32_t slot) {
    heap_[pos] = slot;
    slots_[slot].heap_pos = pos;
  }

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<std::uint32_t> heap_;  // slot indices
  std::uint64_t next_sequence_ = 0;
};

}  // namespace ccrsim
