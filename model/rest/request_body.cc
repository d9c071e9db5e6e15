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

// nlohmann's "number overflow parsing '<token>'": a number no double holds. Jackson reads it (a BigInteger, or
// Infinity) and the error comes where a handler wants it as a long or a double; we refuse it at parse time, for every
// API, with Jackson's InputCoercionException text (simulator-defined placement and status, docs/robustness.md).
RestResponse number_out_of_range(const std::string& what) {
  const std::size_t open = what.find('\'');
  const std::size_t close = what.rfind('\'');
  const std::string token = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
  const bool integer = token.find_first_of(".eE") == std::string::npos;
  constexpr std::size_t kMaxNumberInText = 1000;  // Jackson's _longNumberDesc
  const std::string shown = token.size() > kMaxNumberInText ? "[" + std::string(integer ? "Integer" : "Number") +
                                                                  " with " + std::to_string(token.size()) + " digits]"
                                                            : token;
  return opensearch_error(400, "input_coercion_exception",
                          "Numeric value (" + shown + ") out of range of " +
                              (integer ? "long (-9223372036854775808 - 9223372036854775807)" : "double"));
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
  } catch (const json::out_of_range& e) {  // 406: a number past the double range (fuzz finding regression-huge-number)
    return number_out_of_range(e.what());
  }
  return std::nullopt;
}

}  // namespace ccrsim
