#include "scenario/yaml_reader.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace ccrsim::reader {
namespace {

using Lines = std::vector<std::string>;

// Reads `yaml` (a map) with the given keys and hands its fields to `body`; returns the error lines.
template <class Body>
Lines read(const std::string& yaml, Keys allowed, Body body) {
  Diagnostics diags("r.yaml");
  YamlReader reader(diags);
  if (auto f = reader.read_map(YAML::Load(yaml), {1, 1}, "thing", allowed, "in thing")) body(reader, *f);
  return diags.render();
}

TEST_CASE("yaml reader: maps name unknown and duplicate keys at the key") {
  CHECK(read("{a: 1, b: 2}", {"a"}, [](YamlReader&, const Fields&) {}) ==
        Lines{"r.yaml:1:8: error: unknown key 'b' in thing (known keys: a)"});
  CHECK(read("{a: 1, a: 2}", {"a"}, [](YamlReader&, const Fields&) {}) ==
        Lines{"r.yaml:1:8: error: duplicate key 'a' in thing (first at line 1)"});
  CHECK(read("[1]", {"a"}, [](YamlReader&, const Fields&) {}) ==
        Lines{"r.yaml:1:1: error: thing must be a map, got a list"});
  CHECK(read("{}", {"a"}, [](YamlReader& r, const Fields& f) { CHECK(r.require(f, "a", "in thing") == nullptr); }) ==
        Lines{"r.yaml:1:1: error: missing required key 'a' in thing"});
}

TEST_CASE("yaml reader: typed scalars and their ranges") {
  const auto fields = [](YamlReader& r, const Fields& f) {
    CHECK(r.read_int(*f.get("n"), 1, 10) == 7);
    CHECK_FALSE(r.read_int(*f.get("big"), 1, 10).has_value());
    CHECK(r.read_bool(*f.get("yes")) == true);
    CHECK_FALSE(r.read_number(*f.get("word")).has_value());
    CHECK(r.read_string(*f.get("word")) == "x");
    CHECK_FALSE(r.read_string(*f.get("empty")).has_value());
  };
  CHECK(read("{n: 7, big: 11, yes: true, word: x, empty: }", {}, fields) ==
        Lines{"r.yaml:1:13: error: big must be between 1 and 10, got 11",
              "r.yaml:1:34: error: word must be a number, got 'x'", "r.yaml:1:37: error: empty needs a value"});
}

TEST_CASE("yaml reader: units through sim/units") {
  const auto fields = [](YamlReader& r, const Fields& f) {
    CHECK(r.read_duration(*f.get("d")) == 90 * kUsPerS);
    CHECK(r.read_size(*f.get("s"), 1, 1 << 20) == 2048);
    CHECK(r.read_rate(*f.get("r")) == 2000.0);
    CHECK(r.read_bandwidth(*f.get("b")) == 125'000'000.0);
    CHECK_FALSE(r.read_rate(*f.get("zero")).has_value());
    CHECK_FALSE(r.read_duration(*f.get("list")).has_value());
  };
  CHECK(read("{d: 90s, s: 2kb, r: 2000/s, b: 1gbit/s, zero: 0/s, list: [1]}", {}, fields) ==
        Lines{"r.yaml:1:47: error: zero must be greater than 0, got '0/s'",
              "r.yaml:1:58: error: list must be a duration like '30s', got a list"});
}

TEST_CASE("yaml reader: lists have a limit") {
  Diagnostics diags("r.yaml");
  YamlReader reader(diags);
  CHECK(reader.read_list(YAML::Load("[1, 2]"), {1, 1}, "items", 2)->size() == 2);
  CHECK_FALSE(reader.read_list(YAML::Load("[1, 2, 3]"), {1, 1}, "items", 2).has_value());
  CHECK(reader.read_list(YAML::Load("~"), {1, 1}, "items", 2)->empty());
  CHECK(diags.render() == Lines{"r.yaml:1:1: error: too many items: 3 (at most 2)"});
}

}  // namespace
}  // namespace ccrsim::reader
