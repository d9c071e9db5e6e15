#include "model/capacity/instance_capacity.h"

#include <array>
#include <string_view>

#include "sim/assert.h"

namespace ccrsim {

namespace {

// One primary shard on an r6g.large (2 vCPU, 16 GiB): ~6 000 index operations of 1 KiB per second through the bulk
// write path, and ~30 000 operations per second read back from the translog / Lucene for GetChanges (reads skip
// analysis and merging, so about five times the indexing rate).
constexpr ShardCapacity kLargeBaseline{6'000, 30'000};

struct SizeFactor {
  std::string_view size;
  double factor;
};

// Bigger nodes help one shard less than linearly: one shard's writes go through one bulk at a time per request,
// so past 8 vCPU the shard, not the node, is the bottleneck.
constexpr std::array<SizeFactor, 10> kSizes{{{"micro", 0.25},
                                             {"small", 0.5},
                                             {"medium", 0.75},
                                             {"large", 1.0},
                                             {"xlarge", 1.6},
                                             {"2xlarge", 2.3},
                                             {"4xlarge", 3.0},
                                             {"8xlarge", 3.3},
                                             {"12xlarge", 3.4},
                                             {"16xlarge", 3.5}}};

struct FamilyFactor {
  std::string_view prefix;
  double factor;
};

// Burstable t2/t3 run at their CPU credit baseline; compute-optimised c* a little faster; Graviton (g) and Intel
// generations are treated alike.
constexpr std::array<FamilyFactor, 10> kFamilies{{{"t2", 0.4},
                                                  {"t3", 0.4},
                                                  {"t4g", 0.4},
                                                  {"c5", 1.15},
                                                  {"c6g", 1.15},
                                                  {"c7g", 1.25},
                                                  {"r7g", 1.1},
                                                  {"m7g", 1.1},
                                                  {"or1", 1.1},
                                                  {"im4gn", 1.1}}};

double size_factor(std::string_view size) {
  for (const SizeFactor& s : kSizes) {
    if (s.size == size) {
      CCRSIM_ASSERT(s.factor > 0);
      return s.factor;
    }
  }
  return 1.0;
}

double family_factor(std::string_view family) {
  for (const FamilyFactor& f : kFamilies) {
    if (f.prefix == family) {
      CCRSIM_ASSERT(f.factor > 0);
      return f.factor;
    }
  }
  return 1.0;
}

}  // namespace

ShardCapacity default_shard_capacity(const std::string& instance_type) {
  const std::string_view text(instance_type);
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return kLargeBaseline;
  const std::string_view family = text.substr(0, dot);
  const std::string_view rest = text.substr(dot + 1);
  const std::string_view size = rest.substr(0, rest.find('.'));
  const double factor = family_factor(family) * size_factor(size);
  CCRSIM_ASSERT(factor > 0);  // every instance type indexes and reads something
  return {kLargeBaseline.index_rate_per_s * factor, kLargeBaseline.read_rate_per_s * factor};
}

ShardCapacity effective_shard_capacity(const DomainSpec& domain) {
  ShardCapacity c = default_shard_capacity(domain.instance_type);
  if (domain.capacity.shard_index_rate_per_s > 0) c.index_rate_per_s = domain.capacity.shard_index_rate_per_s;
  if (domain.capacity.shard_read_rate_per_s > 0) c.read_rate_per_s = domain.capacity.shard_read_rate_per_s;
  CCRSIM_ASSERT(c.index_rate_per_s > 0 && c.read_rate_per_s > 0);
  return c;
}

}  // namespace ccrsim
