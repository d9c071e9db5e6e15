// GCC 12 with sanitizers at -O2 reports a false -Wmaybe-uninitialized inside <regex>'s own std::function copies
// (a known libstdc++/GCC 12 false positive). It is located in the library headers, which json.h pulls in before
// any narrower pragma could apply, so it is silenced for this file.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "app/expectation.h"

#include <boost/regex.hpp>
#include <compare>
#include <cstdint>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "scenario/expectation_grammar.h"

namespace ccrsim {

namespace {

// Bipartite list matching compares every expected element with every actual one; beyond this many pairs we fall
// back to first-fit, which never accepts a wrong match but may miss an assignment that exists.
constexpr std::size_t kMaxListPairs = 200'000;
constexpr std::size_t kMaxShownChars = 80;

// The operand problem of `op` from the format's grammar, so the loader refuses what this matcher calls invalid.
std::string operand_problem_of(std::string_view op, const json& operand) {
  return operand_problem(*find_expect_operator(op), operand);
}

MatchResult pass() {
  return {};
}
MatchResult fail(std::string_view path, std::string_view why) {
  return {false, std::string(path) + ": " + std::string(why)};
}

// A value as it appears in a message: compact JSON, cut short so a huge response cannot flood the report.
std::string show(const json& v) {
  std::string text = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > kMaxShownChars) text = text.substr(0, kMaxShownChars - 3) + "...";
  return text;
}

std::string expected_got(const json& expected, const json& actual) {
  return "expected " + show(expected) + ", got " + show(actual);
}

std::string child_path(std::string_view path, std::string_view key) {
  return expectation_child_path(path, key);
}

std::string child_path(std::string_view path, std::size_t index) {
  return child_path(path, std::to_string(index));
}

// Numbers by value across nlohmann's three number kinds, exact for integers beyond 2^53.
std::partial_ordering compare_numbers(const json& a, const json& b) {
  if (a.is_number_float() || b.is_number_float()) return a.get<double>() <=> b.get<double>();
  const bool a_neg = a.is_number_integer() && !a.is_number_unsigned() && a.get<std::int64_t>() < 0;
  const bool b_neg = b.is_number_integer() && !b.is_number_unsigned() && b.get<std::int64_t>() < 0;
  if (a_neg != b_neg) return a_neg ? std::partial_ordering::less : std::partial_ordering::greater;
  if (a_neg) return a.get<std::int64_t>() <=> b.get<std::int64_t>();
  return a.get<std::uint64_t>() <=> b.get<std::uint64_t>();
}

bool deep_equal(const json& a, const json& b);

bool objects_equal(const json& a, const json& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a.items()) {
    const auto it = b.find(key);
    if (it == b.end() || !deep_equal(value, *it)) return false;
  }
  return true;
}

bool arrays_equal(const json& a, const json& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!deep_equal(a[i], b[i])) return false;
  }
  return true;
}

// Structural equality with numbers by value and key order ignored (ordered_json's own == compares key order).
bool deep_equal(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
  if (a.is_object() && b.is_object()) return objects_equal(a, b);
  if (a.is_array() && b.is_array()) return arrays_equal(a, b);
  if (a.type() != b.type()) return false;
  return a == b;
}

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // count every byte that starts a code point
  return n;
}

class Matcher {
 public:
  explicit Matcher(const json& root) : root_(root) {}

  // `actual` is null when the key is absent from its parent map: only {exists: false} accepts that.
  MatchResult match(const json& expected, const json* actual, const std::string& path) {
    if (is_operator_map(expected)) return apply(expected.begin().key(), expected.begin().value(), actual, path);
    if (actual == nullptr) return fail(path, "missing key");
    if (expected.is_object()) return match_map(expected, *actual, path);
    if (expected.is_array()) return match_list(expected, *actual, path);
    return match_scalar(expected, *actual, path);
  }

