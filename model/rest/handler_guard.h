#pragma once
// Last line of defence for the core REST handlers: a JSON type error that slipped past a handler's own checks
// (say, a user mapping of an odd shape) becomes a 400 answer instead of an exception escaping into the run.
#include <utility>

#include "model/rest/rest_router.h"

namespace ccrsim {

inline SyncHandler guarded(RestResponse (*handler)(RestContext&)) {
  return [handler](RestContext& ctx) {
    try {
      return handler(ctx);
    } catch (const json::exception& e) {
      return opensearch_error(400, "illegal_argument_exception",
                              std::string("request could not be processed by the simulator: ") + e.what());
    }
  };
}

}  // namespace ccrsim
