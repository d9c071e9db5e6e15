#pragma once
// The subset of the query DSL the simulator evaluates: match_all, term and match on explicit documents' _source
// fields (dotted paths into objects). Synthetic documents have no source: only match_all counts them.
#include <optional>
#include <string>

#include "sim/json.h"

namespace ccrsim {

struct SearchQuery {
  enum class Kind { kMatchAll, kTerm, kMatch };
  Kind kind = Kind::kMatchAll;
  std::string field;
  json value;

  // Whether an explicit document's source matches. Term: exact on numbers/booleans and on "<field>.keyword",
  // else one of the text's lowercase tokens (the standard analyzer, roughly). Match: any shared token.
  bool matches(const json& source) const;
};

// Parses {"match_all": {}}, {"term": {"f": v}}, {"term": {"f": {"value": v}}}, {"match": {"f": v}},
// {"match": {"f": {"query": v}}}. On anything else, an error text naming what the simulator does not support.
std::optional<SearchQuery> parse_search_query(const json& query, std::string& error);

}  // namespace ccrsim
