#include "scenario/yaml_json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace ccrsim {
namespace {

bool is_null_word(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> as_bool_word(const std::string& s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

bool is_integer_text(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// YAML 1.2 core float: [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_float_text(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

json resolve_plain(const std::string& s) {
  if (is_null_word(s)) return nullptr;
  if (auto b = as_bool_word(s)) return *b;
  const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
  const char* end = s.data() + s.size();
  if (is_integer_text(s)) {
    std::int64_t i = 0;
    if (auto [p, ec] = std::from_chars(begin, end, i); ec == std::errc() && p == end) return i;
    std::uint64_t u = 0;
    if (auto [p, ec] = std::from_chars(begin, end, u); ec == std::errc() && p == end) return u;
  }
  if (is_float_text(s)) {
    double d = 0;
    if (auto [p, ec] = std::from_chars(begin, end, d); ec == std::errc() && p == end && std::isfinite(d)) return d;
  }
  return s;
}

}  // namespace

json yaml_scalar_to_json(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return nullptr;
  if (!node.IsScalar()) return nullptr;
  const std::string& tag = node.Tag();
  const std::string& text = node.Scalar();
  // "!" marks a quoted scalar; explicit string tags keep the text as well.
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return text;
  return resolve_plain(text);
}

json yaml_to_json(const YAML::Node& node, int max_depth) {
  if (max_depth < 0 || !node.IsDefined()) return nullptr;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return yaml_scalar_to_json(node);
    case YAML::NodeType::Sequence: {
      json out = json::array();
      for (const YAML::Node& item : node) out.push_back(yaml_to_json(item, max_depth - 1));
      return out;
    }
    case YAML::NodeType::Map: {
      json out = json::object();
      for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.IsScalar() ? it->first.Scalar() : yaml_to_json(it->first, 2).dump();
        out[key] = yaml_to_json(it->second, max_depth - 1);
      }
      return out;
    }
    default:
      return nullptr;
  }
}

}  // namespace ccrsim
