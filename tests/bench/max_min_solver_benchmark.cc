// The max-min solver on one link with n capped flows (the case the network solves when a flow has a cap of its
// own), and on a star of links whose flows also cross a shared resource. Reports flows solved per second.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "sim/network/max_min_solver.h"
#include "sim/rng.h"

namespace {

using ccrsim::MaxMinSolver;

void BM_MaxMinOneLinkCapped(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  ccrsim::Rng rng(42, "bench/max-min");
  std::vector<MaxMinSolver::Flow> flows(n);
  for (auto& f : flows) f = {{0, 0}, 1, 1e6 * (0.5 + rng.uniform01())};
  const std::vector<double> capacity{1e6 * static_cast<double>(n) / 2};
  std::vector<double> rates(n);
  MaxMinSolver solver;
  for (auto _ : state) {
    solver.solve(capacity, flows, rates);
    benchmark::DoNotOptimize(rates.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_MaxMinOneLinkCapped)->RangeMultiplier(4)->Range(4, 256);

void BM_MaxMinStarWithSharedResource(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::uint32_t shared = 19;  // 19 links into one hub, plus the hub's own resource
  ccrsim::Rng rng(42, "bench/max-min-star");
  std::vector<MaxMinSolver::Flow> flows(n);
  for (std::size_t i = 0; i < n; ++i) flows[i] = {{static_cast<std::uint32_t>(i % shared), shared}, 2, 1e9};
  std::vector<double> capacity(shared + 1);
  for (auto& c : capacity) c = 1e8 * (0.5 + rng.uniform01());
  std::vector<double> rates(n);
  MaxMinSolver solver;
  for (auto _ : state) {
    solver.solve(capacity, flows, rates);
    benchmark::DoNotOptimize(rates.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_MaxMinStarWithSharedResource)->RangeMultiplier(4)->Range(19, 19 * 16);

}  // namespace
