#include "model/rest/dynamic_mapping.h"

#include <charconv>
#include <map>
#include <regex>

#include "model/rest/index_errors.h"

namespace ccrsim {

namespace {

struct MappingContext {
  const std::string& id;
  std::optional<RestResponse> error;
};

bool looks_like_date(const std::string& s) {
  // strict_date_optional_time (the first of the default dynamic_date_formats).
  static const std::regex kDate(
      R"(\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2}([.,]\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?)");
  return std::regex_match(s, kDate);
}

json infer_field(const json& value) {
  if (value.is_string()) {
    if (looks_like_date(value.get<std::string>())) return json{{"type", "date"}};
    json keyword = json::object();
    keyword["type"] = "keyword";
    keyword["ignore_above"] = 256;
    json out = json::object();
    out["type"] = "text";
    out["fields"] = json{{"keyword", keyword}};
    return out;
  }
  if (value.is_boolean()) return json{{"type", "boolean"}};
  if (value.is_number_integer() || value.is_number_unsigned()) return json{{"type", "long"}};
  if (value.is_number_float()) return json{{"type", "float"}};
  return json{{"type", "object"}};
}

// The mapped type of a field; user mappings of odd shapes read as untyped.
std::string type_of(const json& field, const std::string& fallback) {
  if (!field.is_object()) return fallback;
  auto it = field.find("type");
  return it != field.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::string preview(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

bool parses_as_number(const json& v, bool integral) {
  if (v.is_number()) return true;
  if (!v.is_string()) return false;
  const std::string s = v.get<std::string>();
  double d = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || ptr != s.data() + s.size()) return false;
  return !integral || s.find_first_of("eE") == std::string::npos;
}

void field_error(MappingContext& ctx, const std::string& path, const std::string& type, const json& value,
                 const std::string& cause_type, const std::string& cause) {
  RestResponse r =
      opensearch_error(400, "mapper_parsing_exception",
                       "failed to parse field [" + path + "] of type [" + type + "] in document with id '" + ctx.id +
                           "'. Preview of field's value: '" + preview(value) + "'");
  ctx.error = with_caused_by(std::move(r), cause_type, cause);
}

void check_value(MappingContext& ctx, const std::string& path, const json& field, const json& value) {
  const std::string type = type_of(field, "");
  static const char* kIntegral[] = {"long", "integer", "short", "byte"};
  for (const char* t : kIntegral) {
    if (type == t && !parses_as_number(value, true)) {
      field_error(ctx, path, type, value, "number_format_exception", "For input string: \"" + preview(value) + "\"");
      return;
    }
  }
  if ((type == "float" || type == "double" || type == "half_float") && !parses_as_number(value, false)) {
    field_error(ctx, path, type, value, "number_format_exception", "For input string: \"" + preview(value) + "\"");
    return;
  }
  const bool boolean_ok = value.is_boolean() || value == json("true") || value == json("false") || value == json("");
  if (type == "boolean" && !boolean_ok) {
    field_error(ctx, path, type, value, "illegal_argument_exception",
                "Failed to parse value [" + preview(value) + "] as only [true] or [false] are allowed.");
  }
}

void map_object(MappingContext& ctx, json& object_mapping, const json& source, const std::string& prefix,
                const std::string& dynamic_parent);

void map_field(MappingContext& ctx, json& object_mapping, const std::string& name, const json& value,
               const std::string& prefix, const std::string& dynamic) {
  if (ctx.error || value.is_null()) return;
  if (value.is_array()) {
    for (const json& element : value) map_field(ctx, object_mapping, name, element, prefix, dynamic);
    return;
  }
  const std::string path = prefix.empty() ? name : prefix + "." + name;
  json* properties = object_mapping.contains("properties") ? &object_mapping["properties"] : nullptr;
  if (properties != nullptr && properties->contains(name)) {
    json& field = (*properties)[name];
    const std::string type = type_of(field, "object");
    if (value.is_object() && type != "object" && type != "nested") {
      ctx.error = opensearch_error(400, "mapper_parsing_exception",
                                   "failed to parse field [" + path + "] of type [" + type + "] in document with id '" +
                                       ctx.id + "'. Preview of field's value: '" + value.dump() + "'");
    } else if (value.is_object()) {
      map_object(ctx, field, value, path, dynamic);
    } else if (field.contains("properties") || type_of(field, "") == "object") {
      ctx.error = opensearch_error(400, "mapper_parsing_exception",
                                   "object mapping for [" + path + "] tried to parse field [" + name +
                                       "] as object, but found a concrete value");
    } else {
      check_value(ctx, path, field, value);
    }
    return;
  }
  if (dynamic == "strict") {
    ctx.error = opensearch_error(400, "strict_dynamic_mapping_exception",
                                 "mapping set to strict, dynamic introduction of [" + name + "] within [" +
                                     (prefix.empty() ? "_doc" : prefix) + "] is not allowed");
    return;
  }
  if (dynamic == "false") return;
  json& field = object_mapping["properties"][name];
  if (!value.is_object() || value.empty()) {
    field = infer_field(value);
    return;
  }
  field = json::object();
  map_object(ctx, field, value, path, dynamic);
}

void map_object(MappingContext& ctx, json& object_mapping, const json& source, const std::string& prefix,
                const std::string& dynamic_parent) {
  std::string dynamic = dynamic_parent;
  if (auto it = object_mapping.find("dynamic"); it != object_mapping.end()) dynamic = preview(*it);
  for (const auto& [key, value] : source.items()) {
    if (ctx.error) return;
    // A dotted field name ("a.b": 1) is the object path a -> b.
    const std::size_t dot = key.find('.');
    if (dot != std::string::npos && dot > 0 && dot + 1 < key.size()) {
      json nested = json::object();
      nested[key.substr(dot + 1)] = value;
      map_field(ctx, object_mapping, key.substr(0, dot), nested, prefix, dynamic);
      continue;
    }
    map_field(ctx, object_mapping, key, value, prefix, dynamic);
  }
}

}  // namespace

std::optional<RestResponse> map_document(json& mappings, const json& source, const std::string& id) {
  json updated = mappings.is_object() ? mappings : json::object();
  MappingContext ctx{id, std::nullopt};
  map_object(ctx, updated, source, "", "true");
  if (ctx.error) return ctx.error;
  mappings = sorted_mappings(updated);
  return std::nullopt;
}

json sorted_mappings(const json& mappings) {
  if (!mappings.is_object()) return mappings;
  json out = json::object();
  for (const auto& [key, value] : mappings.items()) {
    if (key != "properties" || !value.is_object()) {
      out[key] = value.is_object() ? sorted_mappings(value) : value;
      continue;
    }
    std::map<std::string, json> sorted;
    for (const auto& [name, field] : value.items()) sorted[name] = sorted_mappings(field);
    json props = json::object();
    for (auto& [name, field] : sorted) props[name] = std::move(field);
    out[key] = std::move(props);
  }
  return out;
}

}  // namespace ccrsim
