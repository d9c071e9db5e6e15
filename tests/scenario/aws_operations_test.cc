#include "scenario/aws_operations.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("aws operations: the seven connection operations in the CLI's spelling") {
  const std::vector<std::string>& ops = aws_operations();
  CHECK(ops.size() == 7);
  CHECK(std::set<std::string>(ops.begin(), ops.end()).size() == ops.size());
  for (const char* op : {"create-outbound-connection", "accept-inbound-connection", "reject-inbound-connection",
                         "delete-outbound-connection", "delete-inbound-connection", "describe-outbound-connections",
                         "describe-inbound-connections"}) {
    INFO(op);
    CHECK(std::find(ops.begin(), ops.end(), op) != ops.end());
  }
  for (const std::string& op : ops) {
    INFO(op);
    // kebab-case as the aws CLI writes them, never the API's CamelCase
    CHECK(std::all_of(op.begin(), op.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }));
  }
}

TEST_CASE("aws operations: the list is one shared instance") {
  CHECK(&aws_operations() == &aws_operations());
}

}  // namespace
}  // namespace ccrsim
