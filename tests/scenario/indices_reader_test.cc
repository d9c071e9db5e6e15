#include "scenario/indices_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::kMinimal;
using test::Lines;
using test::load_ok;

TEST_CASE("an index whose docs x doc_size would overflow byte counts is refused") {
  Diagnostics diags("s.yaml");
  const std::string text =
      "name: big\n"
      "domains:\n"
      "  leader-domain: {}\n"
      "indices:\n"
      "  - {domain: leader-domain, name: big, docs: 1000000000000, doc_size: 100mb}\n";
  CHECK_FALSE(load_scenario_text(text, "s.yaml", diags).has_value());
  REQUIRE(diags.render().size() == 1);
  CHECK(diags.render()[0] == "s.yaml:5:46: error: index store too large: docs x doc_size must be at most 1024tb");
}

}  // namespace
}  // namespace ccrsim
