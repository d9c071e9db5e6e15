#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>

#include "sim/diagnostics.h"

namespace ccrsim {

// Rejects documents that are too deep or too large once aliases are expanded (a self-referencing anchor or a
// "billion laughs" document), before anything walks them.
class YamlSizeGuard {
 public:
  bool ok(const YAML::Node& node) { return visit(node, 0); }
  bool too_deep() const { return too_deep_; }
  SourcePos where() const { return where_; }

 private:
  bool visit(const YAML::Node& node, int depth);
  std::int64_t nodes_ = 0;
  bool too_deep_ = false;
  SourcePos top_level_{1, 1};
  SourcePos where_;
};

}  // namespace ccrsim
