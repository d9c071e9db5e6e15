#include "model/replication/replication_settings.h"

#include <array>
#include <cctype>
#include <cstdlib>

#include "model/domain.h"
#include "model/index.h"

namespace ccrsim {

namespace {

enum class Kind { kInteger, kBytes, kDuration, kBoolean };

// One row per plugin cluster setting: the single place defaults and ranges live.
struct SettingSpec {
  const char* key;
  Kind kind;
  std::int64_t default_value;  // bytes, microseconds, 0/1 for booleans
  std::int64_t min_value;
  std::int64_t max_value;
  const char* min_text;  // how OpenSearch prints the bound in its error
  const char* max_text;
};

constexpr std::int64_t kMb = 1024LL * 1024;
constexpr std::int64_t kNoMax = INT64_MAX;
constexpr std::int64_t kMaxSlotsPerShard = 255;  // the events' 8-bit slot field (model/replication/*_events.h)

const std::array<SettingSpec, 17>& specs() {
  using namespace setting_keys;
  static const std::array<SettingSpec, 17> table = {{
      {kChunkSize, Kind::kBytes, 10 * kMb, kMb, 1024 * kMb, "1mb", "1gb"},
      {kMaxConcurrentFileChunks, Kind::kInteger, 5, 1, kNoMax, "1", ""},
      {kOpsBatchSize, Kind::kInteger, 50'000, 16, kNoMax, "16", ""},
      {kReadersPerShard, Kind::kInteger, 2, 1, kNoMax, "1", ""},
      {kWritersPerShard, Kind::kInteger, 2, 1, kNoMax, "1", ""},
      {kPollInterval, Kind::kDuration, 50 * kUsPerMs, kUsPerMs, kUsPerS, "1ms", "1s"},
      {kMetadataSyncInterval, Kind::kDuration, 60 * kUsPerS, 5 * kUsPerS, kNoMax, "5s", ""},
      {kLeaseMaxFailureDuration, Kind::kDuration, kUsPerH, kUsPerS, 12 * kUsPerH, "1s", "12h"},
      {kBlockStart, Kind::kBoolean, 0, 0, 1, "", ""},
      {kAutofollowFetchPollInterval, Kind::kDuration, 30 * kUsPerS, 30 * kUsPerS, kUsPerH, "30s", "1h"},
      {kAutofollowRetryPollInterval, Kind::kDuration, kUsPerH, kUsPerMin, 4 * kUsPerH, "1m", "4h"},
      {kAutofollowTriggerSize, Kind::kInteger, 3, 1, 100, "1", "100"},
      {kReplicateDeleteIndex, Kind::kBoolean, 0, 0, 1, "", ""},
      {kLeaderThreadPoolSize, Kind::kInteger, 0, 0, kNoMax, "0", ""},
      {kLeaderThreadPoolQueueSize, Kind::kInteger, 1000, 0, kNoMax, "0", ""},
      {kBulkBatchSize, Kind::kInteger, 10, 1, 100, "1", "100"},
      {kBulkPollTimeout, Kind::kInteger, 15, 1, 30, "1", "30"},
  }};
  return table;
}

const SettingSpec* find_spec(const std::string& key) {
  for (const SettingSpec& s : specs()) {
    if (key == s.key) return &s;
  }
  return nullptr;
}

std::string value_text(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::optional<std::int64_t> parse_by_kind(Kind kind, const json& value) {
  switch (kind) {
    case Kind::kInteger:
      return parse_integer(value);
    case Kind::kBytes:
      return parse_byte_size(value);
    case Kind::kDuration:
      return parse_duration_us(value);
    case Kind::kBoolean: {
      auto b = parse_boolean(value);
      if (!b) return std::nullopt;
      return *b ? 1 : 0;
    }
  }
  return std::nullopt;
}

// The value of one setting on a domain, or its default when unset or invalid.
std::int64_t resolve(const Domain& domain, const char* key) {
  const SettingSpec* spec = find_spec(key);
  const json value = domain.cluster_setting(key);
  if (value.is_null()) return spec->default_value;
  auto parsed = parse_by_kind(spec->kind, value);
  if (!parsed || *parsed < spec->min_value || *parsed > spec->max_value) return spec->default_value;
  return *parsed;
}

std::optional<double> parse_number_prefix(const std::string& text, std::string& unit) {
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '-')) {
    ++i;
  }
  if (i == 0) return std::nullopt;
  char* end = nullptr;
  const std::string number = text.substr(0, i);
  const double v = std::strtod(number.c_str(), &end);
  if (end == nullptr || *end != '\0') return std::nullopt;
  unit = text.substr(i);
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
  return v;
}

json index_setting(const Index& index, const char* key) {
  auto it = index.settings().find(key);
  if (it != index.settings().end()) return *it;
  // Asked once per fetch round trip (lease period, batch size): reuse one buffer rather than allocate a key each time.
  thread_local std::string prefixed_key;
  prefixed_key.assign("index.").append(key);
  auto prefixed = index.settings().find(prefixed_key);
  return prefixed == index.settings().end() ? json() : *prefixed;
}

}  // namespace

std::optional<std::int64_t> parse_integer(const json& value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (!value.is_string()) return std::nullopt;
  const std::string text = value.get<std::string>();
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (end == nullptr || *end != '\0') return std::nullopt;
  return static_cast<std::int64_t>(v);
}

std::optional<bool> parse_boolean(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (!value.is_string()) return std::nullopt;
  const std::string text = value.get<std::string>();
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;  // OpenSearch accepts only the exact words
}

std::optional<sim_time_us> parse_duration_us(const json& value) {
  if (value.is_number_integer() && (value.get<std::int64_t>() == 0 || value.get<std::int64_t>() == -1)) {
    return value.get<std::int64_t>();
  }
  if (!value.is_string()) return std::nullopt;
  const std::string text = value.get<std::string>();
  if (text == "0" || text == "-1") return std::stoll(text);
  std::string unit;
  auto number = parse_number_prefix(text, unit);
  if (!number) return std::nullopt;
  double scale = 0;
  if (unit == "nanos")
    scale = 1e-3;
  else if (unit == "micros")
    scale = 1;
  else if (unit == "ms")
    scale = 1e3;
  else if (unit == "s")
    scale = 1e6;
  else if (unit == "m")
    scale = 60e6;
  else if (unit == "h")
    scale = 3600e6;
  else if (unit == "d")
    scale = 86400e6;
  else
    return std::nullopt;
  return static_cast<sim_time_us>(*number * scale);
}

std::optional<std::int64_t> parse_byte_size(const json& value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (!value.is_string()) return std::nullopt;
  std::string unit;
  auto number = parse_number_prefix(value.get<std::string>(), unit);
  if (!number) return std::nullopt;
  double scale = 0;
  if (unit.empty() || unit == "b")
    scale = 1;
  else if (unit == "kb" || unit == "k")
    scale = 1024.0;
  else if (unit == "mb" || unit == "m")
    scale = 1024.0 * 1024;
  else if (unit == "gb" || unit == "g")
    scale = 1024.0 * 1024 * 1024;
  else if (unit == "tb" || unit == "t")
    scale = 1024.0 * 1024 * 1024 * 1024;
  else
    return std::nullopt;
  return static_cast<std::int64_t>(*number * scale);
}

bool is_replication_setting(const std::string& key) {
  return find_spec(key) != nullptr;
}

namespace {

// Simulator-defined (docs/replication.md, "Settings"): a shard's readers, writers and file chunks are numbered in
// an 8-bit field of their events' arguments, so more than 255 cannot be simulated; the plugin itself sets no maximum.
std::optional<std::string> simulator_limit_problem(const std::string& key, std::int64_t value) {
  using namespace setting_keys;
  const bool per_shard_slots = key == kReadersPerShard || key == kWritersPerShard || key == kMaxConcurrentFileChunks;
  if (!per_shard_slots || value <= kMaxSlotsPerShard) return std::nullopt;
  return "ccrsim simulates at most " + std::to_string(kMaxSlotsPerShard) + " for setting [" + key + "], got [" +
         std::to_string(value) + "] (a simulator limit; the plugin has none)";
}

}  // namespace

std::optional<std::string> validate_replication_setting(const std::string& key, const json& value) {
  const SettingSpec* spec = find_spec(key);
  if (spec == nullptr || value.is_null()) return std::nullopt;
  const std::string text = value_text(value);
  auto parsed = parse_by_kind(spec->kind, value);
  if (!parsed) {
    switch (spec->kind) {
      case Kind::kDuration:
        return "failed to parse setting [" + key + "] with value [" + text +
               "] as a time value: unit is missing or unrecognized";
      case Kind::kBoolean:
        return "Failed to parse value [" + text + "] as only [true] or [false] are allowed.";
      case Kind::kBytes:
        return "failed to parse setting [" + key + "] with value [" + text + "] as a size in bytes";
      case Kind::kInteger:
        return "Failed to parse value [" + text + "] for setting [" + key + "]";
    }
  }
  if (*parsed < spec->min_value) {
    if (spec->kind == Kind::kInteger) {
      return "Failed to parse value [" + text + "] for setting [" + key + "] must be >= " + spec->min_text;
    }
    return "failed to parse value [" + text + "] for setting [" + key + "], must be >= [" + spec->min_text + "]";
  }
  if (*parsed > spec->max_value) {
    if (spec->kind == Kind::kInteger) {
      return "Failed to parse value [" + text + "] for setting [" + key + "] must be <= " + spec->max_text;
    }
    return "failed to parse value [" + text + "] for setting [" + key + "], must be <= [" + spec->max_text + "]";
  }
  return simulator_limit_problem(key, *parsed);
}

ReplicationSettings resolve_replication_settings(const Domain& domain) {
  using namespace setting_keys;
  ReplicationSettings s;
  s.chunk_size_bytes = resolve(domain, kChunkSize);
  s.max_concurrent_file_chunks = static_cast<int>(resolve(domain, kMaxConcurrentFileChunks));
  s.ops_batch_size = resolve(domain, kOpsBatchSize);
  s.concurrent_readers_per_shard = static_cast<int>(resolve(domain, kReadersPerShard));
  s.concurrent_writers_per_shard = static_cast<int>(resolve(domain, kWritersPerShard));
  s.poll_interval_us = resolve(domain, kPollInterval);
  s.metadata_sync_interval_us = resolve(domain, kMetadataSyncInterval);
  s.lease_max_failure_duration_us = resolve(domain, kLeaseMaxFailureDuration);
  s.block_start = resolve(domain, kBlockStart) != 0;
  s.autofollow_fetch_poll_interval_us = resolve(domain, kAutofollowFetchPollInterval);
  s.autofollow_retry_poll_interval_us = resolve(domain, kAutofollowRetryPollInterval);
  s.autofollow_trigger_size = static_cast<int>(resolve(domain, kAutofollowTriggerSize));
  s.replicate_delete_index = resolve(domain, kReplicateDeleteIndex) != 0;
  s.leader_thread_pool_size = static_cast<int>(resolve(domain, kLeaderThreadPoolSize));
  s.leader_thread_pool_queue_size = static_cast<int>(resolve(domain, kLeaderThreadPoolQueueSize));
  s.bulk_batch_size = static_cast<int>(resolve(domain, kBulkBatchSize));
  s.bulk_poll_timeout_min = static_cast<int>(resolve(domain, kBulkPollTimeout));
  return s;
}

std::int64_t effective_ops_batch_size(const Index& follower, const ReplicationSettings& settings) {
  auto v = parse_integer(index_setting(follower, setting_keys::kIndexOpsBatchSize));
  if (v && *v >= 16) return *v;
  return settings.ops_batch_size;
}

sim_time_us retention_lease_period_us(const Index& leader) {
  auto v = parse_duration_us(index_setting(leader, setting_keys::kIndexLeaseRetentionPeriod));
  if (v && *v >= 0) return *v;
  return 12 * kUsPerH;
}

bool soft_deletes_enabled(const Index& index) {
  auto v = parse_boolean(index_setting(index, setting_keys::kIndexSoftDeletesEnabled));
  return v.value_or(true);
}

}  // namespace ccrsim
