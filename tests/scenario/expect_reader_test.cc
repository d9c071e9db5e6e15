#include "scenario/expect_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::Lines;
using test::load_ok;

// A scenario with one request step whose `expect:` is `expect` (written on line 4, from column 3).
std::string with_expect(const std::string& expect) {
  return "name: t\ndomains: {leader: {}}\nsteps:\n  - {on: leader, request: GET /, expect: " + expect + "}\n";
}

TEST_CASE("expect: status refuses what the matcher would call invalid - at the node") {
  CHECK(errors_of(with_expect("{status: {gtee: 200}}")) ==
        Lines{"s.yaml:4:52: error: invalid expectation at status: unknown operator 'gtee' (operators are: eq, ne, "
              "gt, gte, lt, lte, contains, matches, exists, length, one_of, same_as)"});
  CHECK(errors_of(with_expect("{status: {gte: 200, lt: 300}}")) ==
        Lines{"s.yaml:4:51: error: invalid expectation at status: status needs a number or an operator map of one "
              "operator like {gte: 200}, got a map of 2 keys"});
  CHECK(errors_of(with_expect("{status: {}}")) ==
        Lines{"s.yaml:4:51: error: invalid expectation at status: status needs a number or an operator map of one "
              "operator like {gte: 200}, got an empty map"});
  CHECK(errors_of(with_expect("{status: {gte: ok}}")) ==
        Lines{"s.yaml:4:57: error: invalid expectation at status: gte needs a number, got 'ok'"});
  CHECK(errors_of(with_expect("{status: {one_of: 200}}")) ==
        Lines{"s.yaml:4:60: error: invalid expectation at status: one_of needs a list, got '200'"});
  // A number is still an HTTP status.
  CHECK(errors_of(with_expect("{status: 99}")) ==
        Lines{"s.yaml:4:51: error: status must be between 100 and 599, got 99"});
}

TEST_CASE("expect: body operands - nested and inside one_of - length and contains") {
  CHECK(errors_of(with_expect("{body: {hits: {total: {gt: ten}}}}")) ==
        Lines{"s.yaml:4:69: error: invalid expectation at body/hits/total: gt needs a number, got 'ten'"});
  CHECK(errors_of(with_expect("{body: {found: {exists: 1}}}")) ==
        Lines{"s.yaml:4:66: error: invalid expectation at body/found: exists needs true or false, got '1'"});
  CHECK(errors_of(with_expect("{body: {items: {length: {gtee: 2}}}}")) ==
        Lines{"s.yaml:4:67: error: invalid expectation at body/items: unknown operator 'gtee' (operators are: eq, "
              "ne, gt, gte, lt, lte, contains, matches, exists, length, one_of, same_as)"});
  CHECK(errors_of(with_expect("{body: {items: {length: {lt: [2]}}}}")) ==
        Lines{"s.yaml:4:71: error: invalid expectation at body/items (length): lt needs a number, got a list"});
  CHECK(errors_of(with_expect("{body: {s: {one_of: [A, {matches: 5}]}}}")) ==
        Lines{"s.yaml:4:76: error: invalid expectation at body/s: matches needs a regex string, got '5'"});
  CHECK(errors_of(with_expect("{body: [{a: {lt: x}}]}")) ==
        Lines{"s.yaml:4:59: error: invalid expectation at body/0/a: lt needs a number, got 'x'"});
  CHECK(errors_of(with_expect("{body: {list: {contains: {n: {gte: x}}}}}")) ==
        Lines{"s.yaml:4:77: error: invalid expectation at body/list/n: gte needs a number, got 'x'"});
  CHECK(errors_of(with_expect("{body: {other: {same_as: 5}}}")) ==
        Lines{"s.yaml:4:67: error: invalid expectation at body/other: same_as needs a JSON pointer string, got '5'"});
}

TEST_CASE("expect: regexes and JSON pointers that can never match are refused") {
  const Lines regex = errors_of(with_expect("{body: {s: {matches: '(a'}}}"));
  REQUIRE(regex.size() == 1);
  CHECK(regex[0].starts_with("s.yaml:4:63: error: invalid expectation at body/s: invalid regex '(a': "));
  const Lines pointer = errors_of(with_expect("{body: {s: {same_as: a/b}}}"));
  REQUIRE(pointer.size() == 1);
  CHECK(pointer[0].starts_with("s.yaml:4:63: error: invalid expectation at body/s: invalid JSON pointer 'a/b': "));
}

TEST_CASE("expect: what the matcher accepts still loads") {
  const Scenario s = load_ok(
      with_expect("{status: {one_of: [200, 201]}, body: {a: {gte: 1, lte: 2}, b: {gtee: 1}, c: {contains: {x: 1}}, "
                  "d: {length: {gte: 1}}, e: {eq: {gt: x}}, f: {same_as: /a}, g: {matches: '^a+$'}, "
                  "h: {exists: false}, i: [1, {ne: 2}]}}"));
  REQUIRE(s.steps.size() == 1);
  REQUIRE(s.steps[0].expect.has_value());
  CHECK(s.steps[0].expect->status->dump() == R"({"one_of":[200,201]})");
  // A map of several operator names is matched key by key, and an unknown key in a body is a plain key.
  CHECK(s.steps[0].expect->body->at("a").dump() == R"({"gte":1,"lte":2})");
  CHECK(s.steps[0].expect->body->at("b").dump() == R"({"gtee":1})");
}

}  // namespace
}  // namespace ccrsim
