#pragma once
// `workload:` (docs/scenarios.md): the writers, and the rollover of the indices they write to.
#include "scenario/section_reader.h"

namespace ccrsim::reader {

class WorkloadReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);

 private:
  void read_rollover(const Entry& e, WorkloadSpec& w, const std::string& context);
  void check_rollover_count(const Entry& e, const WorkloadSpec& w);
};

}  // namespace ccrsim::reader
