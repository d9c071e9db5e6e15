#include "model/faults/random_faults.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/assert.h"
#include "sim/rng.h"

namespace ccrsim {

namespace {

bool is_link_kind(FaultKind kind) {
  return kind == FaultKind::kLinkDown || kind == FaultKind::kLatency || kind == FaultKind::kBandwidth;
}

// Exponential draw with the given mean, at least one second (a zero-length window would do nothing).
sim_time_us exponential_us(Rng& rng, sim_time_us mean_us) {
  CCRSIM_ASSERT(mean_us >= 0);
  const double u = 1.0 - rng.uniform01();  // (0, 1]
  CCRSIM_ASSERT(u > 0.0 && u <= 1.0);
  const double draw = -std::log(u) * static_cast<double>(mean_us);
  CCRSIM_ASSERT(draw >= 0.0);
  return std::max<sim_time_us>(kUsPerS, static_cast<sim_time_us>(draw));
}

void draw_entry(const FaultSpec& entry, std::size_t index, const Scenario& scenario, std::vector<FaultSpec>& out) {
  CCRSIM_ASSERT(entry.random.has_value());
  const RandomFaultSpec& r = *entry.random;
  if (r.kinds.empty() || r.targets.empty() || r.mtbf_us <= 0) return;
  const sim_time_us until = r.until_us.value_or(scenario.duration_us.value_or(r.from_us));
  Rng rng(scenario.seed, "faults/random/" + std::to_string(index));
  sim_time_us t = r.from_us;
  for (int k = 1; k <= kMaxRandomFaultsPerEntry; ++k) {
    const sim_time_us previous = t;
    t += exponential_us(rng, r.mtbf_us);
    CCRSIM_ASSERT(t > previous);  // windows begin in time order, at least a second apart
    if (t >= until) return;
    FaultSpec f;
    f.kind = r.kinds[rng.below(r.kinds.size())];
    f.name = entry.name + "-" + std::to_string(k);
    f.at_us = t;
    f.duration_us = exponential_us(rng, r.mttr_us);
    f.pos = entry.pos;
    const std::size_t a = rng.below(r.targets.size());
    f.a = r.targets[a];
    if (is_link_kind(f.kind)) {
      if (r.targets.size() < 2) continue;  // the loader refuses this; a link needs two ends
      std::size_t b = rng.below(r.targets.size() - 1);
      if (b >= a) ++b;
      CCRSIM_ASSERT(b != a && b < r.targets.size());  // a link joins two different domains
      f.b = r.targets[b];
    }
    f.add_latency_us = kRandomLatencyAddUs;
    f.set_bandwidth_bytes_per_s = kRandomBandwidthBytesPerS;
    if (f.kind == FaultKind::kNodeDown) {
      const DomainSpec* d = scenario.find_domain(f.a);
      f.node_count = 1;
      if (d != nullptr && d->instance_count < 2) f.kind = FaultKind::kDomainDown;  // one node: the whole domain
    }
    CCRSIM_ASSERT(f.duration_us && *f.duration_us >= kUsPerS);
    CCRSIM_ASSERT(f.at_us >= r.from_us && f.at_us < until);
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<FaultSpec> resolve_faults(const Scenario& scenario) {
  std::vector<FaultSpec> out;
  for (std::size_t i = 0; i < scenario.faults.size(); ++i) {
    const FaultSpec& f = scenario.faults[i];
    if (f.random) {
      draw_entry(f, i, scenario, out);
    } else {
      out.push_back(f);
    }
  }
  for (const FaultSpec& f : out) CCRSIM_ASSERT(!f.random);  // every random entry is resolved into windows
  return out;
}

}  // namespace ccrsim
