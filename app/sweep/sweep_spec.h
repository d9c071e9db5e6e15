#pragma once
// A sweep file (docs/scenario-format.md §7.1): the base scenario, the seeds, the varied paths with their values, the
// metrics.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/diagnostics.h"

namespace ccrsim {

namespace sweep_limits {
inline constexpr std::size_t kMaxSeeds = 10'000;
inline constexpr std::size_t kMaxValuesPerPath = 10'000;
inline constexpr std::size_t kMaxPaths = 16;
inline constexpr std::size_t kMaxRuns = 1'000'000;
inline constexpr std::size_t kMaxMetrics = 32;
}  // namespace sweep_limits

struct SweepAxis {
  std::string path;
  std::vector<std::string> values;  // as written
  SourcePos pos;                    // the path key
  std::vector<SourcePos> value_pos;
};

struct SweepSpec {
  std::string file;           // the sweep file as given
  std::string scenario_path;  // resolved relative to the sweep file
  SourcePos scenario_pos;
  std::vector<std::uint64_t> seeds;
  std::vector<SweepAxis> axes;
  std::vector<std::string> metrics;

  std::size_t combinations() const;
  std::size_t runs() const { return combinations() * seeds.size(); }
  // The values of combination c: the first path varies slowest.
  std::vector<std::size_t> value_indices(std::size_t combination) const;
};

std::optional<SweepSpec> load_sweep_spec(const std::string& path, Diagnostics& diags);

}  // namespace ccrsim
