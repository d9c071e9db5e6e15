#include <benchmark/benchmark.h>

#include "sim/event_queue.h"

namespace {
struct Noop : ccrsim::EventTarget {
  void on_event(std::uint64_t) override {}
};
void BM_placeholder(benchmark::State& state) {
  ccrsim::EventQueue q;
  Noop n;
  for (auto _ : state) {
    q.push(1, &n, 0);
    benchmark::DoNotOptimize(q.pop());
  }
}
BENCHMARK(BM_placeholder);
}  // namespace
