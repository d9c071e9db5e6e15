#pragma once
// Reads the one YAML document a ccrsim file holds (a scenario, a sweep), without yaml-cpp's LoadAll.
// yaml-cpp 0.7 (Debian's) loops for ever in LoadAll on a stray ',' at document level, allocating a null document per
// turn until memory runs out (yaml-cpp issue #1040, fixed upstream by PR #1319). This reader walks the documents with
// a parser of its own, notices a document that starts where the one before it started, and stops there with an error.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "sim/diagnostics.h"

namespace ccrsim {

struct YamlProblem {
  SourcePos pos;
  std::string message;  // "invalid YAML: …" or "… holds one YAML document; this is document N"
};

struct YamlDocument {
  YAML::Node root;  // the first document; null when the text holds none
  std::optional<YamlProblem> problem;
};

// `what` names the file in the one-document message: "a scenario file", "a sweep file".
YamlDocument read_yaml_document(const std::string& text, const std::string& what);

}  // namespace ccrsim
