#pragma once
namespace ccrsim {
const char* version();
}  // namespace ccrsim
