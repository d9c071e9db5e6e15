#include "model/rest/settings_format.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace ccrsim {
namespace {

using Keys = std::vector<std::string>;

Keys keys_of(const json& object) {
  Keys out;
  for (const auto& [k, v] : object.items()) out.push_back(k);
  return out;
}

TEST_CASE("settings: values are stored as text - arrays element-wise - null kept") {
  CHECK(setting_value(json(3)) == "3");
  CHECK(setting_value(json(1.5)) == "1.5");
  CHECK(setting_value(json(true)) == "true");
  CHECK(setting_value(json("1s")) == "1s");
  CHECK(setting_value(json(nullptr)).is_null());
  CHECK(setting_value(json::array({1, "x", false})) == json::array({"1", "x", "false"}));
  CHECK(setting_text(json(nullptr)) == "");
  CHECK(setting_text(json("a")) == "a");
}

TEST_CASE("settings: nested and dotted bodies flatten to the same dotted keys") {
  FlatSettings flat;
  std::string error;
  REQUIRE(flatten_settings(json::parse(R"({"index": {"number_of_shards": 3, "refresh_interval": "1s"},
                                            "index.blocks.write": true, "removed": null})"),
                           flat, error));
  CHECK(error.empty());
  CHECK(flat.size() == 4);
  CHECK(flat.at("index.number_of_shards") == "3");
  CHECK(flat.at("index.refresh_interval") == "1s");
  CHECK(flat.at("index.blocks.write") == "true");
  CHECK(flat.at("removed").is_null());
}

TEST_CASE("settings: a body that is not an object is refused with its JSON type") {
  FlatSettings flat;
  std::string error;
  CHECK_FALSE(flatten_settings(json::array(), flat, error));
  CHECK(error == "settings must be an object, got array");
  CHECK_FALSE(flatten_settings(json("x"), flat, error));
  CHECK(error == "settings must be an object, got string");
  CHECK(flat.empty());
}

TEST_CASE("settings: flat_settings prints dotted keys sorted") {
  const FlatSettings flat = {{"index.b", "2"}, {"index.a", "1"}, {"cluster.x", "y"}};
  const json out = settings_to_xcontent(flat, true);
  CHECK(keys_of(out) == Keys{"cluster.x", "index.a", "index.b"});
  CHECK(out["index.a"] == "1");
}

TEST_CASE("settings: without flat_settings keys nest at each dot") {
  const json out = settings_to_xcontent({{"index.a", "1"}, {"index.b", "2"}, {"index.c.d", "3"}}, false);
  CHECK(out == json::parse(R"({"index": {"a": "1", "b": "2", "c": {"d": "3"}}})"));
}

TEST_CASE("settings: a value and a map under one key keep the dotted key as Settings does") {
  // "a" holds a value, so "a.b" cannot nest under it and stays dotted beside it.
  const json out = settings_to_xcontent({{"a", "x"}, {"a.b", "y"}}, false);
  CHECK(out["a"] == "x");
  CHECK(out["a.b"] == "y");
  CHECK(out.size() == 2);
  // In HashMap order: hash("a.b") = 94741, spread to 94740, lands in bucket 0 of 4; "a" (97) in bucket 1.
  CHECK(keys_of(out) == Keys{"a.b", "a"});
}

TEST_CASE("settings: HashMap order is by bucket (hash ^ hash >>> 16) & (capacity - 1)") {
  // Capacity 4 for two or three keys: "d" (100) is bucket 0, "c" (99) bucket 3.
  CHECK(java_hash_map_order({"c", "d"}) == Keys{"d", "c"});
  CHECK(java_hash_map_order({"a", "b", "c"}) == Keys{"a", "b", "c"});
  // Four keys grow the table to 8: "p" (112) is bucket 0, "i" (105), "a" (97) and "q" (113) bucket 1.
  CHECK(java_hash_map_order({"i", "a", "p", "q"}) == Keys{"p", "i", "a", "q"});
  CHECK(java_hash_map_order({}).empty());
}

TEST_CASE("settings: keys in one bucket keep their insertion order") {
  // "Aa" and "BB" have the same String.hashCode (2112).
  CHECK(java_hash_map_order({"BB", "Aa"}) == Keys{"BB", "Aa"});
  CHECK(java_hash_map_order({"Aa", "BB"}) == Keys{"Aa", "BB"});
}

}  // namespace
}  // namespace ccrsim
