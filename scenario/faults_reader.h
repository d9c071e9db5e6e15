#pragma once
// `faults:` (docs/faults.md): one fault of a kind at a time, or a `random:` entry.
#include <map>
#include <string>

#include "scenario/section_reader.h"

namespace ccrsim::reader {

class FaultsReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);

 private:
  void read_fault(const YAML::Node& node, std::size_t index, std::map<std::string, SourcePos>& names);
  void read_random_entry(const Fields& f, std::size_t index, const std::string& ctx, FaultSpec& fault);
  // The entry that names the fault's kind (and sets fault.kind), or nullptr after reporting none or several.
  const Entry* read_kind(const Fields& f, FaultSpec& fault);
  void read_timing(const Fields& f, const std::string& ctx, const Entry* kind_entry, FaultSpec& fault);
  void read_target(const Entry& k, const std::string& ctx, FaultSpec& fault);
  void read_link_change(const Entry& k, const std::string& ctx, FaultSpec& fault);
  void read_node_down(const Entry& k, const std::string& ctx, FaultSpec& fault);
  void read_name(const Fields& f, std::size_t index, const Entry* kind_entry, std::map<std::string, SourcePos>& names,
                 FaultSpec& fault);
};

}  // namespace ccrsim::reader