 private:
  MatchResult match_map(const json& expected, const json& actual, const std::string& path) {
    if (!actual.is_object()) return fail(path, "expected a map, got " + shown(actual));
    for (const auto& [key, value] : expected.items()) {
      const auto it = actual.find(key);
      MatchResult r = match(value, it == actual.end() ? nullptr : &*it, child_path(path, key));
      if (!r.ok) return r;
    }
    return pass();
  }

  MatchResult match_scalar(const json& expected, const json& actual, const std::string& path) {
    if (deep_equal(expected, actual)) return pass();
    return fail(path, expected_got_shown(expected, actual));
  }

  MatchResult match_list(const json& expected, const json& actual, const std::string& path);
  MatchResult explain_unmatched(const json& expected, const json& actual, std::size_t unmatched,
                                const std::string& path);

  MatchResult apply(const std::string& op, const json& operand, const json* actual, const std::string& path);
  MatchResult apply_present(const std::string& op, const json& operand, const json& actual, const std::string& path);
  MatchResult apply_exists(const json& operand, const json* actual, const std::string& path);
  MatchResult apply_order(const std::string& op, const json& operand, const json& actual, const std::string& path);
  MatchResult apply_contains(const json& operand, const json& actual, const std::string& path);
  MatchResult apply_matches(const json& operand, const json& actual, const std::string& path);
  MatchResult apply_length(const json& operand, const json& actual, const std::string& path);
  MatchResult apply_one_of(const json& operand, const json& actual, const std::string& path);
  MatchResult apply_same_as(const json& operand, const json& actual, const std::string& path) const;

  // Values as messages show them; skipped while only a yes/no is wanted (list candidates), where dumping every
  // mismatching element would cost more than the matching itself.
  std::string shown(const json& v) const { return quiet_ ? std::string() : show(v); }
  std::string expected_got_shown(const json& expected, const json& actual) const {
    return quiet_ ? std::string() : expected_got(expected, actual);
  }

  const json& root_;
  bool quiet_ = false;
};

// Kuhn's augmenting paths: expected element i takes actual element j if j is free, or if j's current owner can
// move to another compatible element. First-fit would wrongly fail [{a:1}, {a:1, b:2}] against
// [{a:1, b:2}, {a:1}], because {a:1} grabs the first element that the second expectation needs.
class BipartiteMatching {
 public:
  explicit BipartiteMatching(std::vector<std::vector<std::size_t>> candidates, std::size_t right_size)
      : candidates_(std::move(candidates)), owner_(right_size, kFree) {}

  // Index of the first expected element left without a distinct partner, or kFree when all have one.
  std::size_t first_unmatched() {
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      visited_.assign(owner_.size(), false);
      if (!augment(i)) return i;
    }
    return kFree;
  }

  static constexpr std::size_t kFree = static_cast<std::size_t>(-1);

 private:
  bool augment(std::size_t i) {
    for (std::size_t j : candidates_[i]) {
      if (visited_[j]) continue;
      visited_[j] = true;
      if (owner_[j] == kFree || augment(owner_[j])) {
        owner_[j] = i;
        return true;
      }
    }
    return false;
  }

  std::vector<std::vector<std::size_t>> candidates_;
  std::vector<std::size_t> owner_;
  std::vector<bool> visited_;
};

MatchResult Matcher::match_list(const json& expected, const json& actual, const std::string& path) {
  if (!actual.is_array()) return fail(path, "expected a list, got " + shown(actual));
  if (expected.size() > actual.size()) {
    return fail(path, "expected at least " + std::to_string(expected.size()) + " elements, got " +
                          std::to_string(actual.size()));
  }
  const bool first_fit = expected.size() * actual.size() > kMaxListPairs;
  const bool was_quiet = std::exchange(quiet_, true);
  std::vector<std::vector<std::size_t>> candidates(expected.size());
  std::vector<bool> taken(actual.size(), false);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    for (std::size_t j = 0; j < actual.size(); ++j) {
      if (first_fit && taken[j]) continue;
      if (!match(expected[i], &actual[j], child_path(path, j)).ok) continue;
      candidates[i].push_back(j);
      if (first_fit) {
        taken[j] = true;
        break;
      }
    }
  }
  quiet_ = was_quiet;
  BipartiteMatching matching(std::move(candidates), actual.size());
  const std::size_t unmatched = matching.first_unmatched();
  if (unmatched == BipartiteMatching::kFree) return pass();
  return explain_unmatched(expected, actual, unmatched, path);
}

