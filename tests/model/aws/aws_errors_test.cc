#include "model/aws/aws_errors.h"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

namespace ccrsim {
namespace {

TEST_CASE("aws errors: REST-JSON bodies with __type and message - no OpenSearch envelope") {
  const RestResponse r = aws_errors::validation("bad alias");
  CHECK(r.status == 400);
  CHECK_FALSE(r.text.has_value());
  CHECK(r.body == json::parse(R"({"__type": "ValidationException", "message": "bad alias"})"));
  CHECK_FALSE(r.body.contains("error"));
}

TEST_CASE("aws errors: each exception with the status the API reference gives it") {
  struct Case {
    std::function<RestResponse(const std::string&)> make;
    int status;
    const char* type;
  };
  const Case cases[] = {
      {aws_errors::validation, 400, "ValidationException"},
      {aws_errors::resource_not_found, 409, "ResourceNotFoundException"},
      {aws_errors::limit_exceeded, 409, "LimitExceededException"},
      {aws_errors::disabled_operation, 409, "DisabledOperationException"},
      {aws_errors::resource_already_exists, 409, "ResourceAlreadyExistsException"},
  };
  for (const Case& c : cases) {
    INFO(c.type);
    const RestResponse r = c.make("m");
    CHECK(r.status == c.status);
    CHECK(r.body["__type"] == c.type);
    CHECK(r.body["message"] == "m");
    CHECK(r.body.size() == 2);
  }
}

TEST_CASE("aws errors: the message is kept verbatim") {
  const std::string message = "Connection \"x\" [cc-1] isn't\nfound: 100%";
  CHECK(aws_errors::resource_not_found(message).body["message"] == message);
}

}  // namespace
}  // namespace ccrsim
