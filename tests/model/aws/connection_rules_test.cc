#include "model/aws/connection_rules.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

EngineVersion v(const char* text) {
  const auto parsed = parse_engine_version(text);
  REQUIRE(parsed.has_value());
  return *parsed;
}

DomainSpec domain(const std::string& name, const std::string& version = "OpenSearch_2.11") {
  DomainSpec d;
  d.name = name;
  d.engine_version = version;
  return d;
}

TEST_CASE("connection rules: versions of one major are compatible both ways") {
  CHECK(engine_versions_compatible(v("OpenSearch_2.3"), v("OpenSearch_2.19")));
  CHECK(engine_versions_compatible(v("OpenSearch_2.19"), v("OpenSearch_2.3")));
  CHECK(engine_versions_compatible(v("Elasticsearch_7.1"), v("Elasticsearch_7.10")));
}

TEST_CASE("connection rules: the final minor of a major reaches the next major only") {
  CHECK(engine_versions_compatible(v("OpenSearch_1.3"), v("OpenSearch_2.5")));
  CHECK(engine_versions_compatible(v("OpenSearch_2.5"), v("OpenSearch_1.3")));  // order does not matter
  CHECK_FALSE(engine_versions_compatible(v("OpenSearch_1.2"), v("OpenSearch_2.5")));
  CHECK(engine_versions_compatible(v("OpenSearch_2.19"), v("OpenSearch_3.1")));
  CHECK_FALSE(engine_versions_compatible(v("OpenSearch_2.17"), v("OpenSearch_3.1")));
  CHECK_FALSE(engine_versions_compatible(v("OpenSearch_1.3"), v("OpenSearch_3.1")));  // two majors apart
  // Elasticsearch 7.10 and OpenSearch 1.x are consecutive majors.
  CHECK(engine_versions_compatible(v("Elasticsearch_7.10"), v("OpenSearch_1.0")));
  CHECK_FALSE(engine_versions_compatible(v("Elasticsearch_7.9"), v("OpenSearch_1.0")));
  CHECK_FALSE(engine_versions_compatible(v("Elasticsearch_7.10"), v("OpenSearch_2.11")));
}

TEST_CASE("connection rules: replication needs Elasticsearch 7.10 or OpenSearch 1.1 - search 6.7") {
  CHECK(engine_supports_connection(v("Elasticsearch_7.10"), false));
  CHECK_FALSE(engine_supports_connection(v("Elasticsearch_7.9"), false));
  CHECK_FALSE(engine_supports_connection(v("OpenSearch_1.0"), false));
  CHECK(engine_supports_connection(v("OpenSearch_1.1"), false));
  CHECK(engine_supports_connection(v("OpenSearch_2.0"), false));
  CHECK(engine_supports_connection(v("OpenSearch_1.0"), true));
  CHECK(engine_supports_connection(v("Elasticsearch_6.7"), true));
  CHECK_FALSE(engine_supports_connection(v("Elasticsearch_6.5"), true));
}

TEST_CASE("connection rules: a good pair passes") {
  CHECK(connection_validation_failure(domain("a"), domain("b"), false).empty());
}

TEST_CASE("connection rules: each domain rule with its text") {
  DomainSpec old = domain("old", "Elasticsearch_7.9");
  CHECK(connection_validation_failure(old, domain("b", "Elasticsearch_7.10"), false) ==
        "Domain old runs Elasticsearch_7.9: cross-cluster replication needs Elasticsearch 7.10 or OpenSearch 1.1 or "
        "later");
  DomainSpec very_old = domain("vo", "Elasticsearch_6.5");
  CHECK(connection_validation_failure(domain("a", "Elasticsearch_6.8"), very_old, true) ==
        "Domain vo runs Elasticsearch_6.5: cross-cluster search needs Elasticsearch 6.7 or later");
  DomainSpec no_fgac = domain("nf");
  no_fgac.fine_grained_access_control = false;
  CHECK(connection_validation_failure(domain("a"), no_fgac, false) ==
        "Domain nf does not have fine-grained access control enabled: cross-cluster connections need it on both "
        "domains");
  DomainSpec no_n2n = domain("nn");
  no_n2n.node_to_node_encryption = false;
  CHECK(connection_validation_failure(no_n2n, domain("b"), false) ==
        "Domain nn does not have node-to-node encryption enabled: cross-cluster connections need it on both domains");
  DomainSpec burst = domain("t");
  burst.instance_type = "t3.medium.search";
  CHECK(connection_validation_failure(domain("a"), burst, false) ==
        "Domain t uses t3.medium.search: cross-cluster connections are not supported on M3 or burstable (T2, T3) "
        "instance types");
}

TEST_CASE("connection rules: the local domain is checked first - then the remote - then the pair") {
  DomainSpec local = domain("l");
  local.node_to_node_encryption = false;
  DomainSpec remote = domain("r");
  remote.fine_grained_access_control = false;
  CHECK_THAT(connection_validation_failure(local, remote, false), Catch::Matchers::StartsWith("Domain l "));
  // Within one domain: the engine version before access control.
  DomainSpec both = domain("x", "OpenSearch_1.0");
  both.fine_grained_access_control = false;
  CHECK_THAT(connection_validation_failure(both, domain("y"), false), Catch::Matchers::Contains("runs OpenSearch_1.0"));
  CHECK(connection_validation_failure(domain("a", "OpenSearch_1.2"), domain("b", "OpenSearch_2.11"), false) ==
        "Domains a (OpenSearch_1.2) and b (OpenSearch_2.11) are not compatible: they must share a major version, or "
        "one must be on the final minor version of its major and the other on the next major");
}

TEST_CASE("connection rules: the limit message names the domain and the limit of 20") {
  CHECK(kMaxConnectedDomains == 20);
  CHECK(connection_limit_message("leader") ==
        "Domain leader is already connected to 20 other domains, the maximum (inbound and outbound connections "
        "together)");
}

}  // namespace
}  // namespace ccrsim
