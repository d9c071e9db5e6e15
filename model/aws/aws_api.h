#pragma once
// The `aws:` steps (docs/scenario-format.md §5.2): the Amazon OpenSearch Service configuration API's connection
// operations, answered in its JSON shapes. A pure function of (world, calling domain, operation, args) -> (status,
// JSON), so the step runner, the tests and a fuzz harness can all call it directly; it acts through the world's
// ConnectionLifecycle.
#include <string>
#include <vector>

#include "model/rest/rest_response.h"
#include "model/world.h"
#include "sim/json.h"

namespace ccrsim {

// The operations, in the order of the spec.
const std::vector<std::string>& aws_connection_operations();

// Why `args` cannot be the arguments of `operation` (unknown key, wrong type), or "" when they can. Checked when
// a scenario is loaded; values that need the world (domain names, ids, aliases) are checked when the call runs.
std::string aws_args_problem(const std::string& operation, const json& args);

RestResponse handle_aws_operation(World& world, DomainId on, const std::string& operation, const json& args);

// Connection JSON as AWS prints an OutboundConnection (with ConnectionAlias) or an InboundConnection (without).
json outbound_connection_json(const World& world, const Connection& c);
json inbound_connection_json(const World& world, const Connection& c);

}  // namespace ccrsim
