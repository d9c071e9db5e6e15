#pragma once
// What every section reader shares: the generic YAML reader, the scenario being built, and the names that other
// sections refer to. Sections are read in the order of the top level (scenario/top_level_reader.cc), so a section
// sees everything it may refer to.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario/scenario.h"
#include "scenario/yaml_reader.h"

namespace ccrsim::reader {

class SectionReader : public YamlReader {
 public:
  // `domain_names`: every domain declared, even one with errors, so references to it are not reported twice.
  SectionReader(Diagnostics& diags, Scenario& scenario, std::vector<std::string>& domain_names)
      : YamlReader(diags), s_(scenario), domain_names_(domain_names) {}

  // A declared domain's name.
  std::optional<std::string> read_domain_ref(const Entry& e);
  // `[a, b]`: two different declared domains.
  std::optional<std::pair<std::string, std::string>> read_domain_pair(const Entry& e);
  // A valid OpenSearch index name.
  std::optional<std::string> read_index_name(const Entry& e);

 protected:
  Scenario& s_;
  std::vector<std::string>& domain_names_;
};

}  // namespace ccrsim::reader
