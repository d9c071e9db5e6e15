#pragma once
// Wraps every core REST handler: first catches the domain's synthetic writers up to the request's time (so the
// handler sees, and orders its own writes after, every operation issued before it), then runs the handler. A JSON
// type error that slipped past the handler's own checks (say, a user mapping of an odd shape) becomes a 400 answer
// instead of an exception escaping into the run.
#include <utility>

#include "model/rest/rest_router.h"

namespace ccrsim {

inline SyncHandler guarded(RestResponse (*handler)(RestContext&)) {
  return [handler](RestContext& ctx) {
    ctx.domain().catch_up_writes(ctx.now());
    try {
      return handler(ctx);
    } catch (const json::exception& e) {
      return opensearch_error(400, "illegal_argument_exception",
                              std::string("request could not be processed by the simulator: ") + e.what());
    }
  };
}

}  // namespace ccrsim
