#include "sim/scenario/engine_versions.h"

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

}  // namespace

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

const std::vector<std::string>& known_engine_versions() {
  static const std::vector<std::string> versions = {
      "Elasticsearch_1.5", "Elasticsearch_2.3", "Elasticsearch_5.1", "Elasticsearch_5.3",  "Elasticsearch_5.5",
      "Elasticsearch_5.6", "Elasticsearch_6.0", "Elasticsearch_6.2", "Elasticsearch_6.3",  "Elasticsearch_6.4",
      "Elasticsearch_6.5", "Elasticsearch_6.7", "Elasticsearch_6.8", "Elasticsearch_7.1",  "Elasticsearch_7.4",
      "Elasticsearch_7.7", "Elasticsearch_7.8", "Elasticsearch_7.9", "Elasticsearch_7.10", "OpenSearch_1.0",
      "OpenSearch_1.1",    "OpenSearch_1.2",    "OpenSearch_1.3",    "OpenSearch_2.3",     "OpenSearch_2.5",
      "OpenSearch_2.7",    "OpenSearch_2.9",    "OpenSearch_2.11",   "OpenSearch_2.13",    "OpenSearch_2.15",
      "OpenSearch_2.17",   "OpenSearch_2.19",   "OpenSearch_3.1",    "OpenSearch_3.3",
  };
  return versions;
}

bool is_known_engine_version(std::string_view text) {
  const auto& versions = known_engine_versions();
  return std::find(versions.begin(), versions.end(), text) != versions.end();
}

}  // namespace ccrsim
