#include "scenario/aws_operations.h"

namespace ccrsim {

const std::vector<std::string>& aws_operations() {
  static const std::vector<std::string> ops = {"create-outbound-connection",  "accept-inbound-connection",
                                               "reject-inbound-connection",   "delete-outbound-connection",
                                               "delete-inbound-connection",   "describe-outbound-connections",
                                               "describe-inbound-connections"};
  return ops;
}

}  // namespace ccrsim
