#include "app/sweep/scenario_patch.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <string>

#include "scenario/yaml_document.h"

namespace ccrsim {

namespace {

constexpr std::size_t kMaxPathSegments = 64;

struct Segment {
  std::string key;
  std::vector<std::size_t> indices;  // [i] after the key
};

std::optional<std::vector<Segment>> parse_path(const std::string& path, std::string& error) {
  std::vector<Segment> out;
  std::size_t i = 0;
  while (i < path.size()) {
    Segment s;
    while (i < path.size() && path[i] != '.' && path[i] != '[') s.key += path[i++];
    while (i < path.size() && path[i] == '[') {
      const std::size_t close = path.find(']', i);
      std::size_t index = 0;
      const char* begin = path.data() + i + 1;
      const char* end = close == std::string::npos ? begin : path.data() + close;
      const auto [ptr, ec] = std::from_chars(begin, end, index);
      if (close == std::string::npos || ec != std::errc() || ptr != end) {
        error = "bad list index in path '" + path + "' (write [0], [1], ...)";
        return std::nullopt;
      }
      s.indices.push_back(index);
      i = close + 1;
    }
    if (s.key.empty()) {
      error = "empty key in path '" + path + "'";
      return std::nullopt;
    }
    out.push_back(std::move(s));
    if (out.size() > kMaxPathSegments) {
      error = "path '" + path + "' is too deep";
      return std::nullopt;
    }
    if (i < path.size()) {
      if (path[i] != '.' || i + 1 == path.size()) {
        error = "bad path '" + path + "' (keys joined by '.', list elements as [i])";
        return std::nullopt;
      }
      ++i;
    }
  }
  if (out.empty()) error = "empty path";
  if (out.empty()) return std::nullopt;
  return out;
}

// The child of a map whose key is segments [at, at + k) joined by '.', longest first (flat dotted keys such as
// settings names); k only spans segments without list indices, except the last.
std::optional<std::pair<YAML::Node, std::size_t>> find_key(const YAML::Node& map, const std::vector<Segment>& segs,
                                                           std::size_t at) {
  std::size_t max_k = 1;
  while (at + max_k < segs.size() && segs[at + max_k - 1].indices.empty()) ++max_k;
  for (std::size_t k = max_k; k >= 1; --k) {
    std::string key = segs[at].key;
    for (std::size_t j = 1; j < k; ++j) key += "." + segs[at + j].key;
    for (const auto& kv : map) {
      if (kv.first.IsScalar() && kv.first.Scalar() == key) return std::make_pair(kv.second, k);
    }
  }
  return std::nullopt;
}

// The path up to (not including) segment `upto`, as the user wrote it, or "the scenario" for the root.
std::string joined(const std::vector<Segment>& segs, std::size_t upto) {
  std::string out;
  for (std::size_t i = 0; i < upto && i < segs.size(); ++i) {
    out += (i ? "." : "") + segs[i].key;
    for (std::size_t idx : segs[i].indices) {
      out += '[';
      out += std::to_string(idx);
      out += ']';
    }
  }
  return out.empty() ? "the scenario" : "'" + out + "'";
}

// Segment `at`'s key after the path before it ("'workload'", "'domains.x.settings'").
std::string key_path(const std::vector<Segment>& segs, std::size_t at) {
  std::string out;
  for (std::size_t i = 0; i < at && i < segs.size(); ++i) {
    out += segs[i].key;
    for (std::size_t idx : segs[i].indices) {
      out += '[';
      out += std::to_string(idx);
      out += ']';
    }
    out += ".";
  }
  return "'" + out + segs[at].key + "'";
}

// The span of a scalar as written: plain scalars are their value; quoted ones run to the closing quote.
std::optional<ScalarSpan> span_of(const std::string& text, const YAML::Node& node, std::string& error) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size()) {
    error = "has no position in the file";
    return std::nullopt;
  }
  ScalarSpan span;
  span.offset = static_cast<std::size_t>(mark.pos);
  span.value = node.Scalar();
  const char first = text[span.offset];
  if (first == '"' || first == '\'') {
    span.quote = first;
    std::size_t i = span.offset + 1;
    for (; i < text.size() && text[i] != '\n'; ++i) {
      if (first == '"' && text[i] == '\\') {
        ++i;
        continue;
      }
      if (text[i] != first) continue;
      if (first == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      break;
    }
    if (i >= text.size() || text[i] != first) {
      error = "is a quoted value over several lines";
      return std::nullopt;
    }
    span.length = i + 1 - span.offset;
    return span;
  }
  if (text.compare(span.offset, span.value.size(), span.value) != 0 || span.value.empty()) {
    error = "is not written as a single-line value (anchors, tags and block scalars cannot be varied)";
    return std::nullopt;
  }
  span.length = span.value.size();
  return span;
}

}  // namespace

std::optional<ScalarSpan> resolve_scalar(const std::string& text, const std::string& path, std::string& error) {
  const std::optional<std::vector<Segment>> segs = parse_path(path, error);
  if (!segs) return std::nullopt;
  YamlDocument doc = read_yaml_document(text, "a scenario file");
  if (doc.problem) {
    error = "the scenario at line " + std::to_string(doc.problem->pos.line) + ": " + doc.problem->message;
    return std::nullopt;
  }
  YAML::Node node = doc.root;
  std::size_t at = 0;
  while (at < segs->size()) {
    if (!node.IsMap()) {
      error = joined(*segs, at) + " is not a map, so it has no key '" + (*segs)[at].key + "'";
      return std::nullopt;
    }
    const auto found = find_key(node, *segs, at);
    if (!found) {
      error = joined(*segs, at) + " has no key '" + (*segs)[at].key + "' in the scenario (a path can only " +
              "address a value written in the base scenario)";
      return std::nullopt;
    }
    node.reset(found->first);
    at += found->second;
    for (std::size_t index : (*segs)[at - 1].indices) {
      if (!node.IsSequence() || index >= node.size()) {
        error = key_path(*segs, at - 1) + " has no element [" + std::to_string(index) + "]" +
                (node.IsSequence() ? " (it has " + std::to_string(node.size()) + ")" : " (it is not a list)");
        return std::nullopt;
      }
      node.reset(node[index]);
    }
  }
  if (!node.IsScalar()) {
    error = "'" + path + "' is " +
            (node.IsMap()        ? "a map"
             : node.IsSequence() ? "a list"
                                 : "empty") +
            ", not a single value";
    return std::nullopt;
  }
  std::string why;
  std::optional<ScalarSpan> span = span_of(text, node, why);
  if (!span) error = "'" + path + "' " + why;
  return span;
}

std::string apply_scalar_edits(const std::string& text, std::vector<ScalarEdit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const ScalarEdit& a, const ScalarEdit& b) { return a.span.offset > b.span.offset; });
  std::string out = text;
  for (const ScalarEdit& e : edits) {
    std::string written = e.value;
    if (e.span.quote == '"') {
      written.clear();
      for (char c : e.value) written += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
      written = "\"" + written + "\"";
    } else if (e.span.quote == '\'') {
      written.clear();
      for (char c : e.value) written += c == '\'' ? std::string("''") : std::string(1, c);
      written = "'" + written + "'";
    }
    out.replace(e.span.offset, e.span.length, written);
  }
  return out;
}

}  // namespace ccrsim
