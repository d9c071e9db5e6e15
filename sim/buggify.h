#pragma once
// Buggify sites, as FoundationDB's simulation has them: places in the model that, in a swarm run, sometimes take the
// rare path on purpose (a transfer cut, a short answer, a refusal) so the rare paths are exercised under every seed.
// Off by default: then fires() is false without drawing anything, so reports and fingerprints do not change.
// With enable(seed), each site is active for the run or not (probability 1/4, from the seed and the site's name,
// decided at its first use), and an active site fires with its own probability at each use, from a stream of its
// own ("buggify/<site>"), so adding a site never shifts another's draws.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sim/rng.h"

namespace ccrsim {

class Buggify {
 public:
  static constexpr double kSiteActiveProbability = 0.25;

  void enable(std::uint64_t seed);
  bool enabled() const { return enabled_; }
  // Whether the site takes its rare path now. `probability` is per use, for an active site.
  bool fires(std::string_view site, double probability) { return enabled_ && draw(site, probability); }

  struct SiteCount {
    std::string site;
    bool active = false;
    std::uint64_t uses = 0;
    std::uint64_t fired = 0;
  };
  // Every site used so far, by name.
  std::vector<SiteCount> counts() const;

 private:
  bool draw(std::string_view site, double probability);

  struct Site {
    explicit Site(Rng stream) : rng(stream) {}
    Rng rng;
    bool active = false;
    std::uint64_t uses = 0;
    std::uint64_t fired = 0;
  };
  bool enabled_ = false;
  std::uint64_t seed_ = 0;
  std::map<std::string, Site, std::less<>> sites_;
};

}  // namespace ccrsim
