#include "model/world.h"

namespace ccrsim {

World::World(Simulator& sim, Network& network, const Scenario& scenario)
    : sim_(sim), network_(network), scenario_(scenario) {
  domains_.reserve(scenario.domains.size());
  for (const DomainSpec& spec : scenario.domains) domains_.push_back(std::make_unique<Domain>(spec, scenario.seed));
  connection_lifecycle_ = std::make_unique<ConnectionLifecycle>(*this, scenario.connection_delays, scenario.seed);
}

std::optional<DomainId> World::find_domain(const std::string& name) const {
  for (std::size_t i = 0; i < domains_.size(); ++i) {
    if (domains_[i]->name() == name) return static_cast<DomainId>(i);
  }
  return std::nullopt;
}

}  // namespace ccrsim
