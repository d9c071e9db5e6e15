#pragma once
// `indices:` (docs/scenarios.md): the indices each domain starts with.
#include "scenario/section_reader.h"

namespace ccrsim::reader {

class IndicesReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);
};

}  // namespace ccrsim::reader
