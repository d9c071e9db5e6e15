#pragma once
// The future-event set: an indexed 4-ary min-heap ordered by (time, insertion sequence), over a slab of event
// records addressed by index. No allocation per event once the slab has grown to the peak pending count;
// cancellation removes the record at once (O(log n)), so cancelled timers never linger in the heap.
//
// Layout for speed: each heap node carries its own ordering key next to the slot index, so sifting compares
// contiguous heap memory and touches the slab only to record a moved node's new position. Removing the minimum
// walks the hole down to a leaf first (Floyd), which saves a comparison per level.
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
  // Exactly cancel(handle) followed by push(time, target, arg) (same slot, a new generation, sequence and
  // insertion order, so the same firing order), but the record moves within the heap instead of leaving and
  // re-entering it. A stale or invalid handle is just a push.
  EventHandle reschedule(EventHandle handle, sim_time_us time, EventTarget* target, std::uint64_t arg);
  bool pending(EventHandle handle) const;

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  sim_time_us next_time() const { return heap_.front().time(); }
  FiredEvent pop();
  void reserve(std::size_t n);

 private:
  static constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

  // What the heap orders, 16 bytes so four siblings share about one cache line. Read as one 128-bit number,
  // `high` (time, sign bit flipped so signed order becomes unsigned order) then `low` (a 32-bit insertion order
  // above the slot index) compare like (time, insertion sequence): one cmp + sbb that the compiler turns into a
  // conditional move. On random keys the outcome is a coin flip, so a branchy compare would mispredict half the
  // time. The slot bits never decide, because no two pending events share (time, order).
  struct Node {
    std::uint64_t low;
    std::uint64_t high;
    std::uint32_t slot() const { return static_cast<std::uint32_t>(low); }
    sim_time_us time() const { return static_cast<sim_time_us>(high ^ kSignBit); }
  };
  // The payload, touched once at push and once at pop (plus heap_pos on every move).
  struct Slot {
    EventTarget* target = nullptr;
    std::uint64_t arg = 0;
    std::uint64_t sequence = 0;
    std::uint32_t heap_pos = UINT32_MAX;  // UINT32_MAX: free
    std::uint32_t generation = 0;
  };
  __extension__ using Key = unsigned __int128;
  static Key key(const Node& n) { return (Key{n.high} << 64) | n.low; }
  static bool before(const Node& a, const Node& b) { return key(a) < key(b); }
  Node make_node(sim_time_us time, std::uint32_t slot);
  void renumber_orders();
  std::uint32_t allocate_slot();
  void release_slot(std::uint32_t slot);
  std::uint32_t min_child(std::uint32_t first, std::uint32_t n) const;
  void sift_up(std::uint32_t pos, Node node);
  void sift_down(std::uint32_t pos, Node node);
  void fill_hole(std::uint32_t pos);
  void remove_at(std::uint32_t pos);
  void place(std::uint32_t pos, const Node& node) {
    heap_[pos] = node;
    slots_[node.slot()].heap_pos = pos;
  }

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<Node> heap_;
  std::uint64_t next_sequence_ = 0;
  std::uint32_t next_order_ = 0;

  friend struct EventQueueTestAccess;  // lets a test start next_order_ near its wrap
};

}  // namespace ccrsim
