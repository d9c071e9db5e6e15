#include "sim/diagnostics.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace ccrsim {
namespace {

TEST_CASE("diagnostics: an offset maps to a 1-based line and byte column") {
  const std::string text = "ab\ncd\n\nef";
  CHECK(position_of_offset(text, 0).line == 1);
  CHECK(position_of_offset(text, 0).col == 1);
  CHECK(position_of_offset(text, 1).col == 2);
  // The newline itself is still on its line; the byte after it starts the next one.
  CHECK(position_of_offset(text, 2).line == 1);
  CHECK(position_of_offset(text, 2).col == 3);
  CHECK(position_of_offset(text, 3).line == 2);
  CHECK(position_of_offset(text, 3).col == 1);
  CHECK(position_of_offset(text, 7).line == 4);  // past an empty line
  CHECK(position_of_offset(text, 7).col == 1);
}

TEST_CASE("diagnostics: an offset past the end stops at the end of the text") {
  const std::string text = "x\ny";
  const SourcePos end = position_of_offset(text, text.size());
  const SourcePos beyond = position_of_offset(text, text.size() + 100);
  CHECK(end.line == 2);
  CHECK(end.col == 2);
  CHECK(beyond.line == end.line);
  CHECK(beyond.col == end.col);
  CHECK(position_of_offset("", 5).line == 1);
}

TEST_CASE("diagnostics: columns count bytes - not characters") {
  const std::string text = "\xc3\xa9x";  // U+00E9 is two bytes
  CHECK(position_of_offset(text, 2).col == 3);
}

TEST_CASE("diagnostics: render sorts by line then column as FILE:LINE:COL: error: MESSAGE") {
  Diagnostics d("s.yaml");
  d.error({3, 1}, "third");
  d.error({1, 9}, "first-late");
  d.error({1, 2}, "first-early");
  REQUIRE(d.size() == 3);
  CHECK_FALSE(d.empty());
  const std::vector<std::string> expected = {"s.yaml:1:2: error: first-early", "s.yaml:1:9: error: first-late",
                                             "s.yaml:3:1: error: third"};
  CHECK(d.render() == expected);
  // render() does not reorder what was recorded.
  CHECK(d.items()[0].message == "third");
}

TEST_CASE("diagnostics: equal positions keep their recording order") {
  Diagnostics d("f");
  d.error({2, 4}, "b");
  d.error({2, 4}, "a");
  d.error({2, 4}, "c");
  const std::vector<std::string> expected = {"f:2:4: error: b", "f:2:4: error: a", "f:2:4: error: c"};
  CHECK(d.render() == expected);
}

TEST_CASE("diagnostics: an unknown position prints as 1:1 and sorts first") {
  Diagnostics d("f.yaml");
  d.error({2, 2}, "known");
  d.error({}, "unknown");
  const std::vector<std::string> expected = {"f.yaml:1:1: error: unknown", "f.yaml:2:2: error: known"};
  CHECK(d.render() == expected);
  CHECK(d.file() == "f.yaml");
}

TEST_CASE("diagnostics: none recorded renders nothing") {
  Diagnostics d("f.yaml");
  CHECK(d.empty());
  CHECK(d.render().empty());
}

}  // namespace
}  // namespace ccrsim
