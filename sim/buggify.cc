#include "sim/buggify.h"

#include "sim/assert.h"

namespace ccrsim {

void Buggify::enable(std::uint64_t seed) {
  CCRSIM_ASSERT(sites_.empty());  // enabled before the run, not halfway through it
  enabled_ = true;
  seed_ = seed;
}

bool Buggify::draw(std::string_view site, double probability) {
  CCRSIM_ASSERT(enabled_);
  CCRSIM_ASSERT(!site.empty());
  CCRSIM_ASSERT(probability >= 0 && probability <= 1);
  auto it = sites_.find(site);
  if (it == sites_.end()) {
    it = sites_.emplace(std::string(site), Site(Rng(seed_, "buggify/" + std::string(site)))).first;
    it->second.active = it->second.rng.uniform01() < kSiteActiveProbability;
  }
  Site& s = it->second;
  ++s.uses;
  if (!s.active || s.rng.uniform01() >= probability) return false;
  ++s.fired;
  CCRSIM_ASSERT(s.fired <= s.uses);
  return true;
}

std::vector<Buggify::SiteCount> Buggify::counts() const {
  std::vector<SiteCount> out;
  for (const auto& [name, s] : sites_) out.push_back({name, s.active, s.uses, s.fired});
  return out;
}

}  // namespace ccrsim
