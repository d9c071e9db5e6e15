#include "app/settings_check.h"

#include "model/replication/replication_settings.h"
#include "model/rest/cluster_settings_api.h"

namespace ccrsim {

void check_domain_settings(const Scenario& scenario, Diagnostics& diags) {
  for (const DomainSpec& d : scenario.domains) {
    for (const auto& [key, value] : d.settings) {
      auto pos_it = d.settings_pos.find(key);
      const SourcePos pos = pos_it == d.settings_pos.end() ? d.pos : pos_it->second;
      if (!is_known_cluster_setting(key)) {
        diags.error(pos, "domain '" + d.name + "': cluster setting [" + key + "] not recognized");
        continue;
      }
      if (auto problem = validate_replication_setting(key, value)) {
        diags.error(pos, "domain '" + d.name + "': " + *problem);
      }
    }
  }
}

}  // namespace ccrsim
