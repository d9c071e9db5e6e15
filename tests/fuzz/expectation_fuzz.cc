// Fuzzes the expectation matcher (docs/scenario-format.md §5.3). Input: the expected value as JSON on the first line,
// the actual response as JSON on the rest. Invariants: nothing throws; a failure has a message and a pass has none; an
// expectation without operator keys matches itself; the status matcher copes with any expected value.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "app/expectation.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using ccrsim::json;
using ccrsim::fuzz::check;

// Scenario values come from YAML nested at most 64 deep (the loader's limit) and responses wrap them a few levels
// more; deeper inputs are not ones a run can produce, and the matcher recurses on depth.
constexpr int kMaxDepth = 80;

int depth_of(const json& v) {
  if (!v.is_structured()) return 0;
  int deepest = 0;
  for (const json& child : v) deepest = std::max(deepest, depth_of(child));
  return deepest + 1;
}

bool has_operator_key(const json& v) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      for (const char* op :
           {"eq", "ne", "gt", "gte", "lt", "lte", "contains", "matches", "exists", "length", "one_of", "same_as"}) {
        if (it.key() == op) return true;
      }
      if (has_operator_key(it.value())) return true;
    }
  }
  if (v.is_array()) {
    for (const json& child : v) {
      if (has_operator_key(child)) return true;
    }
  }
  return false;
}

void check_result(const ccrsim::MatchResult& r, const std::string& what) {
  check(r.ok == r.message.empty(), what + ": ok and message disagree: " + r.message);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = text.find('\n');
  const std::string expected_text = text.substr(0, newline);
  const std::string actual_text = newline == std::string::npos ? "null" : text.substr(newline + 1);
  const json expected = json::parse(expected_text, nullptr, false);
  const json actual = json::parse(actual_text, nullptr, false);
  if (expected.is_discarded() || actual.is_discarded()) return 0;
  if (depth_of(expected) > kMaxDepth || depth_of(actual) > kMaxDepth) return 0;
  try {
    check_result(ccrsim::match_value(expected, actual, actual), "match_value");
    check_result(ccrsim::match_status(expected, 200), "match_status");
    if (actual.is_number_integer()) {
      check_result(ccrsim::match_status(expected, actual.get<int>()), "match_status");
    }
    if (!has_operator_key(expected)) {
      const ccrsim::MatchResult self = ccrsim::match_value(expected, expected, expected);
      check(self.ok, "an expectation without operators does not match itself: " + self.message);
    }
  } catch (const std::exception& e) {
    ccrsim::fuzz::invariant_broken(std::string("exception escaped the matcher: ") + e.what());
  }
  return 0;
}
