#pragma once
// OpenSearch `Settings` as JSON: flattening request bodies to dotted keys with string values, and printing them back
// the way Settings.toXContent does (flat and sorted with flat_settings=true; otherwise nested through Java HashMaps,
// so keys come out in HashMap iteration order, e.g. "replication, number_of_shards, provided_name, ...").
#include <map>
#include <string>
#include <vector>

#include "sim/json.h"

namespace ccrsim {

using FlatSettings = std::map<std::string, json>;  // dotted key -> string, array of strings, or null (a removal)

// A setting value as OpenSearch stores it: strings as is, numbers and booleans as their text, arrays element-wise.
json setting_value(const json& value);
std::string setting_text(const json& value);  // "" for null/arrays of nothing

// Flattens {"a": {"b": 1}, "c.d": "x"} to {"a.b": "1", "c.d": "x"}. Null values stay null. False with an error
// message when `body` is not an object.
bool flatten_settings(const json& body, FlatSettings& out, std::string& error);

// Prints settings as Settings.toXContent does.
json settings_to_xcontent(const FlatSettings& flat, bool flat_settings);

// The order in which a java.util.HashMap created with capacity 2 iterates these keys when they were put in this
// order (exposed for tests).
std::vector<std::string> java_hash_map_order(const std::vector<std::string>& keys_in_insertion_order);

}  // namespace ccrsim
