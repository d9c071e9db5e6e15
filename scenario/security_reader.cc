#include "scenario/security_reader.h"

#include "scenario/scenario_limits.h"
#include "scenario/yaml_json.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void SecurityReader::read(const Entry& e, DomainSpec& d) {
  const std::string ctx = "in security of domain " + in_quotes(d.name);
  auto f = read_map(e.value, e.value_pos, "security", {"users", "roles"}, ctx);
  if (!f) return;
  d.security.present = true;
  d.security.pos = f->pos;
  if (const Entry* users = f->get("users")) {
    if (users->value.IsMap() && users->value.size() > lim::kMaxListEntries) {
      error(users->value_pos, "too many users: " + std::to_string(users->value.size()));
    } else if (auto uf =
                   read_map(users->value, users->value_pos, "users", {}, "in users of domain " + in_quotes(d.name))) {
      for (const Entry& u : uf->entries) {
        SecurityUserSpec user;
        user.name = u.key;
        user.pos = u.key_pos;
        auto body = read_map(u.value, u.value_pos, "user " + in_quotes(u.key), {"roles"},
                             "in user " + in_quotes(u.key) + " of domain " + in_quotes(d.name));
        if (!body) continue;
        if (const Entry* roles = body->get("roles")) {
          if (auto items = read_list(roles->value, roles->value_pos, "roles", lim::kMaxListEntries)) {
            for (const YAML::Node& r : *items) {
              const Entry role{"each role", r, roles->value_pos, pos_of(r, roles->value_pos)};
              if (auto role_name = read_string(role)) user.roles.push_back(*role_name);
            }
          }
        }
        d.security.users.push_back(std::move(user));
      }
    }
  }
  if (const Entry* roles = f->get("roles")) {
    if (roles->value.IsMap() && roles->value.size() > lim::kMaxListEntries) {
      error(roles->value_pos, "too many roles: " + std::to_string(roles->value.size()));
    } else if (auto rf =
                   read_map(roles->value, roles->value_pos, "roles", {}, "in roles of domain " + in_quotes(d.name))) {
      for (const Entry& r : rf->entries) {
        if (!is_null(r.value) && !r.value.IsMap()) {
          error(r.value_pos, "role " + in_quotes(r.key) + " must be a map, got " + describe(r.value));
          continue;
        }
        d.security.roles.push_back({r.key, is_null(r.value) ? json::object() : yaml_to_json(r.value), r.key_pos});
      }
    }
  }
}

}  // namespace ccrsim::reader
