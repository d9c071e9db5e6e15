#include "scenario/yaml_size_guard.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "scenario/scenario_limits.h"

namespace ccrsim {
namespace {

std::string nested_lists(int depth) {
  std::string text(static_cast<std::size_t>(depth), '[');
  text += '1';
  text.append(static_cast<std::size_t>(depth), ']');
  return text;
}

TEST_CASE("size guard: an ordinary document passes") {
  YamlSizeGuard guard;
  CHECK(guard.ok(YAML::Load("name: x\ndomains: {a: {}, b: [1, 2, 3]}\n")));
  CHECK_FALSE(guard.too_deep());
}

TEST_CASE("size guard: nesting up to the limit passes - one more level is too deep") {
  const int limit = scenario_limits::kMaxYamlDepth;
  // The root is depth 0, so `limit` lists put the scalar at depth `limit`.
  YamlSizeGuard fits;
  CHECK(fits.ok(YAML::Load(nested_lists(limit))));
  YamlSizeGuard deep;
  CHECK_FALSE(deep.ok(YAML::Load(nested_lists(limit + 1))));
  CHECK(deep.too_deep());
  CHECK(deep.where().line == 1);
  CHECK(deep.where().col == limit + 2);  // the innermost scalar, after limit + 1 brackets
}

TEST_CASE("size guard: a billion-laughs document is stopped and blamed on its top-level entry") {
  // Ten levels of ten aliases each expand to 10^7 nodes, past the node limit.
  // Written with a stream: GCC 12 warns falsely (-Wrestrict, PR105329) on long string concatenations.
  std::ostringstream yaml;
  yaml << "name: x\nl0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
  for (int i = 1; i <= 7; ++i) {
    yaml << 'l' << i << ": &l" << i << " [";
    for (int k = 0; k < 10; ++k) yaml << (k ? ", " : "") << "*l" << (i - 1);
    yaml << "]\n";
  }
  YamlSizeGuard guard;
  CHECK_FALSE(guard.ok(YAML::Load(yaml.str())));
  CHECK_FALSE(guard.too_deep());
  // l6 expands to 10^7 nodes by itself: counting stops inside it, and the error points at its entry (line 8).
  CHECK(guard.where().line == 8);
}

}  // namespace
}  // namespace ccrsim
