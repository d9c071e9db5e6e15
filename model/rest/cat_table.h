#pragma once
// A _cat table rendered as RestTable does: text (columns padded to their widest cell, one space apart, header row
// with ?v, right-aligned columns padded on the left) or JSON (?format=json: one object per row, cells as strings,
// null for empty cells). ?h=col1,col2 picks columns; ?s=col[:desc] sorts rows.
#include <optional>
#include <string>
#include <vector>

#include "model/rest/rest_request.h"
#include "model/rest/rest_response.h"

namespace ccrsim {

struct CatColumn {
  std::string name;
  bool right_aligned = false;
};

struct CatTable {
  std::vector<CatColumn> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt: empty cell
};

RestResponse render_cat_table(CatTable table, const RestRequest& request);

}  // namespace ccrsim
