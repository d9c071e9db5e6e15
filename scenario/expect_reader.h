#pragma once
// A step's `expect:` (docs/scenarios.md): `status` and `body`, checked against the expectation grammar
// (scenario/expectation_grammar.h) so that every expectation the matcher would call invalid is refused at load,
// with the position of the offending node, instead of failing the run.
#include <string>

#include "scenario/expectation_grammar.h"
#include "scenario/scenario.h"
#include "scenario/yaml_reader.h"

namespace ccrsim::reader {

class ExpectReader : public YamlReader {
 public:
  using YamlReader::YamlReader;
  void read(const Entry& e, StepSpec& step, const std::string& context);

 private:
  void check_status(const Entry& status, const json& expected);
  // `node` is the YAML that `expected` was converted from; `path` names it as the matcher does ("body/hits").
  void check_value(const YAML::Node& node, SourcePos pos, const json& expected, const std::string& path);
  // `node` is an operator map: its one operand must suit the operator.
  void check_operator(const YAML::Node& node, SourcePos pos, const json& expected, const std::string& path);
  void check_operand(const ExpectOperatorInfo& info, const YAML::Node& node, SourcePos pos, const json& operand,
                     const std::string& path);
  // A map of one key that is not an operator where an operator map is needed: names the key.
  bool report_unknown_operator(const YAML::Node& node, SourcePos pos, const json& expected, const std::string& path);
  void report(SourcePos pos, const std::string& path, const std::string& problem);
};

}  // namespace ccrsim::reader
