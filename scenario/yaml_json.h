#pragma once
// YAML -> JSON for the free-form parts of a scenario (request bodies, access policies, roles, expectations).
#include <yaml-cpp/yaml.h>

#include "sim/json.h"

namespace ccrsim {

// Plain scalars resolve like YAML 1.2's core schema: `~`, `null` or empty -> null, `true`/`false` -> bool,
// integers -> integer, decimals -> float, anything else -> string. Quoted scalars (and `!!str`) stay strings;
// numbers that do not fit a double (`1e400`) stay strings too, since JSON has no infinity. Maps keep their
// order. Nodes deeper than max_depth become null so self-referencing aliases cannot recurse forever; the
// loader rejects such documents before converting anything.
json yaml_to_json(const YAML::Node& node, int max_depth = 64);

// The JSON value of one scalar node, resolved as above.
json yaml_scalar_to_json(const YAML::Node& node);

}  // namespace ccrsim
