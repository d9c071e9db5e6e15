#include "model/aws/aws_api.h"

#include <algorithm>

#include "model/aws/aws_errors.h"
#include "sim/assert.h"

namespace ccrsim {
namespace {

struct OperationArgs {
  std::string operation;
  std::vector<std::string> strings;  // string-valued keys
  std::vector<std::string> booleans;
  std::vector<std::string> others;  // filters (list), max_results (integer)
};

const std::vector<OperationArgs>& operation_args() {
  static const std::vector<OperationArgs> table = {
      {"create-outbound-connection", {"remote_domain", "connection_alias", "connection_mode"}, {"search_only"}, {}},
      {"accept-inbound-connection", {"connection_id", "connection_alias"}, {}, {}},
      {"reject-inbound-connection", {"connection_id", "connection_alias"}, {}, {}},
      {"delete-outbound-connection", {"connection_id", "connection_alias"}, {}, {}},
      {"delete-inbound-connection", {"connection_id", "connection_alias"}, {}, {}},
      {"describe-outbound-connections", {}, {}, {"filters", "max_results"}},
      {"describe-inbound-connections", {}, {}, {"filters", "max_results"}},
  };
  return table;
}

const OperationArgs* find_operation(const std::string& operation) {
  for (const OperationArgs& o : operation_args()) {
    if (o.operation == operation) return &o;
  }
  return nullptr;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

const std::vector<std::string>& outbound_filters() {
  static const std::vector<std::string> names = {"connection-id", "remote-domain-info.domain-name",
                                                 "remote-domain-info.owner-id", "remote-domain-info.region",
                                                 "local-domain-info.domain-name"};
  return names;
}

const std::vector<std::string>& inbound_filters() {
  static const std::vector<std::string> names = {"connection-id", "local-domain-info.domain-name",
                                                 "local-domain-info.owner-id", "local-domain-info.region",
                                                 "remote-domain-info.domain-name"};
  return names;
}

std::string filters_problem(const json& filters) {
  if (!filters.is_array()) return "filters must be a list of {name, values}";
  for (const json& f : filters) {
    if (!f.is_object()) return "each filter must be a map {name, values}";
    for (const auto& [key, value] : f.items()) {
      if (key != "name" && key != "values") return "unknown filter key '" + key + "' (keys are: name, values)";
    }
    if (!f.contains("name") || !f["name"].is_string()) return "a filter needs a string 'name'";
    if (!f.contains("values") || !f["values"].is_array()) return "a filter needs a list 'values'";
    for (const json& v : f["values"]) {
      if (!v.is_string()) return "filter values must be strings";
    }
  }
  return "";
}

// AWS's own wording for a constraint that a request member breaks.
RestResponse constraint_error(const std::string& value, const std::string& member, const std::string& constraint) {
  return aws_errors::validation("1 validation error detected: Value '" + value + "' at '" + member +
                                "' failed to satisfy constraint: " + constraint);
}

std::optional<RestResponse> alias_error(const std::string& alias) {
  if (alias.size() < 2)
    return constraint_error(alias, "connectionAlias", "Member must have length greater than or equal to 2");
  if (alias.size() > 100) {
    return constraint_error(alias, "connectionAlias", "Member must have length less than or equal to 100");
  }
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  bool ok = letter(alias[0]);
  for (char c : alias) ok = ok && (letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_');
  if (!ok) {
    return constraint_error(alias, "connectionAlias",
                            "Member must satisfy regular expression pattern: [a-zA-Z][a-zA-Z0-9\\-\\_]+");
  }
  return std::nullopt;
}

json domain_info(const World& world, DomainId d) {
  CCRSIM_ASSERT(d >= 0 && d < world.domain_count());
  const DomainSpec& spec = world.domain(d).spec();
  return json{
      {"AWSDomainInformation", {{"DomainName", spec.name}, {"OwnerId", spec.account}, {"Region", spec.region}}}};
}

json status_json(const Connection& c) {
  return json{{"StatusCode", to_string(c.status)}, {"Message", c.message}};
}

std::string string_arg(const json& args, const char* key) {
  return args.contains(key) && args[key].is_string() ? args[key].get<std::string>() : std::string();
}

RestResponse create_outbound(World& world, DomainId on, const json& args) {
  const std::string remote_name = string_arg(args, "remote_domain");
  const std::string alias = string_arg(args, "connection_alias");
  const std::string mode = args.contains("connection_mode") ? string_arg(args, "connection_mode") : "DIRECT";
  if (remote_name.empty()) return aws_errors::validation("remote_domain is required");
  if (!args.contains("connection_alias")) return aws_errors::validation("connection_alias is required");
  if (auto error = alias_error(alias)) return *error;
  if (mode != "DIRECT" && mode != "VPC_ENDPOINT") {
    return constraint_error(mode, "connectionMode", "Member must satisfy enum value set: [DIRECT, VPC_ENDPOINT]");
  }
  const std::optional<DomainId> remote = world.find_domain(remote_name);
  if (!remote) return aws_errors::resource_not_found("Domain not found: " + remote_name);
  CreateConnectionRequest request;
  request.local = on;
  request.remote = *remote;
  request.alias = alias;
  request.vpc_endpoint = mode == "VPC_ENDPOINT";
  request.search_only = args.value("search_only", false);
  ConnectionOutcome outcome = world.connection_lifecycle().create_outbound(request);
  CCRSIM_ASSERT(outcome.error.has_value() != (outcome.connection != nullptr));  // a connection or an error
  if (outcome.error) return *outcome.error;
  CCRSIM_ASSERT(outcome.connection->local == on && outcome.connection->remote == *remote);
  CCRSIM_ASSERT(outcome.connection->alias == alias);
  return RestResponse::ok(outbound_connection_json(world, *outcome.connection));
}

enum class Side { kOutbound, kInbound };

// The connection named by connection_id or connection_alias, seen from `on` on the given side.
Connection* target(World& world, DomainId on, const json& args, Side side, std::optional<RestResponse>& error) {
  const bool by_id = args.contains("connection_id");
  const bool by_alias = args.contains("connection_alias");
  if (by_id == by_alias) {
    error = aws_errors::validation("Give exactly one of connection_id or connection_alias");
    return nullptr;
  }
  const std::string& domain = world.domain(on).name();
  const char* kind = side == Side::kOutbound ? "Outbound" : "Inbound";
  Connection* c = nullptr;
  if (by_id) {
    const std::string id = string_arg(args, "connection_id");
    c = world.connections().find_by_id(id);
    const bool mine =
        c != nullptr && (side == Side::kOutbound ? c->local == on : c->remote == on && visible_inbound(c->status));
    if (!mine) {
      error =
          aws_errors::resource_not_found(std::string(kind) + " connection " + id + " not found on domain " + domain);
      return nullptr;
    }
    CCRSIM_ASSERT(c->id == id);
    return c;
  }
  const std::string alias = string_arg(args, "connection_alias");
  c = side == Side::kOutbound ? world.connections().find_live_outbound(on, alias)
                              : world.connections().find_live_inbound(on, alias);
  CCRSIM_ASSERT(c == nullptr || is_live(c->status));
  CCRSIM_ASSERT(c == nullptr || (side == Side::kOutbound ? c->local == on : c->remote == on));
  if (c == nullptr) {
    error = aws_errors::resource_not_found("No live " + std::string(side == Side::kOutbound ? "outbound" : "inbound") +
                                           " connection with alias " + alias + " on domain " + domain);
  }
  return c;
}

RestResponse act(World& world, DomainId on, const json& args, Side side,
                 ConnectionOutcome (ConnectionLifecycle::*operation)(Connection&, DomainId)) {
  std::optional<RestResponse> error;
  Connection* c = target(world, on, args, side, error);
  CCRSIM_ASSERT((c == nullptr) == error.has_value());  // found, or the reason it was not
  if (c == nullptr) return *error;
  ConnectionOutcome outcome = (world.connection_lifecycle().*operation)(*c, on);
  CCRSIM_ASSERT(outcome.error.has_value() != (outcome.connection != nullptr));
  if (outcome.error) return *outcome.error;
  CCRSIM_ASSERT(outcome.connection == c);  // an operation acts on the connection it was given
  const json body = side == Side::kOutbound ? outbound_connection_json(world, *outcome.connection)
                                            : inbound_connection_json(world, *outcome.connection);
  return RestResponse::ok(json{{"Connection", body}});
}

bool filter_matches(const World& world, const Connection& c, const std::string& name, const json& values) {
  std::string actual;
  const DomainSpec& local = world.domain(c.local).spec();
  const DomainSpec& remote = world.domain(c.remote).spec();
  if (name == "connection-id") actual = c.id;
  if (name == "local-domain-info.domain-name") actual = local.name;
  if (name == "local-domain-info.owner-id") actual = local.account;
  if (name == "local-domain-info.region") actual = local.region;
  if (name == "remote-domain-info.domain-name") actual = remote.name;
  if (name == "remote-domain-info.owner-id") actual = remote.account;
  if (name == "remote-domain-info.region") actual = remote.region;
  for (const json& v : values) {
    if (v.is_string() && v.get<std::string>() == actual) return true;
  }
  return false;
}

RestResponse describe(World& world, DomainId on, const json& args, Side side) {
  const json filters = args.value("filters", json::array());
  const auto& allowed = side == Side::kOutbound ? outbound_filters() : inbound_filters();
  for (const json& f : filters) {
    const std::string name = f.value("name", "");
    if (!contains(allowed, name)) {
      return aws_errors::validation("Invalid filter name " + name + " (filters are: " + join(allowed) + ")");
    }
  }
  const std::int64_t max_results = args.contains("max_results") && args["max_results"].is_number_integer()
                                       ? args["max_results"].get<std::int64_t>()
                                       : 100;
  if (max_results < 0 || max_results > 100) {
    return constraint_error(std::to_string(max_results), "maxResults",
                            "Member must have value less than or equal to 100");
  }
  json list = json::array();
  for (const Connection& c : world.connections().all()) {
    if (static_cast<std::int64_t>(list.size()) >= max_results) break;
    const bool mine = side == Side::kOutbound ? c.local == on : c.remote == on && visible_inbound(c.status);
    if (!mine) continue;
    if (c.status == ConnectionStatus::kDeleted && world.now() - c.status_since_us > kDeletedVisibleUs) continue;
    bool match = true;
    for (const json& f : filters) match = match && filter_matches(world, c, f["name"], f["values"]);
    if (!match) continue;
    list.push_back(side == Side::kOutbound ? outbound_connection_json(world, c) : inbound_connection_json(world, c));
  }
  CCRSIM_ASSERT(static_cast<std::int64_t>(list.size()) <= max_results);
  return RestResponse::ok(json{{"Connections", list}});
}

}  // namespace

const std::vector<std::string>& aws_connection_operations() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const OperationArgs& o : operation_args()) out.push_back(o.operation);
    return out;
  }();
  return names;
}

