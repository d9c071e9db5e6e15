#include "sim/buggify.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

// Built by appending: GCC 12 warns falsely (-Wrestrict) about "literal" + std::to_string at -O3.
std::string site_name(const char* prefix, int i) {
  std::string name(prefix);
  name += std::to_string(i);
  return name;
}

int fired(Buggify& b, const char* site, int uses, double probability) {
  int n = 0;
  for (int i = 0; i < uses; ++i) n += b.fires(site, probability) ? 1 : 0;
  return n;
}

TEST_CASE("buggify: off by default no site fires and nothing is recorded") {
  Buggify b;
  CHECK_FALSE(b.enabled());
  CHECK(fired(b, "network/transfer-cut", 1000, 1.0) == 0);
  CHECK(b.counts().empty());
}

TEST_CASE("buggify: about a quarter of the sites are active and an active site fires at its probability") {
  Buggify b;
  b.enable(7);
  int active = 0;
  for (int i = 0; i < 400; ++i) {
    const std::string site = site_name("site-", i);
    const int n = fired(b, site.c_str(), 200, 0.5);
    if (n > 0) ++active;
  }
  CHECK(active > 60);
  CHECK(active < 140);
  for (const Buggify::SiteCount& c : b.counts()) {
    CHECK(c.uses == 200);
    if (!c.active) CHECK(c.fired == 0);
    if (c.active) CHECK((c.fired > 60 && c.fired < 140));
  }
}

TEST_CASE("buggify: the same seed gives the same firings and a site draws independently of other sites") {
  Buggify a;
  a.enable(11);
  Buggify b;
  b.enable(11);
  (void)fired(b, "other-site", 50, 0.5);  // b uses another site first
  for (int i = 0; i < 64; ++i) {
    const std::string site = site_name("s", i);
    CHECK(fired(a, site.c_str(), 100, 0.3) == fired(b, site.c_str(), 100, 0.3));
  }
  Buggify c;
  c.enable(12);
  int differs = 0;
  for (int i = 0; i < 64; ++i) {
    const std::string site = site_name("s", i);
    Buggify fresh;
    fresh.enable(11);
    differs += fired(fresh, site.c_str(), 100, 0.3) != fired(c, site.c_str(), 100, 0.3) ? 1 : 0;
  }
  CHECK(differs > 0);  // another seed activates other sites
}

}  // namespace
}  // namespace ccrsim
