#include "scenario/section_reader.h"

#include "scenario/name_rules.h"

namespace ccrsim::reader {

std::optional<std::string> SectionReader::read_domain_ref(const Entry& e) {
  auto name = read_string(e);
  if (!name) return std::nullopt;
  if (!contains(domain_names_, *name)) {
    error(e.value_pos, "unknown domain " + in_quotes(*name) + " (domains are: " + join(domain_names_) + ")");
    return std::nullopt;
  }
  return name;
}

std::optional<std::pair<std::string, std::string>> SectionReader::read_domain_pair(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsSequence() || e.value.size() != 2) {
    error(e.value_pos,
          e.key + " must be a list of two domains like [leader-domain, follower-domain], got " + describe(e.value));
    return std::nullopt;
  }
  const Entry a{e.key, e.value[0], e.value_pos, pos_of(e.value[0], e.value_pos)};
  const Entry b{e.key, e.value[1], e.value_pos, pos_of(e.value[1], e.value_pos)};
  auto first = read_domain_ref(a);
  auto second = read_domain_ref(b);
  if (!first || !second) return std::nullopt;
  if (*first == *second) {
    error(b.value_pos, e.key + " needs two different domains, got " + in_quotes(*first) + " twice");
    return std::nullopt;
  }
  return std::make_pair(*first, *second);
}

std::optional<std::string> SectionReader::read_index_name(const Entry& e) {
  auto name = read_string(e);
  if (!name) return std::nullopt;
  if (std::string problem = index_name_problem(*name); !problem.empty()) {
    error(e.value_pos, "index name " + in_quotes(*name) + " " + problem);
    return std::nullopt;
  }
  return name;
}

}  // namespace ccrsim::reader
