#include "scenario/metric_catalogue.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("metric catalogue: unique names each with a meaning and found by name") {
  std::set<std::string_view> seen;
  for (const MetricInfo& m : metric_catalogue()) {
    CHECK(seen.insert(m.name).second);
    CHECK_FALSE(m.meaning.empty());
    CHECK(find_metric(m.name) == &m);
  }
  CHECK(check_metric_names().size() == metric_catalogue().size());
  CHECK(find_metric("lag_time_p100") == nullptr);
}

TEST_CASE("metric catalogue: times are printed in seconds and counts are not") {
  CHECK(is_time_metric_name("lag_time_p99"));
  CHECK(is_time_metric_name("delivery_max"));
  CHECK(is_time_metric_name("bootstrap_time"));
  CHECK(is_time_metric_name("rto"));
  CHECK_FALSE(is_time_metric_name("lag_ops_p99"));
  CHECK_FALSE(is_time_metric_name("rpo_ops"));
  CHECK_FALSE(is_time_metric_name("writes_rejected"));
  CHECK_FALSE(is_time_metric_name("no_such_metric"));
}

}  // namespace
}  // namespace ccrsim
