#include "scenario/engine_versions.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("engine versions") {
  CHECK(is_known_engine_version("OpenSearch_2.11"));
  CHECK(is_known_engine_version("Elasticsearch_7.10"));
  CHECK(is_known_engine_version("OpenSearch_3.3"));
  CHECK_FALSE(is_known_engine_version("OpenSearch_2.12"));
  CHECK_FALSE(is_known_engine_version("opensearch_2.11"));
  const auto v = parse_engine_version("Elasticsearch_7.10");
  REQUIRE(v.has_value());
  CHECK(v->engine == Engine::kElasticsearch);
  CHECK(v->major == 7);
  CHECK(v->minor == 10);
  CHECK_FALSE(parse_engine_version("OpenSearch_2").has_value());
  CHECK_FALSE(parse_engine_version("OpenSearch_2.x").has_value());
  CHECK_FALSE(parse_engine_version("OpenSearch_02.1").has_value());
  for (const std::string& known : known_engine_versions()) CHECK(parse_engine_version(known).has_value());
}

}  // namespace
}  // namespace ccrsim
