#include "model/rest/index_settings.h"

#include <charconv>
#include <cstdio>

#include "model/rest/index_errors.h"
#include "scenario/engine_versions.h"

namespace ccrsim {

namespace {

constexpr char kIndexPrefix[] = "index.";
constexpr std::size_t kIndexPrefixLength = sizeof(kIndexPrefix) - 1;

std::string with_index_prefix(const std::string& key) {
  return key.rfind(kIndexPrefix, 0) == 0 ? key : kIndexPrefix + key;
}

bool parse_long(const std::string& s, long long& out) {
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// Version 2.7 added index.replication.type (DOCUMENT by default) to every new index's settings.
bool prints_replication_type(int major, int minor) {
  return major > 2 || (major == 2 && minor >= 7);
}

}  // namespace

std::string version_created(const std::string& engine_version) {
  const EngineVersion v = engine_version_or_default(engine_version);
  const long long id = v.major * 1000000LL + v.minor * 10000LL + 99;  // revision 0
  // OpenSearch sets bit 27 (Version.MASK) on its ids to tell them from Elasticsearch's.
  return std::to_string(v.opensearch() ? (id ^ 0x08000000LL) : id);
}

FlatSettings index_settings_flat(const Domain& domain, const Index& index) {
  FlatSettings flat;
  for (const auto& [k, v] : index.settings().items()) flat[kIndexPrefix + k] = v;
  flat["index.creation_date"] = std::to_string(epoch_millis(index.created_us()));
  flat["index.number_of_replicas"] = std::to_string(index.number_of_replicas());
  flat["index.number_of_shards"] = std::to_string(index.number_of_shards());
  flat["index.provided_name"] = index.name();
  flat["index.uuid"] = index.uuid();
  flat["index.version.created"] = version_created(domain.spec().engine_version);
  // The replication plugin marks a follower with its leader ("<alias>:<leaderIndex>") until _stop.
  if (!index.follower_of().empty() && flat.count("index.plugins.replication.follower.leader_index") == 0) {
    flat["index.plugins.replication.follower.leader_index"] = index.follower_of();
  }
  const EngineVersion version = engine_version_or_default(domain.spec().engine_version);
  if (version.opensearch() && prints_replication_type(version.major, version.minor) &&
      flat.count("index.replication.type") == 0) {
    flat["index.replication.type"] = "DOCUMENT";
  }
  return flat;
}

json index_settings_xcontent(const Domain& domain, const Index& index, bool flat_settings) {
  return settings_to_xcontent(index_settings_flat(domain, index), flat_settings);
}

std::optional<RestResponse> normalize_index_settings(const json& body, FlatSettings& out) {
  FlatSettings flat;
  std::string error;
  if (!flatten_settings(body, flat, error)) return body_must_be_object("settings");
  for (auto& [k, v] : flat) out[with_index_prefix(k)] = std::move(v);
  return std::nullopt;
}

std::optional<RestResponse> parse_int_setting(const std::string& key, const json& value, int min, int max, int& out) {
  const std::string text = setting_text(value);
  long long n = 0;
  if (!parse_long(text, n)) return illegal_argument("Failed to parse value [" + text + "] for setting [" + key + "]");
  const std::string prefix = "Failed to parse value [" + text + "] for setting [" + key + "] must be ";
  if (n < min) return illegal_argument(prefix + ">= " + std::to_string(min));
  if (n > max) return illegal_argument(prefix + "<= " + std::to_string(max));
  out = static_cast<int>(n);
  return std::nullopt;
}

std::optional<RestResponse> parse_time_setting(const std::string& key, const json& value, sim_time_us& out) {
  const std::string text = setting_text(value);
  if (text == "-1") {
    out = kTimeNever;
    return std::nullopt;
  }
  static const std::pair<const char*, sim_time_us> kUnits[] = {{"nanos", 0},    {"micros", 1},    {"ms", kUsPerMs},
                                                               {"s", kUsPerS},  {"m", kUsPerMin}, {"h", kUsPerH},
                                                               {"d", kUsPerDay}};
  for (const auto& [suffix, scale] : kUnits) {
    const std::string sfx = suffix;
    if (text.size() <= sfx.size() || text.compare(text.size() - sfx.size(), sfx.size(), sfx) != 0) continue;
    long long n = 0;
    if (!parse_long(text.substr(0, text.size() - sfx.size()), n) || n < 0) break;
    out = scale == 0 ? n / 1000 : n * scale;
    return std::nullopt;
  }
  return illegal_argument("failed to parse setting [" + key + "] with value [" + text +
                          "] as a time value: unit is missing or unrecognized");
}

bool is_static_index_setting(const std::string& key) {
  static const char* kStatic[] = {
      "index.number_of_shards",     "index.number_of_routing_shards", "index.codec", "index.routing_partition_size",
      "index.soft_deletes.enabled", "index.replication.type",         "index.uuid",  "index.creation_date",
      "index.provided_name",        "index.version.created"};
  for (const char* s : kStatic) {
    if (key == s) return true;
  }
  return key.rfind("index.analysis.", 0) == 0;
}

bool is_final_index_setting(const std::string& key) {
  static const char* kFinal[] = {"index.number_of_shards",
                                 "index.number_of_routing_shards",
                                 "index.uuid",
                                 "index.creation_date",
                                 "index.provided_name",
                                 "index.version.created",
                                 "index.replication.type",
                                 "index.soft_deletes.enabled"};
  for (const char* s : kFinal) {
    if (key == s) return true;
  }
  return false;
}

std::optional<RestResponse> validate_index_settings(const FlatSettings& settings) {
  for (const auto& [key, value] : settings) {
    if (value.is_null()) continue;
    int replicas = 0;
    sim_time_us interval = 0;
    if (key == "index.number_of_replicas") {
      if (auto error = parse_int_setting(key, value, 0, kMaxReplicas, replicas)) return error;
    } else if (key == "index.refresh_interval") {
      if (auto error = parse_time_setting(key, value, interval)) return error;
    }
  }
  return std::nullopt;
}

std::optional<RestResponse> apply_index_settings(Index& index, const FlatSettings& settings) {
  if (auto error = validate_index_settings(settings)) return error;
  for (const auto& [key, value] : settings) {
    if (key == "index.number_of_replicas") {
      int replicas = 1;
      if (!value.is_null()) parse_int_setting(key, value, 0, kMaxReplicas, replicas);
      index.set_number_of_replicas(replicas);
      continue;
    }
    if (key == "index.refresh_interval") {
      sim_time_us interval = kUsPerS;
      if (!value.is_null()) parse_time_setting(key, value, interval);
      index.set_refresh_interval_us(interval);
    }
    const std::string bare = key.substr(kIndexPrefixLength);
    if (value.is_null()) {
      index.settings().erase(bare);
    } else {
      index.settings()[bare] = value;
    }
  }
  return std::nullopt;
}

}  // namespace ccrsim
