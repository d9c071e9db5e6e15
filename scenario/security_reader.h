#pragma once
// A domain's `security:` (docs/security.md): internal users and the roles they are mapped to.
#include "scenario/scenario.h"
#include "scenario/yaml_reader.h"

namespace ccrsim::reader {

class SecurityReader : public YamlReader {
 public:
  using YamlReader::YamlReader;
  void read(const Entry& e, DomainSpec& d);
};

}  // namespace ccrsim::reader
