// Instance types by family and the engine-version table: what parses, what AWS offers, what cross-cluster
// features refuse.
#include "model/aws/instance_types.h"

#include <catch2/catch.hpp>

#include "scenario/engine_versions.h"

namespace ccrsim {

TEST_CASE("instance types parse by family and size", "[aws][instance_types]") {
  const auto r6g = parse_instance_type("r6g.large.search");
  REQUIRE(r6g.has_value());
  CHECK(r6g->family == "r6g");
  CHECK(r6g->size == "large");
  CHECK(r6g->instance_class == InstanceClass::kMemoryOptimized);
  CHECK(supports_cross_cluster(*r6g));
  CHECK(parse_instance_type("t3.small.search")->instance_class == InstanceClass::kBurstable);
  CHECK_FALSE(supports_cross_cluster(*parse_instance_type("t3.small.search")));
  CHECK_FALSE(supports_cross_cluster(*parse_instance_type("t2.medium.search")));
  CHECK_FALSE(supports_cross_cluster(*parse_instance_type("m3.large.search")));
  CHECK(supports_cross_cluster(*parse_instance_type("m5.large.search")));
  CHECK_FALSE(parse_instance_type("x9.large.search").has_value());
  CHECK(instance_type_problem("x9.large.search").find("unknown instance family 'x9'") != std::string::npos);
  CHECK(instance_type_problem("r6g.huge.search").find("unknown size 'huge'") != std::string::npos);
  CHECK(instance_type_problem("r6g.large") == "must look like 'r6g.large.search'");
}

TEST_CASE("the engine version table holds Elasticsearch 6.x to 7.10 and OpenSearch", "[engine_versions]") {
  CHECK(is_known_engine_version("Elasticsearch_6.8"));
  CHECK(is_known_engine_version("Elasticsearch_7.10"));
  CHECK_FALSE(is_known_engine_version("Elasticsearch_5.6"));
  CHECK_FALSE(is_known_engine_version("OpenSearch_2.12"));
  CHECK(is_final_minor(*parse_engine_version("Elasticsearch_7.10")));
  CHECK(is_final_minor(*parse_engine_version("OpenSearch_1.3")));
  CHECK_FALSE(is_final_minor(*parse_engine_version("OpenSearch_2.17")));
  CHECK(compare_engine_versions(*parse_engine_version("Elasticsearch_7.10"), *parse_engine_version("OpenSearch_1.0")) <
        0);
  CHECK(compare_engine_versions(*parse_engine_version("OpenSearch_2.19"), *parse_engine_version("OpenSearch_2.3")) > 0);
  CHECK(engine_version_number(*parse_engine_version("OpenSearch_2.11")) == "2.11.0");
  CHECK(engine_version_number(*parse_engine_version("Elasticsearch_7.10")) == "7.10.2");
}

}  // namespace ccrsim
