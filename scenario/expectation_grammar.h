#pragma once
// The grammar of a step's `expect:` (docs/scenarios.md): which map keys are operators and what each operator's
// operand must be. The loader checks every expectation against it (scenario/expect_reader.cc) and the matcher
// (app/expectation.cc) applies expectations with it, so the two cannot disagree about what is valid.
#include <array>
#include <string>
#include <string_view>

#include "sim/json.h"

namespace ccrsim {

enum class ExpectOperator { kEq, kNe, kGt, kGte, kLt, kLte, kContains, kMatches, kExists, kLength, kOneOf, kSameAs };

// What an operator's operand must be.
enum class OperandKind {
  kAny,           // eq, ne: any value, compared deeply
  kElement,       // contains: a substring, or an expectation one element of a list must meet
  kNumber,        // gt, gte, lt, lte
  kBoolean,       // exists
  kRegex,         // matches: an ECMAScript regular expression
  kLength,        // length: a number or an operator map applied to the length
  kAlternatives,  // one_of: a list of expectations, one of which must hold
  kJsonPointer,   // same_as: a JSON pointer into the whole response
};

struct ExpectOperatorInfo {
  std::string_view name;
  ExpectOperator op;
  OperandKind operand;
  std::string_view needs;  // "a number": the matcher's and the loader's "gt needs a number"; empty for any operand
};

const std::array<ExpectOperatorInfo, 12>& expect_operators();
const ExpectOperatorInfo* find_expect_operator(std::string_view key);
// "eq, ne, gt, ..." for messages.
std::string expect_operator_names();

// A map whose only key is an operator: the matcher applies the operator instead of matching the key. A map of
// several keys is matched key by key, even when the keys are operator names.
bool is_operator_map(const json& v);

// Why `operand` cannot be `info`'s operand ("gt needs a number"), or empty. The operand of contains depends on the
// actual value (a string needs a string, a list takes any expectation), so it is never refused here.
std::string operand_problem(const ExpectOperatorInfo& info, const json& operand);
// Why `expected` cannot be a status expectation, or empty: a number or an operator map.
std::string status_problem(const json& expected);
// Why `pattern` is not a regular expression the matcher can compile (Boost.Regex, ECMAScript), or empty.
std::string regex_problem(const std::string& pattern);
// Why `pointer` is not a JSON pointer (RFC 6901), or empty.
std::string json_pointer_problem(const std::string& pointer);

// The path of a map's child in messages, as a JSON pointer: '~' and '/' in the key are escaped, so a key holding
// '/' cannot fake a deeper path. The matcher and the load-time check name the same place the same way.
std::string expectation_child_path(std::string_view path, std::string_view key);

}  // namespace ccrsim
