#include "sim/event_queue.h"

#include <catch2/catch.hpp>
#include <iterator>
#include <limits>
#include <map>
#include <vector>

#include "sim/rng.h"

namespace ccrsim {

// Starts the queue's 32-bit insertion order just short of its wrap, so a test can cross it.
struct EventQueueTestAccess {
  static void set_next_order(EventQueue& q, std::uint32_t order) { q.next_order_ = order; }
};

namespace {

struct Recorder : EventTarget {
  std::vector<std::uint64_t> fired;
  void on_event(std::uint64_t arg) override { fired.push_back(arg); }
};

TEST_CASE("event queue pops by time - then by insertion sequence") {
  EventQueue q;
  Recorder r;
  q.push(20, &r, 1);
  q.push(10, &r, 2);
  q.push(20, &r, 3);
  q.push(10, &r, 4);
  std::vector<std::uint64_t> order;
  while (!q.empty()) order.push_back(q.pop().arg);
  CHECK(order == std::vector<std::uint64_t>{2, 4, 1, 3});
}

TEST_CASE("a cancelled event never fires and its handle goes stale") {
  EventQueue q;
  Recorder r;
  EventHandle a = q.push(5, &r, 1);
  q.push(6, &r, 2);
  CHECK(q.cancel(a));
  CHECK_FALSE(q.cancel(a));
  CHECK_FALSE(q.pending(a));
  EventHandle c = q.push(1, &r, 3);  // reuses a's slot with a new generation
  CHECK_FALSE(q.pending(a));
  CHECK(q.pending(c));
  std::vector<std::uint64_t> order;
  while (!q.empty()) order.push_back(q.pop().arg);
  CHECK(order == std::vector<std::uint64_t>{3, 2});
}

std::vector<std::uint64_t> drain(EventQueue& q) {
  std::vector<std::uint64_t> order;
  while (!q.empty()) order.push_back(q.pop().arg);
  return order;
}

TEST_CASE("cancelling the top - a middle and the last event keeps the rest in order") {
  EventQueue q;
  Recorder r;
  std::vector<EventHandle> h;
  for (std::uint64_t i = 0; i < 20; ++i) h.push_back(q.push(static_cast<sim_time_us>(i * 10), &r, i));
  CHECK(q.cancel(h[0]));   // top
  CHECK(q.cancel(h[9]));   // middle
  CHECK(q.cancel(h[19]));  // last in the heap array
  CHECK(q.size() == 17);
  CHECK(q.next_time() == 10);
  std::vector<std::uint64_t> expected;
  for (std::uint64_t i = 1; i < 19; ++i) {
    if (i != 9) expected.push_back(i);
  }
  CHECK(drain(q) == expected);
}

TEST_CASE("pending is false for stale - default and out-of-range handles") {
  EventQueue q;
  Recorder r;
  CHECK_FALSE(q.pending(EventHandle{}));
  CHECK_FALSE(q.cancel(EventHandle{}));
  CHECK_FALSE(q.pending(EventHandle{12345, 0}));
  const EventHandle fired = q.push(1, &r, 1);
  const EventHandle later = q.push(2, &r, 2);
  CHECK(q.pending(fired));
  const FiredEvent e = q.pop();
  CHECK(e.time == 1);
  CHECK(e.target == &r);
  CHECK_FALSE(q.pending(fired));
  CHECK_FALSE(q.cancel(fired));
  CHECK(q.pending(later));
  const EventHandle reuse = q.push(3, &r, 3);  // takes the fired event's slot
  CHECK(reuse.slot == fired.slot);
  CHECK_FALSE(q.pending(fired));
  CHECK(q.pending(reuse));
}

TEST_CASE("sequence numbers count insertions") {
  EventQueue q;
  Recorder r;
  q.push(5, &r, 0);
  q.push(5, &r, 1);
  CHECK(q.pop().sequence == 0);
  CHECK(q.pop().sequence == 1);
}

TEST_CASE("extreme times order correctly") {
  // Negative times are refused (CCRSIM_ASSERT in push): the extremes are 0 and kTimeNever.
  EventQueue q;
  Recorder r;
  q.push(kTimeNever, &r, 1);
  q.push(kTimeNever - 1, &r, 2);
  q.push(0, &r, 3);
  q.push(1, &r, 4);
  CHECK(drain(q) == std::vector<std::uint64_t>{3, 4, 2, 1});
}

TEST_CASE("insertion order survives the 32-bit order counter wrapping") {
  EventQueue q;
  Recorder r;
  EventQueueTestAccess::set_next_order(q, UINT32_MAX - 5);
  // Equal times everywhere: only the insertion order decides, across the renumbering.
  std::vector<EventHandle> handles;
  for (std::uint64_t i = 0; i < 40; ++i) handles.push_back(q.push(static_cast<sim_time_us>(i % 4), &r, i));
  CHECK(q.cancel(handles[13]));
  std::vector<std::uint64_t> expected;
  for (std::uint64_t t = 0; t < 4; ++t) {
    for (std::uint64_t i = t; i < 40; i += 4) {
      if (i != 13) expected.push_back(i);
    }
  }
  CHECK(drain(q) == expected);
  EventQueueTestAccess::set_next_order(q, UINT32_MAX - 1);
  q.push(1, &r, 1);
  q.push(1, &r, 2);
  q.push(1, &r, 3);
  CHECK(q.pop().sequence == 39 + 1);  // FiredEvent::sequence keeps counting insertions, unaffected
  CHECK(drain(q) == std::vector<std::uint64_t>{2, 3});
}

// Thousands of random pushes, pops and cancels (of the first, a middle and the last pending event, and of stale
// handles), checked step by step against an ordered map keyed like the queue: (time, insertion number).
TEST_CASE("randomized operations agree with a reference ordered map") {
  EventQueue q;
  Recorder r;
  Rng rng(2024, "event_queue_test");
  using Key = std::pair<sim_time_us, std::uint64_t>;
  std::map<Key, EventHandle> reference;
  std::vector<EventHandle> stale;
  std::uint64_t inserted = 0;
  sim_time_us now = 0;
  for (int op = 0; op < 20'000; ++op) {
    const std::uint64_t dice = rng.below(10);
    if (dice < 5 || reference.empty()) {
      // A narrow time range makes ties, and so the insertion-order rule, common.
      const sim_time_us t = now + static_cast<sim_time_us>(rng.below(50));
      reference.emplace(Key{t, inserted}, q.push(t, &r, inserted));
      ++inserted;
    } else if (dice < 7) {
      const auto top = reference.begin();
      const FiredEvent e = q.pop();
      REQUIRE(e.time == top->first.first);
      REQUIRE(e.arg == top->first.second);
      now = e.time;
      stale.push_back(top->second);
      reference.erase(top);
    } else if (dice < 9) {
      auto victim = reference.begin();
      const std::uint64_t where = rng.below(3);
      if (where == 1) victim = std::next(victim, static_cast<long>(reference.size() / 2));
      if (where == 2) victim = std::prev(reference.end());
      REQUIRE(q.cancel(victim->second));
      stale.push_back(victim->second);
      reference.erase(victim);
    } else if (!stale.empty()) {
      const EventHandle h = stale[rng.below(stale.size())];
      REQUIRE_FALSE(q.pending(h));
      REQUIRE_FALSE(q.cancel(h));
    }
    REQUIRE(q.size() == reference.size());
    if (!reference.empty()) REQUIRE(q.next_time() == reference.begin()->first.first);
  }
  for (const auto& [key, handle] : reference) REQUIRE(q.pending(handle));
  std::vector<std::uint64_t> expected;
  for (const auto& entry : reference) expected.push_back(entry.first.second);
  CHECK(drain(q) == expected);
}

// reschedule promises exactly what cancel + push does: drive two queues with the same random operations, one
// moving events with reschedule and one with cancel then push, and require the same handles and firing order.
TEST_CASE("reschedule behaves exactly like cancel then push") {
  EventQueue moved;
  EventQueue reference;
  Recorder r;
  Rng rng(7, "event_queue_reschedule_test");
  std::vector<EventHandle> handles;  // the same for both queues, checked at every step
  sim_time_us now = 0;
  std::uint64_t arg = 0;
  for (int op = 0; op < 20'000; ++op) {
    const std::uint64_t dice = rng.below(10);
    if (dice < 4 || handles.empty()) {
      const sim_time_us t = now + static_cast<sim_time_us>(rng.below(50));
      const EventHandle a = moved.push(t, &r, arg);
      REQUIRE(reference.push(t, &r, arg).slot == a.slot);
      handles.push_back(a);
      ++arg;
    } else if (dice < 6) {
      const FiredEvent a = moved.pop();
      const FiredEvent b = reference.pop();
      REQUIRE(a.time == b.time);
      REQUIRE(a.arg == b.arg);
      REQUIRE(a.sequence == b.sequence);
      now = a.time;
    } else {
      // Any remembered handle: pending, fired or already moved (stale), so both paths of reschedule run.
      const std::size_t pick = rng.below(handles.size());
      const sim_time_us t = now + static_cast<sim_time_us>(rng.below(50));
      reference.cancel(handles[pick]);
      const EventHandle b = reference.push(t, &r, arg);
      const EventHandle a = moved.reschedule(handles[pick], t, &r, arg);
      REQUIRE(a.slot == b.slot);
      REQUIRE(a.generation == b.generation);
      handles[pick] = a;
      ++arg;
    }
    REQUIRE(moved.size() == reference.size());
  }
  while (!reference.empty()) {
    const FiredEvent a = moved.pop();
    const FiredEvent b = reference.pop();
    REQUIRE(a.time == b.time);
    REQUIRE(a.arg == b.arg);
  }
  CHECK(moved.empty());
}

}  // namespace
}  // namespace ccrsim
