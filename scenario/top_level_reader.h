#pragma once
// The top level of a scenario (docs/scenarios.md): its name, seed and times, then each section in an order where
// every section comes after the ones it refers to.
#include "scenario/section_reader.h"

namespace ccrsim::reader {

class TopLevelReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Fields& top);

 private:
  // A duration that must be greater than 0s, or nullopt when absent or wrong.
  std::optional<sim_time_us> read_positive_duration(const Fields& top, const char* key);
  void check_sample_count(SourcePos pos);
};

}  // namespace ccrsim::reader
