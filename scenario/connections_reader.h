#pragma once
// `connections:` and `connection_delays:` (docs/connections.md).
#include "scenario/section_reader.h"

namespace ccrsim::reader {

class ConnectionsReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);
  void read_delays(const Entry& e);
};

}  // namespace ccrsim::reader
