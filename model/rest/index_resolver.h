#pragma once
// Resolves an index expression ("logs-*,metrics,-logs-old", "_all", an alias) to indices, as
// IndexNameExpressionResolver does for the common IndicesOptions.
#include <optional>
#include <string>
#include <vector>

#include "model/domain.h"
#include "model/rest/rest_response.h"

namespace ccrsim {

struct IndicesOptions {
  bool expand_open = true;
  bool expand_closed = false;
  bool expand_hidden = false;
  bool forbid_closed = false;  // an explicitly named closed index is an error (search, count)
  bool ignore_unavailable = false;

  static IndicesOptions search() { return {true, false, false, true, false}; }  // strictExpandOpenAndForbidClosed
  static IndicesOptions open_and_closed() { return {true, true, false, false, false}; }
  static IndicesOptions all() { return {true, true, true, false, false}; }  // _cat/indices
};

struct ResolvedIndices {
  std::vector<Index*> indices;        // name order, no duplicates
  std::optional<RestResponse> error;  // 404 index_not_found_exception, 400 index_closed_exception
};

ResolvedIndices resolve_indices(Domain& domain, const std::string& expression, const IndicesOptions& options);

}  // namespace ccrsim
