#pragma once
// Index settings as OpenSearch prints and parses them: the built-in ones (shards, replicas, uuid, creation date,
// version) plus the user's, and the parse/validation rules of the few the simulator acts on.
#include <optional>
#include <string>

#include "model/domain.h"
#include "model/rest/rest_response.h"
#include "model/rest/settings_format.h"

namespace ccrsim {

inline constexpr int kMaxShards = 1024;
inline constexpr int kMaxReplicas = 1 << 30;

// Version.id of the domain's engine as `index.version.created` prints it ("136327827" for OpenSearch 2.11.0).
std::string version_created(const std::string& engine_version);

// Every setting of the index, keys with the "index." prefix, values strings.
FlatSettings index_settings_flat(const Domain& domain, const Index& index);
json index_settings_xcontent(const Domain& domain, const Index& index, bool flat_settings);

// Request settings in any spelling ({"number_of_shards": 3}, {"index": {...}}, {"index.number_of_shards": 3})
// flattened with the "index." prefix. False (with the 400 answer) when the body is not an object.
std::optional<RestResponse> normalize_index_settings(const json& body, FlatSettings& out);

// Integer settings: "Failed to parse value [x] for setting [key] must be >= min" and friends.
std::optional<RestResponse> parse_int_setting(const std::string& key, const json& value, int min, int max, int& out);
// TimeValue settings ("1s", "500ms", "-1" -> kTimeNever).
std::optional<RestResponse> parse_time_setting(const std::string& key, const json& value, sim_time_us& out);

// Settings that cannot change on an open index (Property.Final ones included).
bool is_static_index_setting(const std::string& key);
// Settings fixed at creation (number_of_shards, uuid, ...): not updateable even on a closed index.
bool is_final_index_setting(const std::string& key);
// Checks the values of the settings the simulator acts on (replicas, refresh_interval); others are kept as given.
std::optional<RestResponse> validate_index_settings(const FlatSettings& settings);
// Validates, then applies settings (null resets to the default); nothing changes on an error.
std::optional<RestResponse> apply_index_settings(Index& index, const FlatSettings& settings);

}  // namespace ccrsim
