#include "model/aws/connection_rules.h"

#include "model/aws/instance_types.h"

namespace ccrsim {
namespace {

std::string domain_rule_failure(const DomainSpec& d, bool search_only) {
  const EngineVersion v = engine_version_or_default(d.engine_version);
  if (!engine_supports_connection(v, search_only)) {
    return search_only ? "Domain " + d.name + " runs " + d.engine_version +
                             ": cross-cluster search needs Elasticsearch 6.7 or later"
                       : "Domain " + d.name + " runs " + d.engine_version +
                             ": cross-cluster replication needs Elasticsearch 7.10 or OpenSearch 1.1 or later";
  }
  if (!d.fine_grained_access_control) {
    return "Domain " + d.name +
           " does not have fine-grained access control enabled: cross-cluster connections "
           "need it on both domains";
  }
  if (!d.node_to_node_encryption) {
    return "Domain " + d.name +
           " does not have node-to-node encryption enabled: cross-cluster connections need "
           "it on both domains";
  }
  const auto type = parse_instance_type(d.instance_type);
  if (type && !supports_cross_cluster(*type)) {
    return "Domain " + d.name + " uses " + d.instance_type +
           ": cross-cluster connections are not supported on M3 or burstable (T2, T3) instance types";
  }
  return "";
}

}  // namespace

bool engine_versions_compatible(const EngineVersion& a, const EngineVersion& b) {
  if (a.generation() == b.generation()) return true;
  const bool a_older = compare_engine_versions(a, b) < 0;
  const EngineVersion& older = a_older ? a : b;
  const EngineVersion& newer = a_older ? b : a;
  return newer.generation() == older.generation() + 1 && is_final_minor(older);
}

bool engine_supports_connection(const EngineVersion& v, bool search_only) {
  if (v.opensearch()) return search_only || v.major > 1 || v.minor >= 1;
  const EngineVersion floor{Engine::kElasticsearch, search_only ? 6 : 7, search_only ? 7 : 10};
  return compare_engine_versions(v, floor) >= 0;
}

std::string connection_validation_failure(const DomainSpec& local, const DomainSpec& remote, bool search_only) {
  if (std::string why = domain_rule_failure(local, search_only); !why.empty()) return why;
  if (std::string why = domain_rule_failure(remote, search_only); !why.empty()) return why;
  const EngineVersion a = engine_version_or_default(local.engine_version);
  const EngineVersion b = engine_version_or_default(remote.engine_version);
  if (!engine_versions_compatible(a, b)) {
    return "Domains " + local.name + " (" + local.engine_version + ") and " + remote.name + " (" +
           remote.engine_version +
           ") are not compatible: they must share a major version, or one must be on the final minor version of "
           "its major and the other on the next major";
  }
  return "";
}

std::string connection_limit_message(const std::string& domain) {
  return "Domain " + domain + " is already connected to " + std::to_string(kMaxConnectedDomains) +
         " other domains, the maximum (inbound and outbound connections together)";
}

}  // namespace ccrsim
