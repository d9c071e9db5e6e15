#include "scenario/security_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using Catch::Matchers::Contains;
using test::errors_of;
using test::Lines;
using test::load_ok;

const std::string kHead = "name: t\ndomains:\n  follower: {}\n  leader:\n";

TEST_CASE("security: users with their roles and role definitions as written") {
  const Scenario s = load_ok(kHead + R"(    security:
      users:
        repl: {roles: [replication_leader]}
        nobody: {}
      roles:
        replication_leader: {index_permissions: [{index_patterns: ['logs*'], allowed_actions: [read]}]}
        empty_role:
)");
  const DomainSpec* leader = nullptr;
  for (const DomainSpec& d : s.domains) {
    if (d.name == "leader") leader = &d;
  }
  REQUIRE(leader != nullptr);
  const SecuritySpec& sec = leader->security;
  CHECK(sec.present);
  REQUIRE(sec.users.size() == 2);
  CHECK(sec.users[0].name == "repl");  // in the order written
  CHECK(sec.users[0].roles == std::vector<std::string>{"replication_leader"});
  CHECK(sec.users[1].name == "nobody");
  CHECK(sec.users[1].roles.empty());
  REQUIRE(sec.roles.size() == 2);
  CHECK(sec.roles[0].name == "replication_leader");
  CHECK(sec.roles[0].definition["index_permissions"][0]["allowed_actions"][0] == "read");
  CHECK(sec.roles[1].name == "empty_role");
  CHECK(sec.roles[1].definition.is_object());  // a null role is an empty map
  CHECK(sec.roles[1].definition.empty());
}

TEST_CASE("security: a domain without it has none") {
  const Scenario s = load_ok("name: t\ndomains: {leader: {}, follower: {}}\n");
  for (const DomainSpec& d : s.domains) CHECK_FALSE(d.security.present);
}

TEST_CASE("security: mistakes name the domain and the user") {
  const Lines lines = errors_of(kHead + R"(    security:
      users:
        u1: {roles: [a], group: g}
        u2: [a]
      roles:
        r1: read
      tenants: {}
)");
  REQUIRE(lines.size() == 4);
  CHECK_THAT(lines[0], Contains("unknown key 'group' in user 'u1' of domain 'leader' (known keys: roles)"));
  CHECK_THAT(lines[1], Contains("user 'u2'"));
  CHECK_THAT(lines[2], Contains("role 'r1' must be a map, got 'read'"));
  CHECK_THAT(lines[3], Contains("unknown key 'tenants' in security of domain 'leader' (known keys: users, roles)"));
}

}  // namespace
}  // namespace ccrsim
