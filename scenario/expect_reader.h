#pragma once
// A step's `expect:` (docs/scenarios.md): `status` and `body`.
#include <string>

#include "scenario/scenario.h"
#include "scenario/yaml_reader.h"

namespace ccrsim::reader {

class ExpectReader : public YamlReader {
 public:
  using YamlReader::YamlReader;
  void read(const Entry& e, StepSpec& step, const std::string& context);
};

}  // namespace ccrsim::reader
