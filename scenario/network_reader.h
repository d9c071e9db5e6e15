#pragma once
// `network:` (docs/scenarios.md): the default link and the links between pairs of domains.
#include "scenario/section_reader.h"

namespace ccrsim::reader {

class NetworkReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);

 private:
  void read_link_fields(const Fields& f, LinkSpec& link);
};

}  // namespace ccrsim::reader
