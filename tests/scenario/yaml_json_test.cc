#include "scenario/yaml_json.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("YAML scalars become typed JSON - quoted ones stay strings") {
  const YAML::Node node = YAML::Load(
      "{a: ~, b: null, c: , d: true, e: false, f: 12, g: -3, h: 1.5, i: 1e3, j: \"12\", k: 'true', l: !!str 7, "
      "m: 1e400, n: 18446744073709551615, o: hello, p: [1, x], q: {z: 1, y: 2}, r: yes, s: 0x1F, t: .5}");
  CHECK(yaml_to_json(node).dump() ==
        R"({"a":null,"b":null,"c":null,"d":true,"e":false,"f":12,"g":-3,"h":1.5,"i":1000.0,"j":"12","k":"true",)"
        R"("l":"7","m":"1e400","n":18446744073709551615,"o":"hello","p":[1,"x"],"q":{"z":1,"y":2},"r":"yes",)"
        R"("s":"0x1F","t":0.5})");
  const YAML::Node self = YAML::Load("&a [*a]");
  CHECK(yaml_to_json(self, 3).dump() == "[[[[null]]]]");
}

}  // namespace
}  // namespace ccrsim
