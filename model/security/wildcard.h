#pragma once
// Glob matching as IAM policies (`es:ESHttp*`, `arn:aws:es:*:*:domain/x`) and the security plugin (index patterns,
// allowed_actions such as `indices:admin/plugins/replication/*`) use it: `*` matches any run of characters, `?`
// exactly one. Nothing else is special.
#include <string_view>

namespace ccrsim {

bool wildcard_match(std::string_view pattern, std::string_view text);
// The same with ASCII case folded (IAM action names are case-insensitive).
bool wildcard_match_nocase(std::string_view pattern, std::string_view text);

}  // namespace ccrsim
