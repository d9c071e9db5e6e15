#include "app/sweep/scenario_patch.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

const char* const kScenario = R"(name: patch
domains:
  lead-domain: {region: us-east-1}
  follow-domain:
    capacity: {shard_index_rate: 4000/s}
    settings:
      plugins.replication.follower.index.ops_batch_size: 1000
network:
  links:
    - {between: [lead-domain, follow-domain], latency: "40ms"}
workload:
  - {domain: lead-domain, index: logs, rate: 2000/s}
  - {domain: lead-domain, index: other, rate: 'it''s'}
)";

ScalarSpan resolve_ok(const std::string& path) {
  std::string error;
  const std::optional<ScalarSpan> span = resolve_scalar(kScenario, path, error);
  INFO(path << ": " << error);
  REQUIRE(span);
  return *span;
}

std::string resolve_error(const std::string& path) {
  std::string error;
  CHECK_FALSE(resolve_scalar(kScenario, path, error));
  return error;
}

TEST_CASE("scenario patch: paths reach list elements and domains by name", "[sweep]") {
  CHECK(resolve_ok("workload[0].rate").value == "2000/s");
  CHECK(resolve_ok("workload[1].index").value == "other");
  CHECK(resolve_ok("domains.follow-domain.capacity.shard_index_rate").value == "4000/s");
  CHECK(resolve_ok("network.links[0].between[1]").value == "follow-domain");
}

TEST_CASE("scenario patch: flat dotted settings keys match as written", "[sweep]") {
  const ScalarSpan span =
      resolve_ok("domains.follow-domain.settings.plugins.replication.follower.index.ops_batch_size");
  CHECK(span.value == "1000");
  CHECK(span.quote == 0);
}

TEST_CASE("scenario patch: edits replace only the value and keep its quoting", "[sweep]") {
  const std::string text = kScenario;
  const std::vector<ScalarEdit> edits = {{resolve_ok("workload[0].rate"), "5000/s"},
                                         {resolve_ok("network.links[0].latency"), "150ms"},
                                         {resolve_ok("workload[1].rate"), "a'b"}};
  const std::string out = apply_scalar_edits(text, edits);
  CHECK(out.find("rate: 5000/s}") != std::string::npos);
  CHECK(out.find("latency: \"150ms\"}") != std::string::npos);
  CHECK(out.find("rate: 'a''b'}") != std::string::npos);
  CHECK(out.find("2000/s") == std::string::npos);
  // Everything else, lines included, is untouched.
  CHECK(std::count(out.begin(), out.end(), '\n') == std::count(text.begin(), text.end(), '\n'));
  std::string error;
  const std::optional<ScalarSpan> again = resolve_scalar(out, "workload[1].rate", error);
  REQUIRE(again);
  CHECK(again->value == "a'b");
}

TEST_CASE("scenario patch: a path that does not exist says which part is missing", "[sweep]") {
  CHECK(resolve_error("workload[2].rate").find("'workload' has no element [2] (it has 2)") != std::string::npos);
  CHECK(resolve_error("domains.nobody.capacity").find("'domains' has no key 'nobody'") != std::string::npos);
  CHECK(resolve_error("domains.follow-domain.capacity.shard_read_rate").find("has no key 'shard_read_rate'") !=
        std::string::npos);
  CHECK(resolve_error("network.links").find("is a list") != std::string::npos);
  CHECK(resolve_error("name.first").find("is not a map") != std::string::npos);
  CHECK(resolve_error("workload[x].rate").find("bad list index") != std::string::npos);
  CHECK(resolve_error("workload..rate").find("empty key") != std::string::npos);
}

}  // namespace
}  // namespace ccrsim
