#include "sim/assert.h"

#include <cstdio>
#include <cstdlib>

namespace ccrsim::detail {

void assertion_failed(const char* condition, const char* file, int line, const char* function) {
  std::fprintf(stderr, "%s:%d: %s: ccrsim assertion failed: %s\n", file, line, function, condition);
  std::fflush(stderr);
  std::abort();
}

}  // namespace ccrsim::detail
