#pragma once
// What Amazon OpenSearch Service checks about a pair of domains before a connection can exist (AWS guide,
// "Limitations" and "Prerequisites"; docs/connections.md "Validation rules" and "Limits"). Each rule answers with the
// ConnectionStatus.Message of a connection that fails validation, or "" when the pair passes. The texts are
// simulator-defined (AWS does not publish its own) and listed in docs/connections.md.
#include <string>

#include "scenario/engine_versions.h"
#include "scenario/scenario.h"

namespace ccrsim {

// A domain can be connected to at most this many other domains, inbound and outbound together.
inline constexpr int kMaxConnectedDomains = 20;

// Same major, or the final minor of one major and the next major (Elasticsearch 7.10 and OpenSearch 1.x count as
// consecutive majors).
bool engine_versions_compatible(const EngineVersion& a, const EngineVersion& b);

// Cross-cluster replication needs Elasticsearch 7.10 or OpenSearch 1.1 or later; a search-only connection
// (cross-cluster search) needs Elasticsearch 6.7 or later.
bool engine_supports_connection(const EngineVersion& v, bool search_only);

// The first rule the pair breaks, in this order: engine version of each domain, fine-grained access control,
// node-to-node encryption, instance type, version compatibility. "" when none.
std::string connection_validation_failure(const DomainSpec& local, const DomainSpec& remote, bool search_only);

// The refusal text of a domain at the limit (used in LimitExceededException and in a failed validation).
std::string connection_limit_message(const std::string& domain);

}  // namespace ccrsim
