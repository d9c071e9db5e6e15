#include "scenario/name_rules.h"

#include <algorithm>
#include <string_view>

#include "scenario/scenario_limits.h"

namespace ccrsim {

namespace lim = scenario_limits;

namespace {

bool is_lower_alnum_dash(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

bool valid_domain_name(const std::string& name) {
  if (name.size() < lim::kMinDomainNameChars || name.size() > lim::kMaxDomainNameChars) return false;
  if (name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), is_lower_alnum_dash);
}

bool valid_alias(const std::string& alias) {
  if (alias.size() < lim::kMinAliasChars || alias.size() > lim::kMaxAliasChars) return false;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(alias[0])) return false;
  return std::all_of(alias.begin(), alias.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

// OpenSearch's index name rules (MetadataCreateIndexService.validateIndexOrAliasName): lower case, no
// `\ / * ? " < > | space , #`, not starting with `_ - +`, not `.` or `..`, at most 255 bytes.
std::string index_name_problem(const std::string& name) {
  if (name.empty()) return "must not be empty";
  if (name.size() > lim::kMaxIndexNameBytes) return "must be at most 255 bytes";
  if (name == "." || name == "..") return "must not be '.' or '..'";
  if (name[0] == '_' || name[0] == '-' || name[0] == '+') return "must not start with '_', '-' or '+'";
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') return "must be lower case";
    if (std::string_view("\\/*?\"<>| ,#:").find(c) != std::string_view::npos) {
      return std::string("must not contain '") + c + "'";
    }
  }
  return "";
}

}  // namespace ccrsim
