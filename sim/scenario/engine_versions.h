#pragma once
// The engine versions a scenario may name (spec §3.2): real Amazon OpenSearch Service versions only, in the
// AWS spelling `OpenSearch_X.Y` / `Elasticsearch_X.Y`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccrsim {

enum class Engine { kOpenSearch, kElasticsearch };

struct EngineVersion {
  Engine engine = Engine::kOpenSearch;
  int major = 0;
  int minor = 0;

  bool opensearch() const { return engine == Engine::kOpenSearch; }
  // True for OpenSearch major.minor and later. Always false for Elasticsearch: the behaviours keyed on versions
  // (the replication plugin's texts and formats) are OpenSearch's.
  bool opensearch_at_least(int want_major, int want_minor) const {
    return opensearch() && (major != want_major ? major > want_major : minor >= want_minor);
  }
};

// Syntax only: `OpenSearch_2.11` -> {kOpenSearch, 2, 11}. Does not check that the version exists.
std::optional<EngineVersion> parse_engine_version(std::string_view text);
bool is_known_engine_version(std::string_view text);
// For the model, which only sees validated domains: a malformed string falls back to OpenSearch 2.11 (the default).
EngineVersion engine_version_or_default(std::string_view text);
// Every known version in AWS spelling, Elasticsearch first, oldest first.
const std::vector<std::string>& known_engine_versions();

}  // namespace ccrsim
