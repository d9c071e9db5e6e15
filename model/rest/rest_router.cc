#include "model/rest/rest_router.h"

#include <algorithm>

#include "model/rest/request_body.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

std::vector<std::string> split_pattern(const std::string& pattern) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= pattern.size() && !pattern.empty()) {
    const std::size_t slash = pattern.find('/', pos);
    out.push_back(pattern.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos));
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  CCRSIM_ASSERT(pattern.empty() == out.empty());
  return out;
}

bool is_param(const std::string& seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

}  // namespace

void RestRouter::add(const std::string& method, const std::string& pattern, SyncHandler handler) {
  add_async(method, pattern, [h = std::move(handler)](RestContext& ctx, Responder done) { done(h(ctx)); });
}

void RestRouter::add_async(const std::string& method, const std::string& pattern, AsyncHandler handler) {
  CCRSIM_ASSERT(!method.empty() && handler != nullptr);
  Route r;
  r.method = method;
  r.pattern = split_pattern(pattern);
  for (const std::string& seg : r.pattern) r.literals += is_param(seg) ? 0 : 1;
  r.handler = std::move(handler);
  CCRSIM_ASSERT(r.literals >= 0 && r.literals <= static_cast<int>(r.pattern.size()));
  // Two handlers for one method and pattern: the first would win silently.
  CCRSIM_ASSERT_SLOW(std::none_of(routes_.begin(), routes_.end(), [&](const Route& other) {
    return other.method == r.method && other.pattern == r.pattern;
  }));
  routes_.push_back(std::move(r));
}

bool RestRouter::match(const Route& route, const std::vector<std::string>& segments,
                       std::map<std::string, std::string>& params) const {
  if (route.pattern.size() != segments.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string& p = route.pattern[i];
    if (is_param(p)) {
      if (segments[i].empty()) return false;
      params[p.substr(1, p.size() - 2)] = segments[i];
    } else if (p != segments[i]) {
      return false;
    }
  }
  CCRSIM_ASSERT(static_cast<int>(params.size()) <= static_cast<int>(segments.size()) - route.literals);
  return true;
}

void RestRouter::dispatch(World& world, DomainId domain, const RestRequest& request, Responder done) const {
  CCRSIM_ASSERT(domain >= 0 && domain < world.domain_count());
  CCRSIM_ASSERT(done != nullptr);
  RestContext ctx{&world, domain, request, {}, &world.domain(domain), world.now()};
  route(std::move(ctx), std::move(done));
}

void RestRouter::dispatch(Domain& domain, sim_time_us now_us, const RestRequest& request, Responder done) const {
  CCRSIM_ASSERT(now_us >= 0);
  CCRSIM_ASSERT(done != nullptr);
  RestContext ctx{nullptr, 0, request, {}, &domain, now_us};
  route(std::move(ctx), std::move(done));
}

void RestRouter::route(RestContext ctx, Responder done) const {
  const RestRequest& request = ctx.request;
  const Route* best = nullptr;
  std::map<std::string, std::string> best_params;
  std::vector<std::string> allowed;
  std::map<std::string, std::string> params;
  for (const Route& r : routes_) {
    if (!match(r, request.segments, params)) continue;
    if (r.method != request.method && !(request.method == "HEAD" && r.method == "GET")) {
      allowed.push_back(r.method);
      continue;
    }
    if (best == nullptr || r.literals > best->literals) {
      best = &r;
      best_params = params;
    }
  }
  const std::string uri = "/" + request.path;
  if (best == nullptr && !allowed.empty()) {
    std::string list;
    for (std::size_t i = 0; i < allowed.size(); ++i) list += (i ? ", " : "") + allowed[i];
    json body = json::object();
    body["error"] =
        "Incorrect HTTP method for uri [" + uri + "] and method [" + request.method + "], allowed: [" + list + "]";
    body["status"] = 405;
    done(RestResponse::with_status(405, std::move(body)));
    return;
  }
  if (best == nullptr) {
    json body = json::object();
    body["error"] = "no handler found for uri [" + uri + "] and method [" + request.method + "]";
    body["status"] = 400;
    done(RestResponse::with_status(400, std::move(body)));
    return;
  }
  CCRSIM_ASSERT(best->method == request.method || (request.method == "HEAD" && best->method == "GET"));
  ctx.params = std::move(best_params);
  // As in OpenSearch, the body is parsed only once a handler takes the request.
  if (std::optional<RestResponse> refused = parse_raw_body(ctx.request)) {
    done(std::move(*refused));
    return;
  }
  best->handler(ctx, std::move(done));
}

RestResponse RestRouter::dispatch_now(World& world, DomainId domain, const RestRequest& request) const {
  RestResponse out;
  bool answered = false;
  dispatch(world, domain, request, [&](RestResponse r) {
    out = std::move(r);
    answered = true;
  });
  CCRSIM_ASSERT(answered && "dispatch_now used with a handler that answers later");
  return out;
}

RestResponse RestRouter::dispatch_now(Domain& domain, sim_time_us now_us, const RestRequest& request) const {
  RestResponse out;
  bool answered = false;
  dispatch(domain, now_us, request, [&](RestResponse r) {
    out = std::move(r);
    answered = true;
  });
  CCRSIM_ASSERT(answered && "dispatch_now used with a handler that answers later");
  return out;
}

}  // namespace ccrsim
