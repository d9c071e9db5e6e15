#include "app/support_check.h"

namespace ccrsim {

void check_supported(const Scenario& scenario, Diagnostics& diags) {
  for (const DomainSpec& d : scenario.domains) {
    if (d.access_policy) diags.error(d.pos, "domain '" + d.name + "': access_policy is not supported yet");
    if (d.security.present) diags.error(d.security.pos, "domain '" + d.name + "': security users and roles are not supported yet");
    if (d.capacity.shard_index_rate_per_s > 0 || d.capacity.shard_read_rate_per_s > 0) {
      diags.error(d.capacity.pos, "domain '" + d.name + "': capacity is not supported yet");
    }
  }
  for (const ConnectionSpec& c : scenario.connections) {
    if (c.search_only) diags.error(c.pos, "connection '" + c.alias + "': search_only connections are not supported yet");
  }
  for (const StepSpec& s : scenario.steps) {
    if (s.kind == StepKind::kAws) diags.error(s.pos, "aws operation '" + s.aws_operation + "' is not supported yet");
  }
}

}  // namespace ccrsim
