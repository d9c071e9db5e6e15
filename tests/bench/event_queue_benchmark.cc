// Future-event-set benchmarks: ccrsim::EventQueue against a std::priority_queue baseline in the same binary, and
// the full Simulator dispatch path. Every case reports events/s through SetItemsProcessed; scripts/bench turns the
// JSON output into a per-size summary and ratio.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "sim/event_queue.h"
#include "sim/rng.h"
#include "sim/simulator.h"

namespace {

using ccrsim::sim_time_us;

constexpr std::uint64_t kSeed = 42;
constexpr double kMeanIncrementUs = 1000.0;

// Increments are drawn once from a fixed-seed Rng so the timed loop measures the queue, not the generator.
// A power-of-two table lets the loop wrap with a mask.
class Increments {
 public:
  Increments() : values_(kSize) {
    ccrsim::Rng rng(kSeed, "bench/hold");
    for (auto& v : values_) {
      // Exponential with a 1 ms mean; the +1 avoids zero-delay ties dominating the order.
      v = 1 + static_cast<sim_time_us>(-kMeanIncrementUs * std::log(1.0 - rng.uniform01()));
    }
  }
  sim_time_us next() { return values_[cursor_++ & (kSize - 1)]; }

 private:
  static constexpr std::size_t kSize = 1 << 16;
  std::vector<sim_time_us> values_;
  std::size_t cursor_ = 0;
};

struct Noop : ccrsim::EventTarget {
  void on_event(std::uint64_t) override {}
};

// The baseline: what a simulator gets for free from the standard library.
struct StdEvent {
  sim_time_us time;
  std::uint64_t sequence;
  std::uint64_t payload;
  friend auto operator<=>(const StdEvent&, const StdEvent&) = default;
};

class StdQueue {
 public:
  void push(sim_time_us time, std::uint64_t payload) { queue_.push({time, next_sequence_++, payload}); }
  StdEvent pop() {
    const StdEvent top = queue_.top();
    queue_.pop();
    return top;
  }
  bool empty() const { return queue_.empty(); }

 private:
  std::priority_queue<StdEvent, std::vector<StdEvent>, std::greater<>> queue_;
  std::uint64_t next_sequence_ = 0;
};

// Adapter so one template drives both queues.
class CcrQueue {
 public:
  void push(sim_time_us time, std::uint64_t payload) { queue_.push(time, &noop_, payload); }
  ccrsim::FiredEvent pop() { return queue_.pop(); }
  bool empty() const { return queue_.empty(); }

 private:
  ccrsim::EventQueue queue_;
  Noop noop_;
};

// Push n events with random times, then pop them all: the bulk-load / drain path.
template <class Queue>
void bm_push_pop(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Increments inc;
  Queue q;
  sim_time_us base = 0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < n; ++i) q.push(base + inc.next() * 16, i);
    while (!q.empty()) benchmark::DoNotOptimize(q.pop());
    base += 1'000'000;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
}

// The classic hold model: a steady pending set of n events; each step pops the minimum and schedules one new
// event at its time plus a random increment.
template <class Queue>
void bm_hold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Increments inc;
  Queue q;
  for (std::size_t i = 0; i < n; ++i) q.push(inc.next(), i);
  for (auto _ : state) {
    const auto e = q.pop();
    q.push(e.time + inc.next(), e.sequence);
  }
  state.SetItemsProcessed(state.iterations());
}

// A target that keeps the hold model going through the Simulator: every firing schedules its successor.
class HoldTarget : public ccrsim::EventTarget {
 public:
  explicit HoldTarget(ccrsim::Simulator& sim) : sim_(sim) {}
  void on_event(std::uint64_t arg) override { sim_.schedule_in(inc_.next(), this, arg); }
  sim_time_us first_delay() { return inc_.next(); }

 private:
  ccrsim::Simulator& sim_;
  Increments inc_;
};

// Hold model through schedule + step: adds virtual dispatch, the clock and the fingerprint to the queue cost.
void bm_simulator_hold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ccrsim::Simulator sim;
  HoldTarget target(sim);
  for (std::size_t i = 0; i < n; ++i) sim.schedule_at(target.first_delay(), &target, i);
  for (auto _ : state) benchmark::DoNotOptimize(sim.step(ccrsim::kTimeNever));
  state.SetItemsProcessed(state.iterations());
  state.counters["fingerprint_bits"] = static_cast<double>(sim.fingerprint() & 0xff);  // keeps the hash live
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(16)->Arg(1'000)->Arg(100'000);
}

BENCHMARK_TEMPLATE(bm_push_pop, CcrQueue)->Name("push_pop/EventQueue")->Apply(sizes);
BENCHMARK_TEMPLATE(bm_push_pop, StdQueue)->Name("push_pop/std_priority_queue")->Apply(sizes);
BENCHMARK_TEMPLATE(bm_hold, CcrQueue)->Name("hold/EventQueue")->Apply(sizes);
BENCHMARK_TEMPLATE(bm_hold, StdQueue)->Name("hold/std_priority_queue")->Apply(sizes);
BENCHMARK(bm_simulator_hold)->Name("hold/Simulator")->Apply(sizes);

}  // namespace
