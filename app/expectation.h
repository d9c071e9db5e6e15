#pragma once
// The expectation matcher of scenario steps (docs/scenario-format.md §5.3): does an actual REST response satisfy an
// `expect` block? Pure functions of their arguments; they never throw, every problem becomes a failed MatchResult.
#include <string>
#include <string_view>

#include "sim/json.h"

namespace ccrsim {

struct MatchResult {
  bool ok = true;
  // On failure: where and why, e.g. `body/status: expected "SYNCING", got "BOOTSTRAPPING"`. Empty on success.
  std::string message;
};

// Matches a body expectation against `actual`. `root` is the whole actual response, the base of `same_as`
// pointers; `path` names `actual` in failure messages.
//  - a map matches when each of its keys is present in actual and each value matches (extra keys allowed);
//  - a scalar matches an equal scalar (numbers by value: 1 == 1.0; a string never equals a number);
//  - a list matches when each expected element matches a distinct actual element, in any order;
//  - a map whose only key is an operator applies it: eq, ne (deep equality), gt, gte, lt, lte (numbers), contains
//    (substring, or a list element that matches), matches (ECMAScript regex, searched anywhere), exists (key
//    present / absent), length (of a string, list or map; a number or an operator map), one_of (matches one of
//    the listed values), same_as (deep-equal to the value at a JSON pointer into `root`).
MatchResult match_value(const json& expected, const json& actual, const json& root, std::string_view path = "body");

// Matches a status expectation: a number, or an operator map such as {gte: 400}.
MatchResult match_status(const json& expected, int actual_status);

}  // namespace ccrsim
