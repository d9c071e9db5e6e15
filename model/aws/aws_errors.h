#pragma once
// Errors of the Amazon OpenSearch Service configuration API as the REST-JSON protocol returns them:
// {"__type": "<ExceptionName>", "message": "..."} with the HTTP status the API reference gives each exception.
#include <string>

#include "model/rest/rest_response.h"

namespace ccrsim::aws_errors {

RestResponse validation(const std::string& message);               // ValidationException, 400
RestResponse resource_not_found(const std::string& message);       // ResourceNotFoundException, 409
RestResponse limit_exceeded(const std::string& message);           // LimitExceededException, 409
RestResponse disabled_operation(const std::string& message);       // DisabledOperationException, 409
RestResponse resource_already_exists(const std::string& message);  // ResourceAlreadyExistsException, 409

}  // namespace ccrsim::aws_errors
