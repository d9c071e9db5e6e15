#include "model/rest/index_name_rules.h"

#include <algorithm>
#include <cctype>

namespace ccrsim {

namespace {

constexpr std::size_t kMaxIndexNameBytes = 255;
// Strings.INVALID_FILENAME_CHARS as its HashSet prints it.
constexpr char kInvalidCharsText[] = "[ , \", *, \\, <, |, ,, >, /, ?]";
constexpr char kInvalidChars[] = "\\/*?\"<>| ,";

std::optional<std::string> rule_violation(const std::string& name) {
  if (name.find_first_of(kInvalidChars) != std::string::npos) {
    return std::string("must not contain the following characters ") + kInvalidCharsText;
  }
  if (name.empty()) return "must not be empty";
  if (name.find('#') != std::string::npos) return "must not contain '#'";
  if (name.find(':') != std::string::npos) return "must not contain ':'";
  if (name[0] == '_' || name[0] == '-' || name[0] == '+') return "must not start with '_', '-', or '+'";
  if (name.size() > kMaxIndexNameBytes) {
    return "index name is too long, (" + std::to_string(name.size()) + " > " + std::to_string(kMaxIndexNameBytes) + ")";
  }
  if (name == "." || name == "..") return "must not be '.' or '..'";
  // Locale.ROOT lower-casing; only ASCII letters are checked here (non-ASCII names are rare in scenarios).
  if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return std::isupper(c) != 0; })) {
    return "must be lowercase";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> invalid_index_name_reason(const std::string& index_name) {
  auto violation = rule_violation(index_name);
  if (!violation) return std::nullopt;
  return "Invalid index name [" + index_name + "], " + *violation;
}

std::optional<RestResponse> validate_index_name(const std::string& index_name) {
  auto reason = invalid_index_name_reason(index_name);
  if (!reason) return std::nullopt;
  json extra = json::object();
  extra["index_uuid"] = "_na_";
  extra["index"] = index_name;
  return opensearch_error(400, "invalid_index_name_exception", *reason, extra);
}

}  // namespace ccrsim
