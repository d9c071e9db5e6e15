#include "model/rest/request_body.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "sim/diagnostics.h"

namespace ccrsim {

namespace {

// The deepest nesting of objects and arrays in `text`, brackets inside strings ignored; stops counting once past
// the limit so a hostile text costs one linear scan.
int nesting_depth(const std::string& text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > kMaxBodyNestingDepth) return deepest;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

bool starts_json_value(char c) {
  return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9');
}

// Jackson's wording for the first problem in `text` (the parts OpenSearch users recognise); the location suffix
// is the simulator's own.
std::string parse_error_reason(const std::string& text, std::size_t error_offset) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  std::string reason;
  std::size_t at = error_offset;
  if (first != std::string::npos && !starts_json_value(text[first])) {
    std::size_t end = first;
    while (end < text.size() && end - first < 256 &&
           (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) {
      ++end;
    }
    if (end == first) end = first + 1;
    reason = "Unrecognized token '" + text.substr(first, end - first) +
             "': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    at = end;
  } else if (error_offset >= text.size()) {
    reason = "Unexpected end-of-input";
  } else {
    const unsigned char c = static_cast<unsigned char>(text[error_offset]);
    const std::string shown = std::isprint(c) != 0 ? std::string(1, static_cast<char>(c)) : "?";
    reason = "Unexpected character ('" + shown + "' (code " + std::to_string(c) + "))";
  }
  const SourcePos pos = position_of_offset(text, at);
  return reason + "\n at [line: " + std::to_string(pos.line) + ", column: " + std::to_string(pos.col) + "]";
}

}  // namespace

std::optional<RestResponse> parse_raw_body(RestRequest& request) {
  if (!request.body || !request.body->is_string()) return std::nullopt;
  const std::string text = request.body->get<std::string>();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    request.body.reset();
    return std::nullopt;
  }
  if (const int depth = nesting_depth(text); depth > kMaxBodyNestingDepth) {
    return opensearch_error(500, "stream_constraints_exception",
                            "Document nesting depth (" + std::to_string(depth) + ") exceeds the maximum allowed (" +
                                std::to_string(kMaxBodyNestingDepth) +
                                ", from `StreamReadConstraints.getMaxNestingDepth()`)");
  }
  try {
    request.body = json::parse(text);
  } catch (const json::parse_error& e) {
    return opensearch_error(400, "json_parse_exception", parse_error_reason(text, e.byte > 0 ? e.byte - 1 : 0));
  }
  return std::nullopt;
}

}  // namespace ccrsim
