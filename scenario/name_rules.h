#pragma once
// The names a scenario gives to AWS and OpenSearch things, checked as the services check them.
#include <string>

namespace ccrsim {

// Amazon OpenSearch Service domain names: 3-28 characters of a-z, 0-9 and '-', starting with a letter.
bool valid_domain_name(const std::string& name);
// Cross-cluster connection aliases: 2-100 characters of letters, digits, '_' and '-', starting with a letter.
bool valid_alias(const std::string& alias);
// Why `name` is not a valid OpenSearch index name ("must be lower case"), or empty when it is.
std::string index_name_problem(const std::string& name);

}  // namespace ccrsim
