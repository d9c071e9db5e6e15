#pragma once
// The AWS control-plane operations a scenario's `aws:` step may call (docs/scenarios.md), in the CLI's spelling.
#include <string>
#include <vector>

namespace ccrsim {

const std::vector<std::string>& aws_operations();

}  // namespace ccrsim
