#include "model/rest/index_creation.h"

#include "model/rest/dynamic_mapping.h"
#include "model/rest/index_errors.h"
#include "model/rest/index_name_rules.h"
#include "model/rest/index_settings.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

struct CreateRequest {
  FlatSettings settings;
  json mappings = json::object();
  json aliases = json::object();
  int shards = 1;
  int replicas = 1;
};

std::optional<RestResponse> parse_body(const json& body, CreateRequest& out) {
  if (body.is_null()) return std::nullopt;
  if (!body.is_object()) return body_must_be_object();
  for (const auto& [key, value] : body.items()) {
    if (key == "settings") {
      if (auto error = normalize_index_settings(value, out.settings)) return error;
    } else if (key == "mappings") {
      if (!value.is_object()) return body_must_be_object("mappings");
      out.mappings = value;
    } else if (key == "aliases") {
      if (!value.is_object()) return body_must_be_object("aliases");
      out.aliases = value;
    } else {
      return parse_exception("unknown key [" + key + "] for create index");
    }
  }
  return std::nullopt;
}

std::optional<RestResponse> take_shard_counts(CreateRequest& request) {
  if (auto it = request.settings.find("index.number_of_shards"); it != request.settings.end()) {
    if (auto error = parse_int_setting(it->first, it->second, 1, kMaxShards, request.shards)) return error;
    request.settings.erase(it);
  }
  CCRSIM_ASSERT(request.shards >= 1 && request.shards <= kMaxShards);
  if (auto it = request.settings.find("index.number_of_replicas"); it != request.settings.end()) {
    if (auto error = parse_int_setting(it->first, it->second, 0, kMaxReplicas, request.replicas)) return error;
    request.settings.erase(it);
  }
  CCRSIM_ASSERT(request.replicas >= 0 && request.replicas <= kMaxReplicas);
  return validate_index_settings(request.settings);
}

bool is_alias(const Domain& domain, const std::string& name) {
  for (const auto& [index_name, index] : domain.indices()) {
    if (index->aliases().count(name) != 0) return true;
  }
  return false;
}

}  // namespace

CreatedIndex create_index(Domain& domain, const std::string& index_name, const json& body, sim_time_us now_us) {
  CreatedIndex out;
  if (auto error = validate_index_name(index_name)) {
    out.error = std::move(error);
    return out;
  }
  if (const Index* existing = domain.find_index(index_name)) {
    out.error = index_already_exists(*existing);
    return out;
  }
  if (is_alias(domain, index_name)) {
    json extra = json::object();
    extra["index_uuid"] = "_na_";
    extra["index"] = index_name;
    out.error = opensearch_error(400, "invalid_index_name_exception",
                                 "Invalid index name [" + index_name + "], already exists as alias", extra);
    return out;
  }
  CreateRequest request;
  if (auto error = parse_body(body, request)) {
    out.error = std::move(error);
    return out;
  }
  if (auto error = take_shard_counts(request)) {
    out.error = std::move(error);
    return out;
  }
  CCRSIM_ASSERT(domain.find_index(index_name) == nullptr);  // checked above: never replaces an index
  Index& index = domain.create_index(index_name, request.shards, request.replicas, now_us);
  CCRSIM_ASSERT(index.number_of_shards() == request.shards && index.number_of_replicas() == request.replicas);
  apply_index_settings(index, request.settings);
  index.mappings() = sorted_mappings(request.mappings);
  for (const auto& [alias, definition] : request.aliases.items()) {
    index.aliases()[alias] = definition.is_object() ? definition : json::object();
  }
  out.index = &index;
  CCRSIM_ASSERT(!out.error);
  return out;
}

CreatedIndex index_for_write(Domain& domain, const std::string& name, sim_time_us now_us) {
  CreatedIndex out;
  if (Index* index = domain.find_index(name)) {
    out.index = index;
    return out;
  }
  std::vector<Index*> targets;
  Index* write_index = nullptr;
  for (const auto& [index_name, index] : domain.indices()) {
    auto it = index->aliases().find(name);
    if (it == index->aliases().end()) continue;
    targets.push_back(index.get());
    if (it->second.is_object() && it->second.value("is_write_index", json(false)) == json(true))
      write_index = index.get();
  }
  if (write_index == nullptr && targets.size() == 1) write_index = targets.front();
  if (write_index != nullptr) {
    out.index = write_index;
    return out;
  }
  if (!targets.empty()) {
    out.error = illegal_argument("no write index is defined for alias [" + name +
                                 "]. The write index may be explicitly disabled using is_write_index=false or the "
                                 "alias points to multiple indices without one being designated as a write index");
    return out;
  }
  return create_index(domain, name, json(nullptr), now_us);
}

}  // namespace ccrsim
