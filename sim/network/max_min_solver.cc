#include "sim/network/max_min_solver.h"

#include <algorithm>

#include "sim/assert.h"

namespace ccrsim {

void MaxMinSolver::solve(std::span<const double> capacity_bytes_per_s, std::span<const Flow> flows,
                         std::span<double> rates_bytes_per_s) {
  CCRSIM_ASSERT(flows.size() == rates_bytes_per_s.size());
  headroom_.assign(capacity_bytes_per_s.begin(), capacity_bytes_per_s.end());
  users_.assign(capacity_bytes_per_s.size(), 0);
  frozen_.assign(flows.size(), 0);
  std::fill(rates_bytes_per_s.begin(), rates_bytes_per_s.end(), 0.0);
  for (const Flow& f : flows) {
    CCRSIM_ASSERT(f.resource_count >= 0 && f.resource_count <= kMaxResourcesPerFlow);
    CCRSIM_ASSERT(f.max_rate_bytes_per_s >= 0);
    for (int i = 0; i < f.resource_count; ++i) {
      CCRSIM_ASSERT(f.resources[i] < capacity_bytes_per_s.size());
      ++users_[f.resources[i]];
    }
  }
  std::size_t unfrozen = flows.size();
  while (unfrozen > 0) {
    const Step step = next_step(flows, rates_bytes_per_s);
    if (step.delta == kUnlimitedRate) {
      // Nothing bounds the remaining flows: they run at their (infinite) cap.
      for (std::size_t f = 0; f < flows.size(); ++f) {
        if (!frozen_[f]) rates_bytes_per_s[f] = kUnlimitedRate;
      }
      return;
    }
    grow(flows, rates_bytes_per_s, step.delta);
    const std::size_t frozen = freeze(capacity_bytes_per_s, flows, rates_bytes_per_s, step);
    CCRSIM_ASSERT(frozen > 0 && frozen <= unfrozen);  // every round freezes something: the loop ends
    unfrozen -= frozen;
  }
  CCRSIM_ASSERT_SLOW(!oversubscribed(capacity_bytes_per_s));
}

bool MaxMinSolver::oversubscribed(std::span<const double> capacity) const {
  for (std::size_t r = 0; r < headroom_.size(); ++r) {
    if (headroom_[r] < -kSaturatedFraction * 1e3 * capacity[r]) return true;  // beyond the rounding of the growth
  }
  return false;
}

MaxMinSolver::Step MaxMinSolver::next_step(std::span<const Flow> flows, std::span<const double> rates) const {
  Step step;
  for (std::size_t r = 0; r < headroom_.size(); ++r) {
    if (users_[r] == 0) continue;
    const double share = std::max(0.0, headroom_[r]) / static_cast<double>(users_[r]);
    if (share < step.delta) step = {share, static_cast<std::int64_t>(r), -1};
  }
  for (std::size_t f = 0; f < flows.size(); ++f) {
    if (frozen_[f]) continue;
    const double to_cap = std::max(0.0, flows[f].max_rate_bytes_per_s - rates[f]);
    if (to_cap < step.delta) step = {to_cap, -1, static_cast<std::int64_t>(f)};
  }
  return step;
}

void MaxMinSolver::grow(std::span<const Flow> flows, std::span<double> rates, double delta) {
  CCRSIM_ASSERT(delta >= 0);  // progressive filling only ever raises rates
  for (std::size_t f = 0; f < flows.size(); ++f) {
    if (frozen_[f]) continue;
    rates[f] += delta;
    for (int i = 0; i < flows[f].resource_count; ++i) headroom_[flows[f].resources[i]] -= delta;
  }
}

std::size_t MaxMinSolver::freeze(std::span<const double> capacity, std::span<const Flow> flows,
                                 std::span<const double> rates, const Step& step) {
  std::size_t count = 0;
  for (std::size_t f = 0; f < flows.size(); ++f) {
    if (frozen_[f]) continue;
    const Flow& flow = flows[f];
    bool done = static_cast<std::int64_t>(f) == step.limiting_flow || rates[f] >= flow.max_rate_bytes_per_s;
    for (int i = 0; i < flow.resource_count && !done; ++i) {
      const std::uint32_t r = flow.resources[i];
      done = static_cast<std::int64_t>(r) == step.limiting_resource || headroom_[r] <= kSaturatedFraction * capacity[r];
    }
    if (!done) continue;
    frozen_[f] = 1;
    ++count;
    for (int i = 0; i < flow.resource_count; ++i) --users_[flow.resources[i]];
  }
  return count;
}

}  // namespace ccrsim
