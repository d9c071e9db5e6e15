#include "model/faults/random_faults.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

Scenario random_scenario(std::uint64_t seed) {
  Scenario s;
  s.seed = seed;
  s.duration_us = 10 * kUsPerH;
  DomainSpec a;
  a.name = "a";
  DomainSpec b;
  b.name = "b";
  b.instance_count = 1;
  s.domains = {a, b};
  FaultSpec fixed;
  fixed.name = "fixed";
  fixed.kind = FaultKind::kLinkDown;
  fixed.at_us = kUsPerH;
  fixed.duration_us = kUsPerMin;
  fixed.a = "a";
  fixed.b = "b";
  FaultSpec random;
  random.name = "chaos";
  RandomFaultSpec r;
  r.kinds = {FaultKind::kLinkDown, FaultKind::kDomainDown, FaultKind::kNodeDown, FaultKind::kLatency};
  r.targets = {"a", "b"};
  r.mtbf_us = 30 * kUsPerMin;
  r.mttr_us = 5 * kUsPerMin;
  r.from_us = kUsPerH;
  r.until_us = 8 * kUsPerH;
  random.random = r;
  s.faults = {fixed, random};
  return s;
}

TEST_CASE("random faults resolve deterministically from the seed inside their window", "[faults]") {
  const std::vector<FaultSpec> first = resolve_faults(random_scenario(5));
  const std::vector<FaultSpec> again = resolve_faults(random_scenario(5));
  const std::vector<FaultSpec> other = resolve_faults(random_scenario(6));
  REQUIRE(first.size() > 3);  // about 14 expected over 7 hours
  REQUIRE(first.size() == again.size());
  CHECK(first[0].name == "fixed");  // fixed faults keep their place
  bool differs = first.size() != other.size();
  for (std::size_t i = 1; i < first.size(); ++i) {
    INFO("fault " << i);
    CHECK(first[i].name == "chaos-" + std::to_string(i));
    CHECK(first[i].at_us == again[i].at_us);
    CHECK(first[i].duration_us == again[i].duration_us);
    CHECK(first[i].kind == again[i].kind);
    CHECK(first[i].at_us > kUsPerH);
    CHECK(first[i].at_us < 8 * kUsPerH);
    if (i > 1) CHECK(first[i].at_us > first[i - 1].at_us);
    REQUIRE(first[i].duration_us.has_value());
    CHECK(*first[i].duration_us >= kUsPerS);
    const bool link = first[i].kind == FaultKind::kLinkDown || first[i].kind == FaultKind::kLatency;
    CHECK(link == !first[i].b.empty());
    if (link) CHECK(first[i].a != first[i].b);
    // Domain b has one node: a node fault there takes the whole domain.
    if (first[i].kind == FaultKind::kNodeDown) CHECK(first[i].a == "a");
    if (i < other.size()) differs = differs || other[i].at_us != first[i].at_us;
  }
  CHECK(differs);
}

}  // namespace
}  // namespace ccrsim
