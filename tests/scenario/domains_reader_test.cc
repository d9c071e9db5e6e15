#include "scenario/domains_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "tests/scenario/loader_test_support.h"

namespace ccrsim {
namespace {

using test::errors_of;
using test::kMinimal;
using test::Lines;
using test::load_ok;

TEST_CASE("security - capacity - settings and access policy") {
  CHECK(errors_of(R"(name: x
domains:
  leader:
    security:
      users:
        admin: {roles: all_access, password: x}
        admin: {roles: [a]}
        bob: {roles: [[a]]}
      roles:
        r1: [1]
      groups: {}
    capacity: {shard_index_rate: fast, shard_read_rate: 1e12/s, other: 1}
    settings: [1]
    access_policy: allow
)") == Lines{
           "s.yaml:6:24: error: roles must be a list, got 'all_access'",
           "s.yaml:6:36: error: unknown key 'password' in user 'admin' of domain 'leader' (known keys: roles)",
           "s.yaml:7:9: error: duplicate key 'admin' in users of domain 'leader' (first at line 6)",
           "s.yaml:8:23: error: each role must be a string, got a list",
           "s.yaml:10:13: error: role 'r1' must be a map, got a list",
           "s.yaml:11:7: error: unknown key 'groups' in security of domain 'leader' (known keys: users, roles)",
           "s.yaml:12:34: error: expected a rate like '2000/s', got 'fast'",
           "s.yaml:12:57: error: shard_read_rate must be at most 10000000/s, got '1e12/s'",
           "s.yaml:12:65: error: unknown key 'other' in capacity of domain 'leader' (known keys: shard_index_rate, "
           "shard_read_rate)",
           "s.yaml:13:15: error: settings must be a map, got a list",
           "s.yaml:14:20: error: access_policy must be a map (an IAM policy document), got 'allow'",
       });
}

}  // namespace
}  // namespace ccrsim
