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
};

// Syntax only: `OpenSearch_2.11` -> {kOpenSearch, 2, 11}. Does not check that the version exists.
std::optional<EngineVersion> parse_engine_version(std::string_view text);
bool is_known_engine_version(std::string_view text);
// Every known version in AWS spelling, Elasticsearch first, oldest first.
const std::vector<std::string>& known_engine_versions();

}  // namespace ccrsim
