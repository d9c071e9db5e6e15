#include "sim/event_queue.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

struct Recorder : EventTarget {
  std::vector<std::uint64_t> fired;
  void on_event(std::uint64_t arg) override { fired.push_back(arg); }
};

TEST_CASE("event queue pops by time, then by insertion sequence") {
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

}  // namespace
}  // namespace ccrsim
