#include "model/rest/index_resolver.h"

#include <algorithm>
#include <set>

#include "model/rest/index_errors.h"
#include "model/rest/rest_request.h"
#include "model/wildcard.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

// A hidden index is matched by a wildcard only with expand_wildcards=hidden, or when both it and the pattern start
// with '.' (isVisibleDueToImplicitHidden).
bool wildcard_visible(const Index& index, const std::string& pattern, const IndicesOptions& options) {
  if (index.closed() ? !options.expand_closed : !options.expand_open) return false;
  if (!index.hidden()) return true;
  CCRSIM_ASSERT(!index.name().empty() && !pattern.empty());
  return options.expand_hidden || (index.name().front() == '.' && pattern.front() == '.');
}

std::vector<Index*> alias_targets(Domain& domain, const std::string& alias) {
  std::vector<Index*> out;
  for (const auto& [name, index] : domain.indices()) {
    if (index->aliases().count(alias) != 0) out.push_back(index.get());
  }
  for (const Index* index : out) CCRSIM_ASSERT(index->name() != alias);  // a name is an index or an alias
  return out;
}

}  // namespace

ResolvedIndices resolve_indices(Domain& domain, const std::string& expression, const IndicesOptions& options) {
  ResolvedIndices out;
  std::vector<std::string> parts = split_commas(expression);
  if (parts.empty() || (parts.size() == 1 && parts[0] == "_all")) parts = {"*"};
  std::set<std::string> chosen;
  bool seen_wildcard = false;
  for (const std::string& part : parts) {
    CCRSIM_ASSERT(!part.empty());  // split_commas drops empty parts
    // "-name" excludes only after a wildcard has appeared, as in OpenSearch; before, it is a (bad) name.
    if (part.front() == '-' && seen_wildcard) {
      const std::string pattern = part.substr(1);
      for (auto it = chosen.begin(); it != chosen.end();) it = simple_match(pattern, *it) ? chosen.erase(it) : ++it;
      continue;
    }
    if (part.find('*') != std::string::npos) {
      seen_wildcard = true;
      for (const auto& [name, index] : domain.indices()) {
        if (simple_match(part, name) && wildcard_visible(*index, part, options)) chosen.insert(name);
      }
      continue;
    }
    std::vector<Index*> targets;
    if (Index* index = domain.find_index(part)) {
      targets.push_back(index);
    } else {
      targets = alias_targets(domain, part);
    }
    if (targets.empty()) {
      if (options.ignore_unavailable) continue;
      out.error = index_not_found(part);
      return out;
    }
    for (Index* index : targets) {
      if (index->closed() && options.forbid_closed) {
        if (options.ignore_unavailable) continue;
        out.error = index_closed(*index);
        return out;
      }
      chosen.insert(index->name());
    }
  }
  for (const std::string& name : chosen) {
    out.indices.push_back(domain.find_index(name));
    CCRSIM_ASSERT(out.indices.back() != nullptr);  // only existing indices are chosen
  }
  CCRSIM_ASSERT(!out.error);
  return out;
}

}  // namespace ccrsim
