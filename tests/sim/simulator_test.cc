#include "sim/simulator.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

namespace ccrsim {
namespace {

// Records (time, arg) of every firing, optionally scheduling a follow-up from inside the handler.
struct Recorder : EventTarget {
  explicit Recorder(Simulator& s) : sim(s) {}
  void on_event(std::uint64_t arg) override {
    fired.push_back({sim.now(), arg});
    if (arg == kChain) sim.schedule_in(5, this, arg + 1);
    if (arg == kStop) sim.stop();
  }
  static constexpr std::uint64_t kChain = 100;
  static constexpr std::uint64_t kStop = 999;
  Simulator& sim;
  std::vector<std::pair<sim_time_us, std::uint64_t>> fired;
};

using Firings = std::vector<std::pair<sim_time_us, std::uint64_t>>;

TEST_CASE("simulator fires in time order - then insertion order - and advances the clock") {
  Simulator sim;
  Recorder r(sim);
  sim.schedule_at(30, &r, 1);
  sim.schedule_at(10, &r, 2);
  sim.schedule_at(30, &r, 3);
  sim.schedule_in(10, &r, 4);
  CHECK(sim.run_until(100));
  CHECK(r.fired == Firings{{10, 2}, {10, 4}, {30, 1}, {30, 3}});
  CHECK(sim.now() == 100);
  CHECK(sim.events_processed() == 4);
  CHECK(sim.idle());
}

TEST_CASE("run_until stops at the end time and leaves later events pending") {
  Simulator sim;
  Recorder r(sim);
  sim.schedule_at(50, &r, 1);
  sim.schedule_at(100, &r, 2);  // exactly at the end: fires
  sim.schedule_at(101, &r, 3);  // after the end: stays
  CHECK(sim.run_until(100));
  CHECK(r.fired == Firings{{50, 1}, {100, 2}});
  CHECK(sim.now() == 100);
  CHECK(sim.pending_events() == 1);
  CHECK(sim.next_event_time() == 101);
  CHECK(sim.run_until(200));
  CHECK(r.fired.back() == std::pair<sim_time_us, std::uint64_t>{101, 3});
  CHECK(sim.next_event_time() == kTimeNever);
}

TEST_CASE("run_until never moves the clock backwards") {
  Simulator sim;
  CHECK(sim.run_until(100));
  CHECK(sim.run_until(100));  // the end may be now; an end in the past is refused (CCRSIM_ASSERT)
  CHECK(sim.now() == 100);
}

TEST_CASE("a caller that means now or later clamps a past time itself") {
  Simulator sim;
  Recorder r(sim);
  sim.schedule_at(10, &r, Recorder::kChain);
  CHECK(sim.run_until(10));  // the follow-up at 15 is beyond the end
  CHECK(r.fired == Firings{{10, Recorder::kChain}});
  // schedule_at asserts t >= now: a time in the past is the caller's to clamp, visibly.
  sim.schedule_at(std::max<sim_time_us>(3, sim.now()), &r, 7);  // runs at now, before the follow-up
  CHECK(sim.run_until(20));
  CHECK(r.fired == Firings{{10, Recorder::kChain}, {10, 7}, {15, Recorder::kChain + 1}});
}

TEST_CASE("step fires exactly one due event") {
  Simulator sim;
  Recorder r(sim);
  sim.schedule_at(10, &r, 1);
  sim.schedule_at(20, &r, 2);
  CHECK_FALSE(sim.step(5));
  CHECK(sim.now() == 0);
  CHECK(sim.step(10));
  CHECK(sim.now() == 10);
  CHECK(r.fired.size() == 1);
  CHECK_FALSE(sim.step(15));
  CHECK(sim.step(kTimeNever));
  CHECK(sim.now() == 20);
  CHECK_FALSE(sim.step(kTimeNever));
}

TEST_CASE("stop ends run_until early") {
  Simulator sim;
  Recorder r(sim);
  sim.schedule_at(10, &r, Recorder::kStop);
  sim.schedule_at(20, &r, 1);
  CHECK_FALSE(sim.run_until(100));
  CHECK(sim.now() == 10);
  CHECK(sim.run_until(100));  // a new run clears the request
  CHECK(r.fired.size() == 2);
}

TEST_CASE("cancel resets the handle and the event never fires") {
  Simulator sim;
  Recorder r(sim);
  EventHandle h = sim.schedule_at(10, &r, 1);
  sim.schedule_at(20, &r, 2);
  CHECK(sim.pending(h));
  CHECK(sim.cancel(h));
  CHECK_FALSE(h.valid());
  CHECK_FALSE(sim.cancel(h));
  CHECK(sim.run_until(100));
  CHECK(r.fired == Firings{{20, 2}});
}

std::uint64_t fingerprint_of(const std::vector<std::pair<sim_time_us, std::uint64_t>>& schedule) {
  Simulator sim;
  Recorder r(sim);
  for (const auto& [t, arg] : schedule) sim.schedule_at(t, &r, arg);
  sim.run_until(1'000);
  return sim.fingerprint();
}

TEST_CASE("fingerprint: equal for identical schedules - different when one time differs") {
  const Firings base{{10, 1}, {20, 2}, {30, 3}};
  CHECK(fingerprint_of(base) == fingerprint_of(base));
  CHECK(fingerprint_of(base) != fingerprint_of({{10, 1}, {21, 2}, {30, 3}}));
  CHECK(fingerprint_of(base) != fingerprint_of({{10, 1}, {20, 4}, {30, 3}}));
  CHECK(fingerprint_of(base) != fingerprint_of({{10, 2}, {20, 1}, {30, 3}}));  // order matters
  CHECK(fingerprint_of(base) != fingerprint_of({{10, 1}, {20, 2}}));
  Simulator fresh;
  CHECK(fresh.fingerprint() == Simulator().fingerprint());
}

TEST_CASE("mix_fingerprint folds model decisions into the trajectory hash") {
  Simulator a;
  Simulator b;
  a.mix_fingerprint(7);
  b.mix_fingerprint(7);
  CHECK(a.fingerprint() == b.fingerprint());
  const std::uint64_t before = a.fingerprint();
  a.mix_fingerprint(8);
  b.mix_fingerprint(9);
  CHECK(a.fingerprint() != before);
  CHECK(a.fingerprint() != b.fingerprint());
  Simulator c;
  Simulator d;
  c.mix_fingerprint(1);
  c.mix_fingerprint(2);
  d.mix_fingerprint(2);
  d.mix_fingerprint(1);
  CHECK(c.fingerprint() != d.fingerprint());  // order-sensitive
}

}  // namespace
}  // namespace ccrsim
