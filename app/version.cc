#include "app/version.h"

namespace ccrsim {
const char* version() {
  return CCRSIM_VERSION;
}
}  // namespace ccrsim
