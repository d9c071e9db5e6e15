#include "app/support_check.h"

#include "model/security/iam_policy.h"

namespace ccrsim {

namespace {

const char* fault_kind_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::kLinkDown: return "link_down";
    case FaultKind::kDomainDown: return "domain_down";
    case FaultKind::kLatency: return "latency";
    case FaultKind::kBandwidth: return "bandwidth";
    case FaultKind::kNodeDown: return "node_down";
    case FaultKind::kDomainLost: return "domain_lost";
  }
  return "unknown";
}

bool is_fault_metric(const std::string& metric) {
  return metric == "recovery_time" || metric == "rpo_ops" || metric == "rpo_time" || metric == "rto";
}

}  // namespace

void check_supported(const Scenario& scenario, Diagnostics& diags) {
  for (const DomainSpec& d : scenario.domains) {
    if (d.access_policy) {
      for (const std::string& part : check_iam_policy(*d.access_policy).unsupported) {
        diags.error(d.pos, "domain '" + d.name + "': access_policy " + part + " is not supported yet");
      }
    }
  }
  for (const FaultSpec& f : scenario.faults) {
    diags.error(f.pos, std::string("fault kind '") + fault_kind_name(f.kind) + "' is not supported yet");
  }
  for (const CheckSpec& c : scenario.checks) {
    if (is_fault_metric(c.metric)) diags.error(c.pos, "check metric '" + c.metric + "' is not supported yet");
  }
}

}  // namespace ccrsim
