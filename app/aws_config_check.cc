#include "app/aws_config_check.h"

#include "model/aws/aws_api.h"
#include "model/aws/instance_types.h"

namespace ccrsim {

void check_aws_config(const Scenario& scenario, Diagnostics& diags) {
  for (const DomainSpec& d : scenario.domains) {
    if (std::string why = instance_type_problem(d.instance_type); !why.empty()) {
      diags.error(d.pos, "domain '" + d.name + "': instance_type '" + d.instance_type + "' " + why);
    }
  }
  for (const StepSpec& s : scenario.steps) {
    if (s.kind != StepKind::kAws) continue;
    if (std::string why = aws_args_problem(s.aws_operation, s.aws_args); !why.empty()) {
      diags.error(s.pos, "aws " + s.aws_operation + ": " + why);
    }
  }
}

}  // namespace ccrsim
