#include "model/rest/cat_table.h"

#include <algorithm>

#include "model/rest/index_errors.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

// Indices of the columns to print; nullopt with an unknown column name.
std::optional<std::vector<std::size_t>> chosen_columns(const CatTable& table, const RestRequest& request,
                                                       std::string& unknown) {
  std::vector<std::size_t> out;
  if (request.params.count("h") == 0) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) out.push_back(i);
    return out;
  }
  for (const std::string& name : split_commas(request.param("h"))) {
    auto it =
        std::find_if(table.columns.begin(), table.columns.end(), [&](const CatColumn& c) { return c.name == name; });
    if (it == table.columns.end()) {
      unknown = name;
      return std::nullopt;
    }
    out.push_back(static_cast<std::size_t>(it - table.columns.begin()));
  }
  for (std::size_t c : out) CCRSIM_ASSERT(c < table.columns.size());
  return out;
}

void pad(std::string& out, const std::string& cell, std::size_t width, bool right, bool last) {
  CCRSIM_ASSERT(width >= cell.size());  // the width is the column's widest cell
  const std::size_t fill = width > cell.size() ? width - cell.size() : 0;
  if (right) out.append(fill, ' ');
  out += cell;
  if (!right && !last) out.append(fill, ' ');
}

std::string render_text(const CatTable& table, const std::vector<std::size_t>& cols, bool header) {
  std::vector<std::size_t> width(cols.size(), 0);
  for (const auto& row : table.rows) CCRSIM_ASSERT(row.size() == table.columns.size());  // one cell per column
  for (std::size_t c = 0; c < cols.size(); ++c) {
    if (header) width[c] = table.columns[cols[c]].name.size();
    for (const auto& row : table.rows) width[c] = std::max(width[c], row[cols[c]].value_or("").size());
  }
  std::string out;
  auto line = [&](auto cell_of) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const bool last = c + 1 == cols.size();
      pad(out, cell_of(cols[c]), width[c], table.columns[cols[c]].right_aligned, last);
      if (!last) out += ' ';
    }
    out += '\n';
  };
  if (header) line([&](std::size_t col) { return table.columns[col].name; });
  for (const auto& row : table.rows) line([&](std::size_t col) { return row[col].value_or(""); });
  return out;
}

json render_json(const CatTable& table, const std::vector<std::size_t>& cols) {
  json out = json::array();
  for (const auto& row : table.rows) {
    json obj = json::object();
    for (std::size_t col : cols) obj[table.columns[col].name] = row[col] ? json(*row[col]) : json(nullptr);
    CCRSIM_ASSERT(obj.size() <= cols.size());
    out.push_back(std::move(obj));
  }
  CCRSIM_ASSERT(out.size() == table.rows.size());
  return out;
}

}  // namespace

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// Cells compare as numbers when both are whole numbers, else as text; empty cells sort first.
bool cell_less(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return !a && b;
  if (all_digits(*a) && all_digits(*b) && a->size() != b->size()) return a->size() < b->size();
  return *a < *b;
}

// ?s=col[:asc|desc],... (stable, so ties keep the name order).
std::optional<RestResponse> sort_rows(CatTable& table, const RestRequest& request) {
  if (request.params.count("s") == 0) return std::nullopt;
  std::vector<std::pair<std::size_t, bool>> keys;  // column, descending
  for (const std::string& spec : split_commas(request.param("s"))) {
    const std::size_t colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    const std::string order = colon == std::string::npos ? "asc" : spec.substr(colon + 1);
    auto it =
        std::find_if(table.columns.begin(), table.columns.end(), [&](const CatColumn& c) { return c.name == name; });
    if (it == table.columns.end())
      return opensearch_error(400, "unsupported_operation_exception",
                              "Unable to sort by unknown sort key `" + name + "`");
    keys.emplace_back(static_cast<std::size_t>(it - table.columns.begin()), order == "desc");
  }
  CCRSIM_ASSERT(!keys.empty() || split_commas(request.param("s")).empty());
  std::stable_sort(table.rows.begin(), table.rows.end(), [&](const auto& a, const auto& b) {
    for (const auto& [col, desc] : keys) {
      if (cell_less(a[col], b[col])) return !desc;
      if (cell_less(b[col], a[col])) return desc;
    }
    return false;
  });
  return std::nullopt;
}

RestResponse render_cat_table(CatTable table, const RestRequest& request) {
  std::string unknown;
  auto cols = chosen_columns(table, request, unknown);
  CCRSIM_ASSERT(cols.has_value() || !unknown.empty());  // a refusal names the unknown column
  if (!cols) return illegal_argument("header [" + unknown + "] does not exist in the table");
  if (auto error = sort_rows(table, request)) return *error;
  const std::string format = request.param("format", "text");
  if (format == "json") return RestResponse::ok(render_json(table, *cols));
  if (format != "text" && format != "txt")
    return illegal_argument("format [" + format + "] is not supported by the simulator (supported: text, json)");
  return RestResponse::plain(200, render_text(table, *cols, request.flag("v")));
}

}  // namespace ccrsim
