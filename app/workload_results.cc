#include "app/workload_results.h"

namespace ccrsim {

std::vector<WorkloadResult> workload_results(const World& world) {
  std::vector<WorkloadResult> out;
  for (DomainId d = 0; d < world.domain_count(); ++d) {
    for (const Workload& w : world.domain(d).workloads()) {
      const WorkloadSpec& spec = w.spec();
      WorkloadResult r;
      r.domain = spec.domain;
      r.index = spec.rollover ? spec.rollover->name_pattern : spec.index;
      r.rate_per_s = spec.rate_per_s;
      r.issued = w.issued();
      r.acknowledged = w.issued() - w.refused() - w.rejected();
      r.writes_rejected = w.rejected();
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace ccrsim
