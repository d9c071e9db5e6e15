#pragma once
// `steps:` (docs/scenarios.md): REST requests, AWS control-plane calls and waits, with their expectations.
#include <string>

#include "scenario/section_reader.h"

namespace ccrsim::reader {

class StepsReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);

 private:
  void read_step(const YAML::Node& node, std::size_t index);
  void check_kind_keys(const Fields& f, bool request, bool aws, bool wait);
  void read_at(const Fields& f, StepSpec& step);
  void read_request(const Entry& request, StepSpec& step);
  void read_aws(const Fields& f, const Entry& aws, StepSpec& step);
  void read_polling(const Fields& f, StepSpec& step);
};

}  // namespace ccrsim::reader
