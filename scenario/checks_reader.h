#pragma once
// `checks:` (docs/scenarios.md): a metric of the run against one limit (max, min or eq).
#include <string>

#include "scenario/section_reader.h"

namespace ccrsim::reader {

class ChecksReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);

 private:
  void read_check(const YAML::Node& node, std::size_t index);
  void read_metric(const Fields& f, const std::string& ctx, CheckSpec& check);
  void read_scope(const Fields& f, CheckSpec& check);
  void read_bound(const Fields& f, CheckSpec& check);
};

}  // namespace ccrsim::reader
