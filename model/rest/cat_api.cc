#include "model/rest/cat_api.h"

#include "model/rest/byte_size.h"
#include "model/rest/cat_table.h"
#include "model/rest/handler_guard.h"
#include "model/rest/index_errors.h"
#include "model/rest/index_health.h"
#include "model/rest/index_resolver.h"

namespace ccrsim {

namespace {

std::vector<CatColumn> index_columns() {
  return {{"health", false},    {"status", false},       {"index", false},     {"uuid", false},
          {"pri", true},        {"rep", true},           {"docs.count", true}, {"docs.deleted", true},
          {"store.size", true}, {"pri.store.size", true}};
}

std::optional<std::string> size_cell(std::int64_t bytes, const RestRequest& request) {
  if (request.params.count("bytes") == 0) return human_bytes(bytes);
  std::string out;
  bytes_in_unit(bytes, request.param("bytes"), out);
  return out;
}

// docs.count is the live document count (real time); docs.deleted stays 0 (merges are not modelled). A closed
// index has no stats: its docs and store cells are empty.
std::vector<std::optional<std::string>> index_row(const Domain& domain, const Index& index, const RestRequest& r) {
  std::vector<std::optional<std::string>> row = {index_health(domain, index),
                                                 index.closed() ? "close" : "open",
                                                 index.name(),
                                                 index.uuid(),
                                                 std::to_string(index.number_of_shards()),
                                                 std::to_string(index.number_of_replicas())};
  if (index.closed()) {
    row.resize(10);
    return row;
  }
  const std::int64_t primary = index.store_bytes();
  row.push_back(std::to_string(index.doc_count()));
  row.push_back("0");
  row.push_back(size_cell(primary * assigned_copies(domain, index), r));
  row.push_back(size_cell(primary, r));
  return row;
}

RestResponse cat_indices(RestContext& ctx) {
  const RestRequest& request = ctx.request;
  if (request.params.count("bytes") != 0) {
    std::string ignored;
    if (!bytes_in_unit(0, request.param("bytes"), ignored)) {
      return illegal_argument("failed to parse [bytes] with value [" + request.param("bytes") + "]");
    }
  }
  Domain& domain = ctx.domain();
  const std::string expression = ctx.params.count("index") != 0 ? ctx.param("index") : "_all";
  ResolvedIndices resolved = resolve_indices(domain, expression, IndicesOptions::all());
  if (resolved.error) return *resolved.error;
  CatTable table;
  table.columns = index_columns();
  for (const Index* index : resolved.indices) table.rows.push_back(index_row(domain, *index, request));
  return render_cat_table(table, request);
}

}  // namespace

void register_cat_api(RestRouter& router) {
  router.add("GET", "_cat/indices", guarded(cat_indices));
  router.add("GET", "_cat/indices/{index}", guarded(cat_indices));
}

}  // namespace ccrsim
