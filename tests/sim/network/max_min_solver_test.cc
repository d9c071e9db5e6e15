#include "sim/network/max_min_solver.h"

#include <catch2/catch.hpp>
#include <vector>

namespace ccrsim {
namespace {

MaxMinSolver::Flow on(std::uint32_t resource, double cap = kUnlimitedRate) {
  return {{resource, 0}, 1, cap};
}

MaxMinSolver::Flow across(std::uint32_t a, std::uint32_t b) {
  return {{a, b}, 2, kUnlimitedRate};
}

std::vector<double> solve(const std::vector<double>& capacity, const std::vector<MaxMinSolver::Flow>& flows) {
  MaxMinSolver solver;
  std::vector<double> rates(flows.size(), -1);
  solver.solve(capacity, flows, rates);
  return rates;
}

TEST_CASE("max-min: equal shares of one resource") {
  const std::vector<double> rates = solve({90}, {on(0), on(0), on(0)});
  CHECK(rates == std::vector<double>{30, 30, 30});
}

TEST_CASE("max-min: a capped flow leaves its unused share to the others") {
  const std::vector<double> rates = solve({100}, {on(0, 10), on(0), on(0)});
  CHECK(rates[0] == Approx(10));
  CHECK(rates[1] == Approx(45));
  CHECK(rates[2] == Approx(45));
}

TEST_CASE("max-min: a flow bottlenecked on one resource frees capacity on the other") {
  // Resource 0 (10) is shared by flows 0 and 1; flow 1 also crosses resource 1 (100), which flow 2 uses alone.
  const std::vector<double> rates = solve({10, 100}, {on(0), across(0, 1), on(1)});
  CHECK(rates[0] == Approx(5));
  CHECK(rates[1] == Approx(5));
  CHECK(rates[2] == Approx(95));
}

TEST_CASE("max-min: flows bound by nothing run at their infinite cap and none is left unset") {
  const std::vector<double> rates = solve({kUnlimitedRate}, {on(0), on(0)});
  CHECK(rates[0] == kUnlimitedRate);
  CHECK(rates[1] == kUnlimitedRate);
  CHECK(solve({50}, {}).empty());
}

TEST_CASE("max-min: a zero-capacity resource stalls its flows at zero") {
  const std::vector<double> rates = solve({0, 10}, {on(0), on(1)});
  CHECK(rates[0] == 0);
  CHECK(rates[1] == Approx(10));
}

}  // namespace
}  // namespace ccrsim
