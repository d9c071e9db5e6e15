#pragma once
// Glob matching, in the two dialects the simulated systems use:
// - OpenSearch's Regex.simpleMatch (index expressions, auto-follow patterns, cluster settings): `*` matches any run
//   of characters (the empty one included); every other character, `?` too, matches only itself.
// - IAM policies (`es:ESHttp*`, `arn:aws:es:*:*:domain/x`) and the security plugin (index patterns, allowed_actions
//   such as `indices:admin/plugins/replication/*`): `*` as above and `?` exactly one character.
// One greedy matcher with a single backtrack point serves both: linear in practice and never exponential, whatever
// a request's pattern holds.
#include <string_view>

namespace ccrsim {

// Regex.simpleMatch: `*` only, case-sensitive.
bool simple_match(std::string_view pattern, std::string_view text);

// `*` and `?`, case-sensitive.
bool wildcard_match(std::string_view pattern, std::string_view text);
// The same with ASCII case folded (IAM action names are case-insensitive).
bool wildcard_match_nocase(std::string_view pattern, std::string_view text);

}  // namespace ccrsim
