#pragma once
// One JSON type for the whole program. ordered_json keeps insertion order, so every document we print has a
// stable key order without sorting (determinism rule: no unordered iteration into output).
#include <nlohmann/json.hpp>

namespace ccrsim {
using json = nlohmann::ordered_json;
}  // namespace ccrsim
