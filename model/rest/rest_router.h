#pragma once
// Routes a REST request to its handler by method and path pattern ("{index}/_doc/{id}"). A pattern with more
// literal segments wins over one with fewer; among equals the first registered wins. Handlers may answer at once
// or later in simulated time (e.g. `_start` answers when the restore has begun) through the Responder.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "model/rest/rest_request.h"
#include "model/rest/rest_response.h"
#include "model/world.h"

namespace ccrsim {

struct RestContext {
  World* world = nullptr;  // null when dispatched against a bare Domain (unit tests of the core index APIs)
  DomainId domain_id = 0;
  RestRequest request;
  std::map<std::string, std::string> params;  // path parameters by name
  Domain* target = nullptr;                   // the domain receiving the request; set by dispatch
  sim_time_us now_us = 0;                     // simulated time of the request; set by dispatch

  // A context built by hand with only world and domain_id (no target) still works.
  Domain& domain() const { return target != nullptr ? *target : world->domain(domain_id); }
  sim_time_us now() const { return target != nullptr ? now_us : world->now(); }
  const std::string& param(const std::string& name) const { return params.at(name); }
};

using Responder = std::function<void(RestResponse)>;
using SyncHandler = std::function<RestResponse(RestContext&)>;
using AsyncHandler = std::function<void(RestContext&, Responder)>;

class RestRouter {
 public:
  void add(const std::string& method, const std::string& pattern, SyncHandler handler);
  void add_async(const std::string& method, const std::string& pattern, AsyncHandler handler);

  // Finds the handler and runs it; unknown paths get OpenSearch's 400 "no handler found", a known path with
  // another method its 405 "Incorrect HTTP method".
  void dispatch(World& world, DomainId domain, const RestRequest& request, Responder done) const;
  // Convenience for handlers that answer at once (tests, synchronous callers).
  RestResponse dispatch_now(World& world, DomainId domain, const RestRequest& request) const;
  // The same against a bare domain at time `now`, without a World: enough for the handlers that only touch one
  // domain (index, document, search, _cat, cluster settings, aliases). Handlers needing ctx.world must not be
  // reached this way.
  void dispatch(Domain& domain, sim_time_us now_us, const RestRequest& request, Responder done) const;
  RestResponse dispatch_now(Domain& domain, sim_time_us now_us, const RestRequest& request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> pattern;
    int literals = 0;
    AsyncHandler handler;
  };
  void route(RestContext ctx, Responder done) const;
  bool match(const Route& route, const std::vector<std::string>& segments,
             std::map<std::string, std::string>& params) const;

  std::vector<Route> routes_;
};

}  // namespace ccrsim
