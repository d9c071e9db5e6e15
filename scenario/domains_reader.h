#pragma once
// `domains:` (docs/scenarios.md): each domain's engine, placement, encryption, access policy, security, cluster
// settings and capacity.
#include <map>
#include <string>

#include "scenario/section_reader.h"

namespace ccrsim::reader {

class DomainsReader : public SectionReader {
 public:
  using SectionReader::SectionReader;
  void read(const Entry& e);

 private:
  void read_domain(const std::string& name, const YAML::Node& node, SourcePos pos);
  void read_engine_version(const Fields& f, DomainSpec& d);
  void read_placement(const Fields& f, DomainSpec& d);
  void read_instance_type(const Fields& f, DomainSpec& d);
  void read_encryption(const Fields& f, DomainSpec& d);
  void read_settings(const YAML::Node& node, const std::string& prefix, DomainSpec& d,
                     std::map<std::string, SourcePos>& seen);
  void read_capacity(const Entry& e, DomainSpec& d);
};

}  // namespace ccrsim::reader
