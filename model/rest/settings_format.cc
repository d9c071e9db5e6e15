#include "model/rest/settings_format.h"

#include <algorithm>
#include <cstdint>

namespace ccrsim {

namespace {

// String.hashCode over UTF-16 code units; for ASCII keys (all real setting names) bytes are code units.
std::int32_t java_string_hash(const std::string& s) {
  std::uint32_t h = 0;
  for (unsigned char c : s) h = 31 * h + c;
  return static_cast<std::int32_t>(h);
}

// HashMap(2) doubles when size exceeds 0.75 * capacity.
std::uint32_t java_hash_map_capacity(std::size_t size) {
  std::uint32_t capacity = 2;
  while (static_cast<double>(size) > 0.75 * capacity) capacity *= 2;
  return capacity;
}

void flatten_into(const json& node, const std::string& prefix, FlatSettings& out) {
  for (const auto& [key, value] : node.items()) {
    const std::string full = prefix.empty() ? key : prefix + "." + key;
    if (value.is_object()) {
      flatten_into(value, full, out);
    } else {
      out[full] = setting_value(value);
    }
  }
}

// Settings.processSetting: builds nested maps, keeping a dotted key where a value and a map would collide.
void process_setting(json& map, const std::string& prefix, const std::string& setting, const json& value) {
  const std::size_t dot = setting.find('.');
  if (dot == std::string::npos) {
    const std::string key = prefix + setting;
    if (auto it = map.find(key); it != map.end() && it->is_object()) {
      const json inner = *it;
      for (const auto& [k, v] : inner.items()) map[key + "." + k] = v;
    }
    map[key] = value;
    return;
  }
  const std::string key = setting.substr(0, dot);
  const std::string rest = setting.substr(dot + 1);
  auto it = map.find(prefix + key);
  if (it == map.end()) {
    json inner = json::object();
    process_setting(inner, "", rest, value);
    map[prefix + key] = std::move(inner);
  } else if (it->is_object()) {
    process_setting(*it, "", rest, value);
  } else {
    process_setting(map, prefix + key + ".", rest, value);
  }
}

json in_java_order(const json& map) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : map.items()) keys.push_back(k);
  json out = json::object();
  for (const std::string& k : java_hash_map_order(keys)) {
    const json& v = map.at(k);
    out[k] = v.is_object() ? in_java_order(v) : v;
  }
  return out;
}

}  // namespace

json setting_value(const json& value) {
  if (value.is_null() || value.is_string()) return value;
  if (value.is_array()) {
    json out = json::array();
    for (const json& v : value) out.push_back(setting_text(v));
    return out;
  }
  return setting_text(value);
}

std::string setting_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

bool flatten_settings(const json& body, FlatSettings& out, std::string& error) {
  if (!body.is_object()) {
    error = "settings must be an object, got " + std::string(body.type_name());
    return false;
  }
  flatten_into(body, "", out);
  return true;
}

json settings_to_xcontent(const FlatSettings& flat, bool flat_settings) {
  json out = json::object();
  if (flat_settings) {
    for (const auto& [k, v] : flat) out[k] = v;
    return out;
  }
  for (const auto& [k, v] : flat) process_setting(out, "", k, v);
  return in_java_order(out);
}

std::vector<std::string> java_hash_map_order(const std::vector<std::string>& keys_in_insertion_order) {
  const std::uint32_t mask = java_hash_map_capacity(keys_in_insertion_order.size()) - 1;
  auto bucket = [mask](const std::string& k) {
    const auto h = static_cast<std::uint32_t>(java_string_hash(k));
    return (h ^ (h >> 16)) & mask;
  };
  std::vector<std::string> out = keys_in_insertion_order;
  std::stable_sort(out.begin(), out.end(),
                   [&](const std::string& a, const std::string& b) { return bucket(a) < bucket(b); });
  return out;
}

}  // namespace ccrsim
