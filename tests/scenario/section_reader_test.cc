#include "scenario/section_reader.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace ccrsim {
namespace {

using Lines = std::vector<std::string>;

// A section reader over two declared domains, and an entry `key: <yaml>` with its value at line 1, column 5.
struct Harness {
  Diagnostics diags{"s.yaml"};
  Scenario scenario;
  std::vector<std::string> domains{"leader", "follower"};
  reader::SectionReader reader{diags, scenario, domains};

  static reader::Entry entry(const std::string& key, const std::string& yaml) {
    return reader::Entry{key, YAML::Load(yaml), {1, 1}, {1, 5}};
  }
};

TEST_CASE("section reader: a domain reference must name a declared domain") {
  Harness h;
  CHECK(h.reader.read_domain_ref(Harness::entry("on", "leader")) == std::optional<std::string>("leader"));
  CHECK_FALSE(h.reader.read_domain_ref(Harness::entry("on", "mars")).has_value());
  CHECK(h.diags.render() == Lines{"s.yaml:1:5: error: unknown domain 'mars' (domains are: leader, follower)"});
}

TEST_CASE("section reader: a domain pair is two different declared domains in order") {
  Harness h;
  const auto pair = h.reader.read_domain_pair(Harness::entry("between", "[follower, leader]"));
  REQUIRE(pair.has_value());
  CHECK(pair->first == "follower");
  CHECK(pair->second == "leader");
  CHECK(h.diags.empty());
}

TEST_CASE("section reader: a domain pair of the wrong shape says what it got") {
  Harness h;
  CHECK_FALSE(h.reader.read_domain_pair(Harness::entry("between", "[leader]")).has_value());
  CHECK_FALSE(h.reader.read_domain_pair(Harness::entry("between", "leader")).has_value());
  CHECK_FALSE(h.reader.read_domain_pair(Harness::entry("between", "[leader, leader]")).has_value());
  CHECK_FALSE(h.reader.read_domain_pair(Harness::entry("between", "[leader, mars]")).has_value());
  const Lines lines = h.diags.render();
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] ==
        "s.yaml:1:5: error: between must be a list of two domains like [leader-domain, follower-domain], got a list");
  CHECK(lines[1] ==
        "s.yaml:1:5: error: between must be a list of two domains like [leader-domain, follower-domain], "
        "got 'leader'");
  // The elements carry their own positions within the flow list.
  CHECK(lines[2] == "s.yaml:1:10: error: between needs two different domains, got 'leader' twice");
  CHECK(lines[3] == "s.yaml:1:10: error: unknown domain 'mars' (domains are: leader, follower)");
}

TEST_CASE("section reader: an index name is checked with the scenario's index rules") {
  Harness h;
  CHECK(h.reader.read_index_name(Harness::entry("index", "logs-1")) == std::optional<std::string>("logs-1"));
  CHECK_FALSE(h.reader.read_index_name(Harness::entry("index", "Logs")).has_value());
  REQUIRE(h.diags.size() == 1);
  CHECK_THAT(h.diags.render()[0], Catch::Matchers::StartsWith("s.yaml:1:5: error: index name 'Logs' "));
}

}  // namespace
}  // namespace ccrsim
