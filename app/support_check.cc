#include "app/support_check.h"

#include "model/security/iam_policy.h"

namespace ccrsim {

void check_supported(const Scenario& scenario, Diagnostics& diags) {
  for (const DomainSpec& d : scenario.domains) {
    if (d.access_policy) {
      for (const std::string& part : check_iam_policy(*d.access_policy).unsupported) {
        diags.error(d.pos, "domain '" + d.name + "': access_policy " + part + " is not supported yet");
      }
    }
  }
}

}  // namespace ccrsim