std::string aws_args_problem(const std::string& operation, const json& args) {
  const OperationArgs* op = find_operation(operation);
  if (op == nullptr) return "unknown aws operation '" + operation + "'";
  if (!args.is_object()) return "args must be a map";
  std::vector<std::string> known = op->strings;
  known.insert(known.end(), op->booleans.begin(), op->booleans.end());
  known.insert(known.end(), op->others.begin(), op->others.end());
  for (const auto& [key, value] : args.items()) {
    if (!contains(known, key)) {
      return "unknown argument '" + key + "' for " + operation +
             (known.empty() ? " (it takes none)" : " (arguments are: " + join(known) + ")");
    }
    if (contains(op->strings, key) && !value.is_string()) return "argument '" + key + "' must be a string";
    if (contains(op->booleans, key) && !value.is_boolean()) return "argument '" + key + "' must be true or false";
    if (key == "max_results" && !value.is_number_integer()) return "argument 'max_results' must be an integer";
    if (key == "filters") {
      if (std::string why = filters_problem(value); !why.empty()) return why;
    }
  }
  return "";
}

RestResponse handle_aws_operation(World& world, DomainId on, const std::string& operation, const json& args) {
  CCRSIM_ASSERT(on >= 0 && on < world.domain_count());
  if (std::string why = aws_args_problem(operation, args); !why.empty()) return aws_errors::validation(why);
  if (operation == "create-outbound-connection") return create_outbound(world, on, args);
  if (operation == "accept-inbound-connection")
    return act(world, on, args, Side::kInbound, &ConnectionLifecycle::accept);
  if (operation == "reject-inbound-connection")
    return act(world, on, args, Side::kInbound, &ConnectionLifecycle::reject);
  if (operation == "delete-outbound-connection")
    return act(world, on, args, Side::kOutbound, &ConnectionLifecycle::remove);
  if (operation == "delete-inbound-connection")
    return act(world, on, args, Side::kInbound, &ConnectionLifecycle::remove);
  if (operation == "describe-outbound-connections") return describe(world, on, args, Side::kOutbound);
  CCRSIM_ASSERT(operation == "describe-inbound-connections");  // aws_args_problem refused every other name
  return describe(world, on, args, Side::kInbound);
}

json outbound_connection_json(const World& world, const Connection& c) {
  CCRSIM_ASSERT(c.local != c.remote);
  return json{{"ConnectionAlias", c.alias},
              {"ConnectionId", c.id},
              {"ConnectionMode", c.vpc_endpoint ? "VPC_ENDPOINT" : "DIRECT"},
              {"ConnectionStatus", status_json(c)},
              {"LocalDomainInfo", domain_info(world, c.local)},
              {"RemoteDomainInfo", domain_info(world, c.remote)}};
}

json inbound_connection_json(const World& world, const Connection& c) {
  CCRSIM_ASSERT(visible_inbound(c.status));  // the remote owner never sees a connection still validating
  return json{{"ConnectionId", c.id},
              {"ConnectionMode", c.vpc_endpoint ? "VPC_ENDPOINT" : "DIRECT"},
              {"ConnectionStatus", status_json(c)},
              {"LocalDomainInfo", domain_info(world, c.local)},
              {"RemoteDomainInfo", domain_info(world, c.remote)}};
}

}  // namespace ccrsim
