#include "model/rest/alias_api.h"

#include "model/rest/handler_guard.h"
#include "model/rest/index_errors.h"
#include "model/rest/index_resolver.h"

namespace ccrsim {

namespace {

struct AliasAction {
  std::string type;  // add, remove, remove_index
  std::vector<Index*> indices;
  std::vector<std::string> aliases;
  json definition = json::object();
};

RestResponse validation_failed(const std::string& what) {
  return opensearch_error(400, "action_request_validation_exception", "Validation Failed: 1: " + what + ";");
}

// "index" or "indices", "alias" or "aliases": a string or a list of strings.
std::vector<std::string> names_of(const json& spec, const char* one, const char* many) {
  std::vector<std::string> out;
  for (const char* key : {one, many}) {
    auto it = spec.find(key);
    if (it == spec.end()) continue;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (!it->is_array()) continue;
    for (const json& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::optional<RestResponse> parse_action(Domain& domain, const json& entry, AliasAction& out) {
  if (!entry.is_object() || entry.size() != 1)
    return parse_exception("each alias action must be an object with one key");
  out.type = entry.begin().key();
  const json& spec = entry.begin().value();
  if (out.type != "add" && out.type != "remove" && out.type != "remove_index") {
    return parse_exception("Unknown action [" + out.type + "]");
  }
  if (!spec.is_object()) return body_must_be_object("[" + out.type + "]");
  const std::vector<std::string> index_names = names_of(spec, "index", "indices");
  if (index_names.empty()) return validation_failed("One of [index] or [indices] is required");
  for (const std::string& name : index_names) {
    ResolvedIndices resolved = resolve_indices(domain, name, IndicesOptions::open_and_closed());
    if (resolved.error) return resolved.error;
    out.indices.insert(out.indices.end(), resolved.indices.begin(), resolved.indices.end());
  }
  if (out.type == "remove_index") return std::nullopt;
  out.aliases = names_of(spec, "alias", "aliases");
  if (out.aliases.empty()) return validation_failed("One of [alias] or [aliases] is required");
  for (const auto& [key, value] : spec.items()) {
    if (key != "index" && key != "indices" && key != "alias" && key != "aliases") out.definition[key] = value;
  }
  return std::nullopt;
}

std::optional<RestResponse> check_action(const Domain& domain, const AliasAction& action) {
  for (const Index* index : action.indices) {
    if (index->replication_block()) return replication_blocked(*index);
  }
  for (const std::string& alias : action.aliases) {
    if (action.type == "add" && domain.find_index(alias) != nullptr) {
      json extra = json::object();
      extra["index_uuid"] = "_na_";
      extra["index"] = alias;
      return opensearch_error(400, "invalid_alias_name_exception",
                              "Invalid alias name [" + alias +
                                  "], an index or data stream exists with the same name "
                                  "as the alias",
                              extra);
    }
    if (action.type != "remove") continue;
    bool found = false;
    for (const Index* index : action.indices) found = found || index->aliases().count(alias) != 0;
    if (found) continue;
    json extra = json::object();
    extra["resource.type"] = "aliases";
    extra["resource.id"] = alias;
    return opensearch_error(404, "aliases_not_found_exception", "aliases [" + alias + "] missing", extra);
  }
  return std::nullopt;
}

void apply_action(Domain& domain, const AliasAction& action) {
  std::vector<std::string> doomed;
  for (Index* index : action.indices) {
    for (const std::string& alias : action.aliases) {
      if (action.type == "add") index->aliases()[alias] = action.definition;
      if (action.type == "remove") index->aliases().erase(alias);
    }
    if (action.type == "remove_index") doomed.push_back(index->name());
  }
  for (const std::string& name : doomed) domain.delete_index(name);
}

RestResponse post_aliases(RestContext& ctx) {
  if (!ctx.request.body) return body_required();
  const json& body = *ctx.request.body;
  if (!body.is_object()) return body_must_be_object();
  auto actions_it = body.find("actions");
  if (actions_it == body.end() || (actions_it->is_array() && actions_it->empty())) {
    return validation_failed("Must specify at least one alias action");
  }
  if (!actions_it->is_array()) return parse_exception("[actions] must be an array");
  Domain& domain = ctx.domain();
  std::vector<AliasAction> actions;
  for (const json& entry : *actions_it) {
    AliasAction action;
    if (auto e = parse_action(domain, entry, action)) return *e;
    if (auto e = check_action(domain, action)) return *e;
    actions.push_back(std::move(action));
  }
  for (const AliasAction& action : actions) apply_action(domain, action);
  return acknowledged();
}

}  // namespace

void register_alias_api(RestRouter& router) {
  router.add("POST", "_aliases", guarded(post_aliases));
}

}  // namespace ccrsim
