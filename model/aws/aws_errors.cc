#include "model/aws/aws_errors.h"

namespace ccrsim::aws_errors {
namespace {

RestResponse error(int status, const char* type, const std::string& message) {
  return RestResponse::with_status(status, json{{"__type", type}, {"message", message}});
}

}  // namespace

RestResponse validation(const std::string& message) {
  return error(400, "ValidationException", message);
}
RestResponse resource_not_found(const std::string& message) {
  return error(409, "ResourceNotFoundException", message);
}
RestResponse limit_exceeded(const std::string& message) {
  return error(409, "LimitExceededException", message);
}
RestResponse disabled_operation(const std::string& message) {
  return error(409, "DisabledOperationException", message);
}
RestResponse resource_already_exists(const std::string& message) {
  return error(409, "ResourceAlreadyExistsException", message);
}

}  // namespace ccrsim::aws_errors