MatchResult Matcher::explain_unmatched(const json& expected, const json& actual, std::size_t unmatched,
                                       const std::string& path) {
  const json& element = expected[unmatched];
  // With a single actual element the inner failure says exactly what differs.
  if (actual.size() == 1) return match(element, &actual[0], child_path(path, std::size_t{0}));
  return fail(
      path, "no distinct actual element matches expected element " + std::to_string(unmatched) + ": " + shown(element));
}

MatchResult Matcher::apply(const std::string& op, const json& operand, const json* actual, const std::string& path) {
  if (op == "exists") return apply_exists(operand, actual, path);
  if (actual == nullptr) return fail(path, "missing key");
  return apply_present(op, operand, *actual, path);
}

MatchResult Matcher::apply_present(const std::string& op, const json& operand, const json& actual,
                                   const std::string& path) {
  if (op == "eq") {
    return deep_equal(operand, actual) ? pass() : fail(path, expected_got_shown(operand, actual));
  }
  if (op == "ne") {
    return deep_equal(operand, actual) ? fail(path, "expected anything but " + shown(operand) + ", got it") : pass();
  }
  if (op == "gt" || op == "gte" || op == "lt" || op == "lte") return apply_order(op, operand, actual, path);
  if (op == "contains") return apply_contains(operand, actual, path);
  if (op == "matches") return apply_matches(operand, actual, path);
  if (op == "length") return apply_length(operand, actual, path);
  if (op == "one_of") return apply_one_of(operand, actual, path);
  return apply_same_as(operand, actual, path);
}

MatchResult Matcher::apply_exists(const json& operand, const json* actual, const std::string& path) {
  if (auto problem = operand_problem_of("exists", operand); !problem.empty()) {
    return fail(path, "invalid expectation: " + problem);
  }
  const bool want = operand.get<bool>();
  if (want == (actual != nullptr)) return pass();
  return fail(path, want ? "missing key" : "expected no such key, got " + shown(*actual));
}

MatchResult Matcher::apply_order(const std::string& op, const json& operand, const json& actual,
                                 const std::string& path) {
  if (auto problem = operand_problem_of(op, operand); !problem.empty())
    return fail(path, "invalid expectation: " + problem);
  const std::string wanted = "a number " + op + " " + shown(operand);
  if (!actual.is_number()) return fail(path, "expected " + wanted + ", got " + shown(actual));
  const std::partial_ordering c = compare_numbers(actual, operand);
  const bool ok = op == "gt" ? c > 0 : op == "gte" ? c >= 0 : op == "lt" ? c < 0 : c <= 0;
  return ok ? pass() : fail(path, "expected " + wanted + ", got " + shown(actual));
}

MatchResult Matcher::apply_contains(const json& operand, const json& actual, const std::string& path) {
  if (actual.is_string()) {
    if (!operand.is_string()) return fail(path, "invalid expectation: contains on a string needs a string");
    if (actual.get_ref<const std::string&>().find(operand.get_ref<const std::string&>()) != std::string::npos) {
      return pass();
    }
    return fail(path, "expected a string containing " + shown(operand) + ", got " + shown(actual));
  }
  if (actual.is_array()) {
    for (std::size_t j = 0; j < actual.size(); ++j) {
      if (match(operand, &actual[j], child_path(path, j)).ok) return pass();
    }
    return fail(path, "expected a list containing " + shown(operand) + ", got " + shown(actual));
  }
  return fail(path, "expected a string or list containing " + shown(operand) + ", got " + shown(actual));
}

