#include "scenario/yaml_size_guard.h"

#include "scenario/scenario_limits.h"
#include "scenario/yaml_reader.h"

namespace ccrsim {

namespace lim = scenario_limits;
using reader::pos_of;

bool YamlSizeGuard::visit(const YAML::Node& node, int depth) {
  // Blame the top-level entry that grew too large: the node where counting stopped is usually inside an
  // anchor far away from the alias that multiplied it.
  if (depth == 1) top_level_ = pos_of(node);
  if (++nodes_ > lim::kMaxYamlNodes) {
    where_ = top_level_;
    return false;
  }
  if (depth > lim::kMaxYamlDepth) {
    too_deep_ = true;
    where_ = pos_of(node);
    return false;
  }
  if (node.IsSequence()) {
    for (const YAML::Node& item : node) {
      if (!visit(item, depth + 1)) return false;
    }
  } else if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!visit(it->first, depth + 1) || !visit(it->second, depth + 1)) return false;
    }
  }
  return true;
}

}  // namespace ccrsim
