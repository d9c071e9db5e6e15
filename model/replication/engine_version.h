#pragma once
// The engine version a domain runs ("OpenSearch_2.11"), parsed so the replication plugin can switch behaviour on
// the versions where the real plugin changed (auto-pause reason format at 2.8, lease text at 3.8 ...).
#include <string>

namespace ccrsim {

struct EngineVersion {
  bool opensearch = true;  // false: Elasticsearch_X.Y (Open Distro replication, treated as OpenSearch 1.0)
  int major = 2;
  int minor = 11;

  bool at_least(int want_major, int want_minor) const {
    return major != want_major ? major > want_major : minor >= want_minor;
  }
};

// "OpenSearch_2.11" -> {true, 2, 11}; unparsable strings give OpenSearch 2.11 (the scenario loader validates).
EngineVersion parse_engine_version(const std::string& text);

}  // namespace ccrsim
