#pragma once
// The scenario format's limits (docs/scenarios.md), part of the loader's public API through scenario_loader.h.
#include <cstddef>
#include <cstdint>

#include "sim/time.h"

namespace ccrsim {

// The project's documented limits (docs/scenario-format.md §3.2; the contract asks for at least these). Every one is
// checked before anything proportional to the value is allocated.
namespace scenario_limits {
inline constexpr std::int64_t kMaxFileBytes = 16 * 1024 * 1024;
inline constexpr int kMaxYamlDepth = 64;                  // nesting of maps and lists
inline constexpr std::int64_t kMaxYamlNodes = 5'000'000;  // nodes visited, aliases expanded
inline constexpr sim_time_us kMaxDurationUs = 365 * kUsPerDay;
inline constexpr double kMaxRatePerS = 10'000'000;  // per workload entry, and per shard in capacity:
inline constexpr int kMinShards = 1;
inline constexpr int kMaxShards = 1024;
inline constexpr int kMaxReplicas = 15;
inline constexpr std::int64_t kMaxDocs = 1'000'000'000'000;
inline constexpr std::int64_t kMaxDocSizeBytes = 100 * 1024 * 1024;  // OpenSearch's http.max_content_length
inline constexpr std::int64_t kMaxIndexStoreBytes = 1LL << 50;       // docs x doc_size of one index (1024tb)
inline constexpr int kMinInstanceCount = 1;
inline constexpr int kMaxInstanceCount = 80;
inline constexpr std::size_t kMaxDomains = 100;
inline constexpr std::size_t kMaxIndices = 10'000;
inline constexpr std::size_t kMaxSteps = 100'000;
inline constexpr std::size_t kMaxListEntries = 10'000;  // connections, links, workload, faults, checks, users, ...
inline constexpr std::size_t kMaxDomainNameChars = 28;
inline constexpr std::size_t kMinDomainNameChars = 3;
inline constexpr std::size_t kMaxAliasChars = 100;
inline constexpr std::size_t kMinAliasChars = 2;
inline constexpr std::size_t kMaxIndexNameBytes = 255;
// Memory: every shard copy in `indices:` is simulated state (about 1 KiB each, more with documents written by steps).
inline constexpr std::int64_t kMaxShardCopies = 100'000;     // primaries x (1 + replicas), summed over `indices:`
inline constexpr std::int64_t kMaxRolloverIndices = 10'000;  // indices one rolling-over writer may create
inline constexpr std::int64_t kMaxPollAttempts = 1'000'000;  // within / every of one polling step
// Lag samples: one event each for all replications together, so duration / sample_interval bounds the run's
// sampling work (a year at the default 1s is 31.5 million).
inline constexpr std::int64_t kMaxSamples = 100'000'000;
}  // namespace scenario_limits

}  // namespace ccrsim
