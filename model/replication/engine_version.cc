#include "model/replication/engine_version.h"

#include <cstdlib>

namespace ccrsim {

EngineVersion parse_engine_version(const std::string& text) {
  EngineVersion v;
  const auto underscore = text.find('_');
  if (underscore == std::string::npos) return v;
  const std::string family = text.substr(0, underscore);
  const std::string number = text.substr(underscore + 1);
  const auto dot = number.find('.');
  if (dot == std::string::npos) return v;
  const int major = std::atoi(number.substr(0, dot).c_str());
  const int minor = std::atoi(number.substr(dot + 1).c_str());
  if (family == "Elasticsearch") return EngineVersion{false, 1, 0};
  return EngineVersion{true, major, minor};
}

}  // namespace ccrsim