MatchResult Matcher::apply_matches(const json& operand, const json& actual, const std::string& path) {
  if (auto problem = operand_problem_of("matches", operand); !problem.empty()) {
    return fail(path, "invalid expectation: " + problem);
  }
  const auto& pattern = operand.get_ref<const std::string&>();
  if (!actual.is_string()) return fail(path, "expected a string matching " + shown(operand) + ", got " + shown(actual));
  // Boost.Regex, not std::regex: a pattern with nested repeats (`.**a`) backtracks exponentially, and std::regex
  // would hang the run (fuzz finding regression-nested-repeat-regex); Boost stops at its complexity bound.
  try {
    const boost::regex re(pattern, boost::regex::ECMAScript);
    if (boost::regex_search(actual.get_ref<const std::string&>(), re)) return pass();
  } catch (const boost::regex_error& e) {
    return fail(path, "invalid regex " + shown(operand) + ": " + e.what());
  } catch (const std::runtime_error& e) {
    return fail(path, "regex " + shown(operand) + " is too complex to match: " + e.what());
  }
  return fail(path, "expected a string matching " + shown(operand) + ", got " + shown(actual));
}

MatchResult Matcher::apply_length(const json& operand, const json& actual, const std::string& path) {
  std::size_t length = 0;
  if (actual.is_string()) {
    length = utf8_length(actual.get_ref<const std::string&>());
  } else if (actual.is_array() || actual.is_object()) {
    length = actual.size();
  } else {
    return fail(path, "expected something with a length, got " + shown(actual));
  }
  const json measured = length;
  if (auto problem = operand_problem_of("length", operand); !problem.empty()) {
    return fail(path, "invalid expectation: " + problem);
  }
  if (is_operator_map(operand)) return match(operand, &measured, path + " (length)");
  if (compare_numbers(measured, operand) == 0) return pass();
  return fail(path, "expected length " + shown(operand) + ", got " + std::to_string(length));
}

MatchResult Matcher::apply_one_of(const json& operand, const json& actual, const std::string& path) {
  if (auto problem = operand_problem_of("one_of", operand); !problem.empty()) {
    return fail(path, "invalid expectation: " + problem);
  }
  for (const json& candidate : operand) {
    if (match(candidate, &actual, path).ok) return pass();
  }
  return fail(path, "expected one of " + shown(operand) + ", got " + shown(actual));
}

MatchResult Matcher::apply_same_as(const json& operand, const json& actual, const std::string& path) const {
  if (auto problem = operand_problem_of("same_as", operand); !problem.empty()) {
    return fail(path, "invalid expectation: " + problem);
  }
  const auto& pointer_text = operand.get_ref<const std::string&>();
  const json* other = nullptr;
  try {
    const json::json_pointer pointer(pointer_text);
    if (root_.contains(pointer)) other = &root_.at(pointer);
  } catch (const json::exception& e) {
    return fail(path, "invalid JSON pointer " + shown(operand) + ": " + e.what());
  }
  if (other == nullptr) return fail(path, "same_as " + pointer_text + ": no such value in the response");
  if (deep_equal(*other, actual)) return pass();
  return fail(path, "expected the same as " + pointer_text + " (" + shown(*other) + "), got " + shown(actual));
}

template <class Body>
MatchResult guarded(std::string_view path, Body body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return fail(path, std::string("internal matcher error: ") + e.what());
  }
}

}  // namespace

MatchResult match_value(const json& expected, const json& actual, const json& root, std::string_view path) {
  return guarded(path, [&] { return Matcher(root).match(expected, &actual, std::string(path)); });
}

MatchResult match_status(const json& expected, int actual_status) {
  return guarded("status", [&] {
    if (auto problem = status_problem(expected); !problem.empty()) {
      return fail("status", "invalid expectation: " + problem + ", got " + show(expected));
    }
    const json actual = actual_status;
    return Matcher(actual).match(expected, &actual, "status");
  });
}

}  // namespace ccrsim
