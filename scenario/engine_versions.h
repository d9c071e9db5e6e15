#pragma once
// The engine versions a scenario may name (docs/scenario-format.md §3.2): real Amazon OpenSearch Service versions only,
// in the AWS spelling `OpenSearch_X.Y` / `Elasticsearch_X.Y`. This file is the one parser and the one table of
// versions; the model asks it for ordering and "final minor" questions (connection compatibility, start checks).
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
  // One line of majors across both engines: Elasticsearch 6, 7, then OpenSearch 1 = 8, 2 = 9, 3 = 10. OpenSearch
  // 1.0 forked from Elasticsearch 7.10 and is wire-compatible with it, so it counts as the next major.
  int generation() const { return opensearch() ? major + 7 : major; }
};

// Orders versions along generation(), then minor: negative, 0 or positive like strcmp.
int compare_engine_versions(const EngineVersion& a, const EngineVersion& b);
// The version as the engine itself prints it (Version.CURRENT): "2.11.0"; AWS's Elasticsearch 7.10 is 7.10.2.
std::string engine_version_number(const EngineVersion& v);
// "OpenSearch_2.11".
std::string engine_version_name(const EngineVersion& v);

// Syntax only: `OpenSearch_2.11` -> {kOpenSearch, 2, 11}. Does not check that the version exists.
std::optional<EngineVersion> parse_engine_version(std::string_view text);
bool is_known_engine_version(std::string_view text);
// True when `v` is the last minor of its major that AWS offers (Elasticsearch 6.8, 7.10, OpenSearch 1.3, 2.19).
bool is_final_minor(const EngineVersion& v);
// For the model, which only sees validated domains: a malformed string falls back to OpenSearch 2.11 (the default).
EngineVersion engine_version_or_default(std::string_view text);
// Every known version in AWS spelling, Elasticsearch first, oldest first.
const std::vector<std::string>& known_engine_versions();

}  // namespace ccrsim
