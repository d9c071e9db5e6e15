#pragma once
// A fault entry's `random:` (docs/faults.md): fault kinds drawn over targets with a mean time between failures.
#include <optional>
#include <string>

#include "scenario/section_reader.h"

namespace ccrsim::reader {

class RandomFaultsReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  // nullopt when anything in the entry was wrong (each problem reported).
  std::optional<RandomFaultSpec> read(const Entry& e, const std::string& context);

 private:
  // Returns whether a link kind (link_down, latency, bandwidth) is among them.
  bool read_kinds(const Fields& f, const std::string& context, RandomFaultSpec& r);
  void read_targets(const Fields& f, const std::string& context, bool link_kind, RandomFaultSpec& r);
  void read_window(const Fields& f, const std::string& context, RandomFaultSpec& r);
};

}  // namespace ccrsim::reader
