#include "model/replication/follower_metadata.h"

#include "model/index.h"
#include "model/replication/replication_settings.h"

namespace ccrsim {

bool block_listed_setting(const std::string& key) {
  static const char* const kKeys[] = {
      "plugins.replication.translog.retention_lease.pruning.enabled",
      "blocks.read_only",
      "blocks.read",
      "blocks.write",
      "blocks.metadata",
      "blocks.read_only_allow_delete",
      "routing.rebalance.enable",
      "routing.allocation.enable",
      "soft_deletes.retention_lease.period",
      "write.wait_for_active_shards",
  };
  for (const char* k : kKeys) {
    if (key == k) return true;
  }
  return false;
}

std::string strip_index_prefix(const std::string& key) {
  return key.rfind("index.", 0) == 0 ? key.substr(6) : key;
}

json follower_settings(const Index& leader, const json& overrides, const std::string& skip, int& replicas) {
  json settings = json::object();
  for (const auto& [key, value] : leader.settings().items()) {
    if (!block_listed_setting(key) && (skip.empty() || key != skip)) settings[key] = value;
  }
  for (const auto& [key, value] : overrides.items()) {
    const std::string k = strip_index_prefix(key);
    if (k == "number_of_replicas") {
      if (auto n = parse_integer(value)) replicas = static_cast<int>(*n);
      continue;
    }
    if (k == "number_of_shards") continue;  // the follower always has the leader's primaries
    settings[k] = value.is_string() ? value : json(value.dump());
  }
  return settings;
}

void sync_follower_metadata(const Index& leader, Index& follower, const json& overrides) {
  // Settings: the leader's (minus the block-list) overlaid with the overrides; follower keys not desired go away.
  int replicas = leader.number_of_replicas();
  json desired = follower_settings(leader, overrides, "translog.generation_threshold_size", replicas);
  // An auto-expanding follower keeps its own replica count (#1661).
  if (!follower.settings().contains("auto_expand_replicas")) follower.set_number_of_replicas(replicas);
  follower.settings() = std::move(desired);
  // Aliases: mirrored, with the write flag stored as false.
  follower.aliases().clear();
  for (const auto& [alias, definition] : leader.aliases()) {
    json def = definition;
    if (def.contains("is_write_index")) def["is_write_index"] = false;
    follower.aliases()[alias] = def;
  }
  // Mappings: the full leader mapping is put when an existing follower property differs from the leader's.
  const json& lp = leader.mappings().contains("properties") ? leader.mappings()["properties"] : json::object();
  const json& fp = follower.mappings().contains("properties") ? follower.mappings()["properties"] : json::object();
  bool differs = false;
  for (const auto& [name, def] : fp.items()) differs = differs || (lp.contains(name) && lp[name] != def);
  if (differs) follower.mappings() = leader.mappings();
}

}  // namespace ccrsim
