#pragma once
// Auto-follow patterns (docs/autofollow.md "The API", "The task"): OpenSearch's simple wildcard syntax, where `*`
// stands for any run of characters (the empty one included) and every other character only for itself,
// case-sensitively. The plugin rejects commas, so a rule has exactly one pattern and no `-exclusion`.
#include <string>
#include <string_view>
#include <vector>

#include "model/wildcard.h"  // simple_match: what a rule matches

namespace ccrsim {

// Is there at least one name that matches every pattern? Decided on the product of the patterns' automata. The
// search is bounded (kMaxIntersectionStates); past the bound the answer is a conservative `true`.
inline constexpr std::size_t kMaxIntersectionStates = 200'000;
bool patterns_intersect(const std::vector<std::string>& patterns);

// ValidationUtil.validatePattern: the messages for an auto-follow pattern, in the plugin's order; empty when valid.
std::vector<std::string> autofollow_pattern_problems(const std::string& pattern);

}  // namespace ccrsim
