// The histograms on the replay path: every replayed range adds its delivery times as one uniform run
// (add_uniform), and the report reads a few quantiles once. Reports adds (ranges) per second.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "sim/rng.h"
#include "sim/stats/time_histogram.h"

namespace {

using ccrsim::sim_time_us;

// Ranges as the replay path produces them: a spread of a few ms to a few s, from 0.5 ms to minutes of lag.
struct Ranges {
  explicit Ranges(std::uint64_t seed) {
    ccrsim::Rng rng(seed, "bench/histogram");
    for (auto& r : values) {
      const auto lo = static_cast<sim_time_us>(500 + rng.below(120'000'000));
      r = {lo, lo + static_cast<sim_time_us>(rng.below(3'000'000)), static_cast<std::int64_t>(1 + rng.below(5000))};
    }
  }
  struct Range {
    sim_time_us lo_us;
    sim_time_us hi_us;
    std::int64_t count;
  };
  std::vector<Range> values = std::vector<Range>(1 << 12);
};

void BM_TimeHistogramAddUniform(benchmark::State& state) {
  const Ranges ranges(42);
  ccrsim::TimeHistogram h;
  std::size_t i = 0;
  for (auto _ : state) {
    const Ranges::Range& r = ranges.values[i++ & (ranges.values.size() - 1)];
    h.add_uniform(r.lo_us, r.hi_us, r.count);
  }
  benchmark::DoNotOptimize(h.count());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_TimeHistogramAddUniform);

void BM_TimeHistogramAddPoint(benchmark::State& state) {
  const Ranges ranges(7);
  ccrsim::TimeHistogram h;
  std::size_t i = 0;
  for (auto _ : state) h.add(ranges.values[i++ & (ranges.values.size() - 1)].lo_us);
  benchmark::DoNotOptimize(h.count());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_TimeHistogramAddPoint);

void BM_TimeHistogramQuantiles(benchmark::State& state) {
  const Ranges ranges(9);
  ccrsim::TimeHistogram h;
  for (const Ranges::Range& r : ranges.values) h.add_uniform(r.lo_us, r.hi_us, r.count);
  for (auto _ : state) {
    benchmark::DoNotOptimize(h.quantile_us(0.5) + h.quantile_us(0.95) + h.quantile_us(0.99));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 3);
}
BENCHMARK(BM_TimeHistogramQuantiles);

}  // namespace
