#include "scenario/regions.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("regions: each code is listed once with coordinates on the globe") {
  std::set<std::string_view> codes;
  for (const Region& r : aws_regions()) {
    INFO(std::string(r.code));
    CHECK(codes.insert(r.code).second);
    CHECK(r.latitude_deg >= -90);
    CHECK(r.latitude_deg <= 90);
    CHECK(r.longitude_deg >= -180);
    CHECK(r.longitude_deg <= 180);
  }
  CHECK(codes.count("us-east-1") == 1);
  CHECK(codes.count("eu-west-1") == 1);
}

TEST_CASE("regions: find_region by exact code") {
  const auto r = find_region("eu-central-1");
  REQUIRE(r.has_value());
  CHECK(r->code == "eu-central-1");
  CHECK(r->latitude_deg == Approx(50.1));
  CHECK_FALSE(find_region("EU-CENTRAL-1").has_value());
  CHECK_FALSE(find_region("eu-central").has_value());
  CHECK_FALSE(find_region("").has_value());
}

TEST_CASE("regions: the great-circle distance is symmetric and zero to itself") {
  const Region a = *find_region("us-east-1");
  const Region b = *find_region("ap-southeast-2");
  CHECK(great_circle_km(a, a) == Approx(0).margin(1e-9));
  CHECK(great_circle_km(a, b) == Approx(great_circle_km(b, a)));
}

TEST_CASE("regions: distances match the haversine on a 6371 km sphere") {
  // A quarter of a meridian: pole to equator is pi/2 x R.
  const Region equator{"e", 0, 0};
  const Region pole{"p", 90, 0};
  CHECK(great_circle_km(equator, pole) == Approx(3.14159265358979 / 2 * 6371).epsilon(1e-9));
  // Antipodes: half the circumference, without NaN from rounding above 1 under the square root.
  const Region antipode{"a", 0, 180};
  CHECK(great_circle_km(equator, antipode) == Approx(3.14159265358979 * 6371).epsilon(1e-9));
  // Dublin to Frankfurt is about 1 090 km; Virginia to Dublin about 5 450 km.
  CHECK(great_circle_km(*find_region("eu-west-1"), *find_region("eu-central-1")) == Approx(1090).margin(30));
  CHECK(great_circle_km(*find_region("us-east-1"), *find_region("eu-west-1")) == Approx(5450).margin(100));
}

}  // namespace
}  // namespace ccrsim
