#include "scenario/engine_versions.h"

#include <algorithm>
#include <charconv>

namespace ccrsim {
namespace {

std::optional<int> parse_small_int(std::string_view text) {
  if (text.empty() || text.size() > 3 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// The versions Amazon OpenSearch Service offers (or offered) for domains that cross-cluster features can touch:
// Elasticsearch 6.x-7.10 (cross-cluster search came with 6.7, replication with 7.10), OpenSearch 1.0-1.3, the
// 2.x releases AWS ships (odd minors from 2.3) and the 3.x ones.
const std::vector<EngineVersion>& version_table() {
  static const std::vector<EngineVersion> table = {
      {Engine::kElasticsearch, 6, 0},  {Engine::kElasticsearch, 6, 2}, {Engine::kElasticsearch, 6, 3},
      {Engine::kElasticsearch, 6, 4},  {Engine::kElasticsearch, 6, 5}, {Engine::kElasticsearch, 6, 7},
      {Engine::kElasticsearch, 6, 8},  {Engine::kElasticsearch, 7, 1}, {Engine::kElasticsearch, 7, 4},
      {Engine::kElasticsearch, 7, 7},  {Engine::kElasticsearch, 7, 8}, {Engine::kElasticsearch, 7, 9},
      {Engine::kElasticsearch, 7, 10}, {Engine::kOpenSearch, 1, 0},    {Engine::kOpenSearch, 1, 1},
      {Engine::kOpenSearch, 1, 2},     {Engine::kOpenSearch, 1, 3},    {Engine::kOpenSearch, 2, 3},
      {Engine::kOpenSearch, 2, 5},     {Engine::kOpenSearch, 2, 7},    {Engine::kOpenSearch, 2, 9},
      {Engine::kOpenSearch, 2, 11},    {Engine::kOpenSearch, 2, 13},   {Engine::kOpenSearch, 2, 15},
      {Engine::kOpenSearch, 2, 17},    {Engine::kOpenSearch, 2, 19},   {Engine::kOpenSearch, 3, 1},
      {Engine::kOpenSearch, 3, 3},
  };
  return table;
}

bool same(const EngineVersion& a, const EngineVersion& b) {
  return a.engine == b.engine && a.major == b.major && a.minor == b.minor;
}

}  // namespace

int compare_engine_versions(const EngineVersion& a, const EngineVersion& b) {
  if (a.generation() != b.generation()) return a.generation() < b.generation() ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  return 0;
}

std::string engine_version_number(const EngineVersion& v) {
  const std::string patch = !v.opensearch() && v.major == 7 && v.minor == 10 ? "2" : "0";
  return std::to_string(v.major) + "." + std::to_string(v.minor) + "." + patch;
}

std::string engine_version_name(const EngineVersion& v) {
  return std::string(v.opensearch() ? "OpenSearch_" : "Elasticsearch_") + std::to_string(v.major) + "." +
         std::to_string(v.minor);
}

std::optional<EngineVersion> parse_engine_version(std::string_view text) {
  EngineVersion v;
  std::string_view rest;
  if (text.starts_with("OpenSearch_")) {
    v.engine = Engine::kOpenSearch;
    rest = text.substr(11);
  } else if (text.starts_with("Elasticsearch_")) {
    v.engine = Engine::kElasticsearch;
    rest = text.substr(14);
  } else {
    return std::nullopt;
  }
  const std::size_t dot = rest.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto major = parse_small_int(rest.substr(0, dot));
  const auto minor = parse_small_int(rest.substr(dot + 1));
  if (!major || !minor) return std::nullopt;
  v.major = *major;
  v.minor = *minor;
  return v;
}

EngineVersion engine_version_or_default(std::string_view text) {
  return parse_engine_version(text).value_or(EngineVersion{Engine::kOpenSearch, 2, 11});
}

bool is_final_minor(const EngineVersion& v) {
  int last = -1;
  for (const EngineVersion& known : version_table()) {
    if (known.engine == v.engine && known.major == v.major) last = std::max(last, known.minor);
  }
  return last >= 0 && v.minor == last;
}

const std::vector<std::string>& known_engine_versions() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const EngineVersion& v : version_table()) out.push_back(engine_version_name(v));
    return out;
  }();
  return names;
}

bool is_known_engine_version(std::string_view text) {
  const auto parsed = parse_engine_version(text);
  if (!parsed) return false;
  const auto& table = version_table();
  return std::any_of(table.begin(), table.end(), [&](const EngineVersion& v) { return same(v, *parsed); }) &&
         engine_version_name(*parsed) == text;
}

}  // namespace ccrsim
