#pragma once
// Max-min fair rates by progressive filling: all unfrozen flows grow at the same pace until a resource they use is
// saturated or a flow reaches its own cap; those flows freeze and the rest keep growing. Flows limited elsewhere
// thus leave their share to the others. General over resources so a flow may also use, say, a node's NIC besides
// its link; the network gives each flow exactly its link today.
#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace ccrsim {

inline constexpr double kUnlimitedRate = std::numeric_limits<double>::infinity();

class MaxMinSolver {
 public:
  static constexpr int kMaxResourcesPerFlow = 2;
  struct Flow {
    std::array<std::uint32_t, kMaxResourcesPerFlow> resources{};
    int resource_count = 0;
    double max_rate_bytes_per_s = kUnlimitedRate;
  };

  // Fills rates_bytes_per_s (same size as flows). Scratch buffers are kept, so a steady state does not allocate.
  void solve(std::span<const double> capacity_bytes_per_s, std::span<const Flow> flows,
             std::span<double> rates_bytes_per_s);

 private:
  static constexpr double kSaturatedFraction = 1e-12;
  struct Step {
    double delta = kUnlimitedRate;
    std::int64_t limiting_resource = -1;  // the argmin, frozen explicitly so every round freezes something
    std::int64_t limiting_flow = -1;
  };
  Step next_step(std::span<const Flow> flows, std::span<const double> rates) const;
  void grow(std::span<const Flow> flows, std::span<double> rates, double delta);
  // Freezes the flows at their cap or on a saturated resource; returns how many.
  std::size_t freeze(std::span<const double> capacity, std::span<const Flow> flows, std::span<const double> rates,
                     const Step& step);
  // After solving: some resource carries more than its capacity (beyond rounding). Never true.
  bool oversubscribed(std::span<const double> capacity) const;

  std::vector<double> headroom_;
  std::vector<std::uint32_t> users_;
  std::vector<char> frozen_;
};

}  // namespace ccrsim
