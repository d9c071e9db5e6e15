#include "model/rest/search_query.h"

#include <cctype>
#include <set>

namespace ccrsim {

namespace {

constexpr char kSupported[] = " (supported: match_all, term, match)";

std::set<std::string> tokens(const std::string& text) {
  std::set<std::string> out;
  std::string token;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c >= 0x80) {
      token.push_back(static_cast<char>(std::tolower(c)));
    } else if (!token.empty()) {
      out.insert(token);
      token.clear();
    }
  }
  if (!token.empty()) out.insert(token);
  return out;
}

const json* field_of(const json& source, const std::string& path) {
  const json* node = &source;
  std::size_t pos = 0;
  while (true) {
    if (!node->is_object()) return nullptr;
    // A literal dotted key wins over a nested path.
    if (auto it = node->find(path.substr(pos)); it != node->end()) return &*it;
    const std::size_t dot = path.find('.', pos);
    if (dot == std::string::npos) return nullptr;
    auto it = node->find(path.substr(pos, dot - pos));
    if (it == node->end()) return nullptr;
    node = &*it;
    pos = dot + 1;
  }
}

std::string text_of(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

bool value_matches(const SearchQuery& q, const json& actual) {
  if (actual.is_array()) {
    for (const json& element : actual) {
      if (value_matches(q, element)) return true;
    }
    return false;
  }
  if (!actual.is_string() || !q.value.is_string()) return actual == q.value || text_of(actual) == text_of(q.value);
  const std::set<std::string> doc_tokens = tokens(actual.get<std::string>());
  if (q.kind == SearchQuery::Kind::kTerm) return doc_tokens.count(q.value.get<std::string>()) != 0;
  for (const std::string& t : tokens(q.value.get<std::string>())) {
    if (doc_tokens.count(t) != 0) return true;
  }
  return false;
}

std::optional<SearchQuery> parse_field_query(SearchQuery::Kind kind, const std::string& name, const json& body,
                                             std::string& error) {
  if (!body.is_object() || body.size() != 1) {
    error = "[" + name + "] query must be an object with exactly one field";
    return std::nullopt;
  }
  SearchQuery q;
  q.kind = kind;
  q.field = body.begin().key();
  q.value = body.begin().value();
  if (q.value.is_object()) {
    const char* inner = kind == SearchQuery::Kind::kTerm ? "value" : "query";
    if (!q.value.contains(inner)) {
      error = "[" + name + "] query on [" + q.field + "] needs a [" + inner + "]";
      return std::nullopt;
    }
    q.value = json(q.value[inner]);
  }
  if (q.value.is_object() || q.value.is_array() || q.value.is_null()) {
    error = "[" + name + "] query on [" + q.field + "] needs a scalar value";
    return std::nullopt;
  }
  return q;
}

}  // namespace

bool SearchQuery::matches(const json& source) const {
  if (kind == Kind::kMatchAll) return true;
  static const std::string kKeyword = ".keyword";
  const bool keyword =
      field.size() > kKeyword.size() && field.compare(field.size() - kKeyword.size(), kKeyword.size(), kKeyword) == 0;
  if (keyword) {
    const json* actual = field_of(source, field.substr(0, field.size() - kKeyword.size()));
    if (actual == nullptr) return false;
    if (actual->is_array()) {
      for (const json& e : *actual) {
        if (e.is_string() && e == value) return true;
      }
      return false;
    }
    return actual->is_string() && *actual == value;
  }
  const json* actual = field_of(source, field);
  return actual != nullptr && value_matches(*this, *actual);
}

std::optional<SearchQuery> parse_search_query(const json& query, std::string& error) {
  if (!query.is_object() || query.size() != 1) {
    error = "[query] must be an object with exactly one query" + std::string(kSupported);
    return std::nullopt;
  }
  const std::string& name = query.begin().key();
  const json& body = query.begin().value();
  if (name == "match_all") return SearchQuery{};
  if (name == "term") return parse_field_query(SearchQuery::Kind::kTerm, name, body, error);
  if (name == "match") return parse_field_query(SearchQuery::Kind::kMatch, name, body, error);
  error = "query [" + name + "] is not supported by the simulator" + kSupported;
  return std::nullopt;
}

}  // namespace ccrsim
