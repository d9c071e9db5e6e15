#include "scenario/steps_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::Lines;
using test::load_ok;

TEST_CASE("steps: the three kinds and the keys each allows") {
  const Scenario s = load_ok(R"(name: t
domains: {leader: {}}
steps:
  - {on: leader, request: put /logs, body: {settings: {}}, within: 1m, every: 5s}
  - {on: leader, aws: describe-outbound-connections, args: {max_results: 5}}
  - {wait: 30s}
)");
  REQUIRE(s.steps.size() == 3);
  CHECK(s.steps[0].method == "PUT");
  CHECK(s.steps[0].path == "logs");
  CHECK(s.steps[0].every_us == 5 * kUsPerS);
  CHECK(s.steps[1].aws_operation == "describe-outbound-connections");
  CHECK(s.steps[1].aws_args.dump() == R"({"max_results":5})");
  CHECK(s.steps[2].wait_us == 30 * kUsPerS);

  CHECK(errors_of(R"(name: t
domains: {leader: {}}
steps:
  - {wait: 1s, on: leader, body: x}
  - {on: leader, request: GET x, aws: describe-outbound-connections}
  - {on: leader, request: GET x, every: 1s}
)") == Lines{"s.yaml:4:16: error: 'on' is only allowed in 'request' and 'aws' steps",
             "s.yaml:4:28: error: 'body' is only allowed in 'request' steps",
             "s.yaml:5:5: error: a step has exactly one of 'request', 'aws' or 'wait'",
             "s.yaml:6:34: error: 'every' needs 'within' (it sets how often a polling step repeats)"});
}

}  // namespace
}  // namespace ccrsim
