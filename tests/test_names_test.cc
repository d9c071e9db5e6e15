#include <catch2/catch.hpp>
#include <string>

// ctest runs each test by passing its name to Catch2 as a filter. A name with ',' (Catch2's filter separator), ';'
// (CMake's list separator) or brackets (tags) selects nothing there, so the test would silently not run.
TEST_CASE("every unit test name is selectable by ctest") {
  for (const Catch::TestCase& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    INFO(test.name);
    CHECK(test.name.find_first_of(",;[]") == std::string::npos);
  }
}
