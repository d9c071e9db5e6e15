#include "scenario/connections_reader.h"

#include <map>

#include "scenario/name_rules.h"
#include "scenario/scenario_limits.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void ConnectionsReader::read(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "connections", lim::kMaxListEntries);
  if (!items) return;
  std::map<std::pair<std::string, std::string>, SourcePos> aliases;  // (from, alias)
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string ctx = "connections[" + std::to_string(i) + "]";
    auto f = read_map((*items)[i], e.value_pos, ctx, {"alias", "from", "to", "mode", "search_only"}, "in " + ctx);
    if (!f) continue;
    ConnectionSpec c;
    c.pos = f->pos;
    bool ok = true;
    const Entry* alias = require(*f, "alias", "in " + ctx);
    const Entry* from = require(*f, "from", "in " + ctx);
    const Entry* to = require(*f, "to", "in " + ctx);
    ok = alias && from && to;
    if (alias) {
      if (auto v = read_string(*alias)) {
        if (!valid_alias(*v)) {
          error(alias->value_pos, "connection alias " + in_quotes(*v) +
                                      " must be 2-100 characters of letters, digits, '_' and '-', starting with a "
                                      "letter");
          ok = false;
        }
        c.alias = *v;
      } else {
        ok = false;
      }
    }
    if (from) {
      auto v = read_domain_ref(*from);
      ok = ok && v;
      if (v) c.from = *v;
    }
    if (to) {
      auto v = read_domain_ref(*to);
      ok = ok && v;
      if (v) c.to = *v;
    }
    if (ok && c.from == c.to) {
      error(to->value_pos, "a connection needs two different domains, got " + in_quotes(c.from) + " twice");
      ok = false;
    }
    if (const Entry* m = f->get("mode")) {
      if (auto v = read_string(*m)) {
        if (*v == "DIRECT") {
          c.mode = ConnectionMode::kDirect;
        } else if (*v == "VPC_ENDPOINT") {
          c.mode = ConnectionMode::kVpcEndpoint;
        } else {
          error(m->value_pos, "mode must be DIRECT or VPC_ENDPOINT, got " + in_quotes(*v));
        }
      }
    }
    if (const Entry* so = f->get("search_only")) {
      if (auto v = read_bool(*so)) c.search_only = *v;
    }
    if (ok) {
      auto [first, inserted] = aliases.emplace(std::make_pair(c.from, c.alias), alias->value_pos);
      if (!inserted) {
        error(alias->value_pos, "duplicate connection alias " + in_quotes(c.alias) + " on domain " + in_quotes(c.from) +
                                    " (first at line " + std::to_string(first->second.line) + ")");
      }
    }
    s_.connections.push_back(std::move(c));
  }
}

// How long each transient connection status lasts (docs/connections.md); 0s makes a stage instant.
void ConnectionsReader::read_delays(const Entry& e) {
  auto f = read_map(e.value, e.value_pos, "connection_delays",
                    {"validating", "approved", "provisioning", "rejecting", "deleting"}, "in connection_delays");
  if (!f) return;
  ConnectionDelaysSpec& d = s_.connection_delays;
  d.pos = f->pos;
  const std::pair<const char*, sim_time_us*> stages[] = {{"validating", &d.validating_us},
                                                         {"approved", &d.approved_us},
                                                         {"provisioning", &d.provisioning_us},
                                                         {"rejecting", &d.rejecting_us},
                                                         {"deleting", &d.deleting_us}};
  for (const auto& [key, target] : stages) {
    if (const Entry* stage = f->get(key)) {
      if (auto v = read_duration(*stage)) *target = *v;
    }
  }
}

}  // namespace ccrsim::reader
