#include "model/rest/search_api.h"

#include <charconv>

#include "model/rest/handler_guard.h"
#include "model/rest/index_errors.h"
#include "model/rest/index_resolver.h"
#include "model/rest/search_query.h"

namespace ccrsim {

namespace {

constexpr std::int64_t kDefaultTrackTotalHits = 10000;

struct SearchRequest {
  std::vector<Index*> indices;
  SearchQuery query;
  std::int64_t from = 0;
  std::int64_t size = 10;
  std::int64_t track_total_hits = kDefaultTrackTotalHits;  // -1: exact, 0: not tracked
  bool include_source = true;
  std::vector<std::string> source_fields;  // top-level fields to keep; empty: all
};

// "_source": false | "field" | ["f1", "f2"] (top-level field names; no wildcards).
std::optional<RestResponse> parse_source_filter(const json& value, SearchRequest& out) {
  if (value.is_boolean()) {
    out.include_source = value.get<bool>();
    return std::nullopt;
  }
  const json list = value.is_string() ? json::array({value}) : value;
  if (!list.is_array()) {
    return illegal_argument("[_source] must be a boolean, a field name or a list of field names in the simulator");
  }
  for (const json& field : list) {
    if (!field.is_string()) return illegal_argument("[_source] field names must be strings");
    out.source_fields.push_back(field.get<std::string>());
  }
  return std::nullopt;
}

json filtered_source(const json& source, const SearchRequest& request) {
  if (request.source_fields.empty()) return source;
  json out = json::object();
  for (const auto& [key, value] : source.items()) {
    for (const std::string& field : request.source_fields) {
      if (field == key) out[key] = value;
    }
  }
  return out;
}

std::optional<RestResponse> parse_count(const std::string& key, const json& value, std::int64_t& out) {
  if (value.is_number_integer() && value.get<std::int64_t>() >= 0) {
    out = value.get<std::int64_t>();
    return std::nullopt;
  }
  const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  std::int64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < 0) {
    return illegal_argument("[" + key + "] must be a non-negative integer, got [" + text + "]");
  }
  out = n;
  return std::nullopt;
}

std::optional<RestResponse> parse_track_total_hits(const json& value, std::int64_t& out) {
  if (value == json(true) || value == json("true")) {
    out = -1;
    return std::nullopt;
  }
  if (value == json(false) || value == json("false")) {
    out = 0;
    return std::nullopt;
  }
  return parse_count("track_total_hits", value, out);
}

std::optional<RestResponse> parse_body(const json& body, SearchRequest& out, bool count_only) {
  if (!body.is_object()) return body_must_be_object();
  for (const auto& [key, value] : body.items()) {
    if (key == "query") {
      std::string error;
      auto query = parse_search_query(value, error);
      if (!query) return illegal_argument(error);
      out.query = *query;
    } else if (key == "size" && !count_only) {
      if (auto e = parse_count(key, value, out.size)) return e;
    } else if (key == "from" && !count_only) {
      if (auto e = parse_count(key, value, out.from)) return e;
    } else if (key == "track_total_hits" && !count_only) {
      if (auto e = parse_track_total_hits(value, out.track_total_hits)) return e;
    } else if (key == "_source" && !count_only) {
      if (auto e = parse_source_filter(value, out)) return e;
    } else if (key != "timeout") {
      return illegal_argument(
          "request body key [" + key +
          "] is not supported by the simulator (supported: query, size, from, track_total_hits, _source)");
    }
  }
  return std::nullopt;
}

std::optional<RestResponse> parse_params(const RestRequest& request, SearchRequest& out) {
  if (auto it = request.params.find("size"); it != request.params.end()) {
    if (auto e = parse_count("size", json(it->second), out.size)) return e;
  }
  if (auto it = request.params.find("from"); it != request.params.end()) {
    if (auto e = parse_count("from", json(it->second), out.from)) return e;
  }
  if (auto it = request.params.find("track_total_hits"); it != request.params.end()) {
    if (auto e = parse_track_total_hits(json(it->second), out.track_total_hits)) return e;
  }
  if (request.params.count("q") != 0) return illegal_argument("[q] query strings are not supported by the simulator");
  return std::nullopt;
}

// Parses the whole request; the URL parameter wins over the body for size/from (as in RestSearchAction).
std::optional<RestResponse> parse_request(RestContext& ctx, SearchRequest& out, bool count_only) {
  if (ctx.request.body && !ctx.request.body->is_null()) {
    if (auto e = parse_body(*ctx.request.body, out, count_only)) return e;
  }
  if (auto e = parse_params(ctx.request, out)) return e;
  Domain& domain = ctx.domain();
  const std::string expression = ctx.params.count("index") != 0 ? ctx.param("index") : "_all";
  ResolvedIndices resolved = resolve_indices(domain, expression, IndicesOptions::search());
  if (resolved.error) return resolved.error;
  out.indices = std::move(resolved.indices);
  return std::nullopt;
}

json shards_json(const std::vector<Index*>& indices) {
  int total = 0;
  for (const Index* index : indices) total += index->number_of_shards();
  json shards = json::object();
  shards["total"] = total;
  shards["successful"] = total;
  shards["skipped"] = 0;
  shards["failed"] = 0;
  return shards;
}

struct Matches {
  std::int64_t total = 0;
  std::vector<std::pair<const Index*, DocView>> docs;
};

Matches collect(const SearchRequest& request, sim_time_us now_us) {
  Matches out;
  const bool match_all = request.query.kind == SearchQuery::Kind::kMatchAll;
  for (const Index* index : request.indices) {
    for (const DocView& doc : index->searchable_docs(now_us)) {
      if (request.query.matches(*doc.source)) out.docs.emplace_back(index, doc);
    }
    if (match_all) out.total += index->searchable_count(now_us);
  }
  if (!match_all) out.total = static_cast<std::int64_t>(out.docs.size());
  return out;
}

json total_json(std::int64_t total, std::int64_t track) {
  json out = json::object();
  const bool capped = track > 0 && total > track;
  out["value"] = capped ? track : total;
  out["relation"] = capped ? "gte" : "eq";
  return out;
}

RestResponse search(RestContext& ctx) {
  SearchRequest request;
  if (auto error = parse_request(ctx, request, false)) return *error;
  const Matches matches = collect(request, ctx.now());
  json hits = json::array();
  for (std::size_t i = static_cast<std::size_t>(request.from);
       i < matches.docs.size() && static_cast<std::int64_t>(hits.size()) < request.size; ++i) {
    const auto& [index, doc] = matches.docs[i];
    json hit = json::object();
    hit["_index"] = index->name();
    hit["_id"] = doc.id;
    hit["_score"] = 1.0;
    if (request.include_source) hit["_source"] = filtered_source(*doc.source, request);
    hits.push_back(std::move(hit));
  }
  json hits_block = json::object();
  if (request.track_total_hits != 0) hits_block["total"] = total_json(matches.total, request.track_total_hits);
  hits_block["max_score"] = matches.total > 0 && request.size > 0 ? json(1.0) : json(nullptr);
  hits_block["hits"] = std::move(hits);
  json body = json::object();
  body["took"] = 1;
  body["timed_out"] = false;
  body["_shards"] = shards_json(request.indices);
  body["hits"] = std::move(hits_block);
  return RestResponse::ok(std::move(body));
}

RestResponse count(RestContext& ctx) {
  SearchRequest request;
  if (auto error = parse_request(ctx, request, true)) return *error;
  const Matches matches = collect(request, ctx.now());
  json body = json::object();
  body["count"] = matches.total;
  body["_shards"] = shards_json(request.indices);
  return RestResponse::ok(std::move(body));
}

}  // namespace

void register_search_api(RestRouter& router) {
  for (const char* method : {"GET", "POST"}) {
    router.add(method, "{index}/_search", guarded(search));
    router.add(method, "_search", guarded(search));
    router.add(method, "{index}/_count", guarded(count));
    router.add(method, "_count", guarded(count));
  }
}

}  // namespace ccrsim
