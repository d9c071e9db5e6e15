#include "app/step_runner.h"

#include <algorithm>

#include "app/expectation.h"
#include "model/aws/aws_api.h"
#include "reports/number_format.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

// The security plugin authenticates against the domain's internal users as they are now (users created or deleted
// through the REST API count). With fine-grained access control off nothing is authenticated, so any name passes.
bool known_user(const Domain& domain, const std::string& user) {
  const SecurityConfig& security = domain.security();
  return !security.enabled() || security.user(user) != nullptr;
}

}  // namespace

StepRunner::StepRunner(World& world, const RestRouter& router, const std::vector<StepSpec>& steps)
    : world_(world), router_(router), steps_(steps) {
  results_.reserve(steps.size());
}

void StepRunner::start() {
  schedule_next();
}

void StepRunner::schedule_next() {
  if (next_ >= steps_.size()) return;
  CCRSIM_ASSERT(!in_step_);  // steps run one after the other
  const StepSpec& s = steps_[next_];
  // A step due before the previous one finished begins as soon as it has: now or later, never in the past.
  const sim_time_us at = std::max(world_.now(), s.at_us.value_or(0));
  world_.sim().schedule_at(at, this, kBegin);
}

void StepRunner::on_event(std::uint64_t arg) {
  switch (arg) {
    case kBegin:
      begin_step();
      return;
    case kAttempt:
      attempt();
      return;
    case kWaitOver: {
      StepResult r = current();
      r.done_us = world_.now();
      r.status = 0;
      finish(std::move(r));
      return;
    }
    default:
      CCRSIM_ASSERT(false && "unknown step event");
      return;
  }
}

void StepRunner::begin_step() {
  CCRSIM_ASSERT(!in_step_ && next_ < steps_.size());
  CCRSIM_ASSERT(results_.size() == next_);  // one result per step begun
  const StepSpec& s = steps_[next_++];
  in_step_ = true;
  step_began_us_ = world_.now();
  StepResult r;
  r.index = static_cast<int>(results_.size());
  r.at_us = world_.now();
  r.on = s.on;
  r.attempts = 0;
  switch (s.kind) {
    case StepKind::kRequest:
      r.request = s.method + " " + s.path;
      break;
    case StepKind::kAws:
      r.request = "aws " + s.aws_operation;
      break;
    case StepKind::kWait:
      r.request = "wait " + format_seconds(s.wait_us) + "s";
      break;
  }
  results_.push_back(std::move(r));
  world_.trace().log(world_.now(), "step", std::to_string(current().index) + " begin: " + current().request);
  if (s.kind == StepKind::kWait) {
    CCRSIM_ASSERT(s.wait_us >= 0);
    world_.sim().schedule_in(s.wait_us, this, kWaitOver);
    return;
  }
  attempt();
}

void StepRunner::attempt() {
  CCRSIM_ASSERT(in_step_);
  const StepSpec& s = spec();
  CCRSIM_ASSERT(s.kind != StepKind::kWait);  // a wait makes no attempts
  ++current().attempts;
  const std::uint64_t generation = ++attempt_generation_;
  if (s.kind == StepKind::kAws) {
    // The configuration API answers at once; its effects run on the connection lifecycle's timers.
    CCRSIM_ASSERT(world_.find_domain(s.on).has_value());  // the loader resolved every domain name
    on_response(generation, handle_aws_operation(world_, *world_.find_domain(s.on), s.aws_operation, s.aws_args));
    return;
  }
  RestRequest request;
  std::string error;
  if (!parse_request_line(s.method + " " + s.path, request, error)) {
    // The loader validated the line; this is a defensive answer, not a crash.
    on_response(generation, opensearch_error(400, "illegal_argument_exception", error));
    return;
  }
  request.body = s.body;
  request.user = s.as;
  const std::optional<DomainId> domain = world_.find_domain(s.on);
  CCRSIM_ASSERT(domain.has_value());
  if (!known_user(world_.domain(*domain), s.as)) {
    // The security plugin's answer to credentials it does not know (text body, as OpenSearch sends it).
    on_response(generation, RestResponse::plain(401, "Unauthorized"));
    return;
  }
  if (!world_.domain(*domain).up()) {
    // A domain that is down answers nothing: the client gives up without an HTTP status (simulator-defined text).
    on_response(generation, RestResponse::plain(0, "no response: domain '" + s.on + "' is down"));
    return;
  }
  for (DomainId d = 0; d < world_.domain_count(); ++d) world_.domain(d).catch_up_writes(world_.now());
  router_.dispatch(world_, *domain, request,
                   [this, generation](RestResponse response) { on_response(generation, std::move(response)); });
}

void StepRunner::on_response(std::uint64_t attempt_generation, RestResponse response) {
  if (attempt_generation != attempt_generation_ || !in_step_) return;  // a late answer to an abandoned attempt
  const StepSpec& s = spec();
  StepResult& r = current();
  CCRSIM_ASSERT(r.attempts >= 1);
  CCRSIM_ASSERT(response.status >= 0);  // 0: no response at all
  r.status = response.status;
  r.body = response.text ? json(*response.text) : response.body;
  r.done_us = world_.now();
  if (!s.expect) {
    r.expect = "none";
    finish(r);
    return;
  }
  MatchResult m{true, ""};
  if (s.expect->status) m = match_status(*s.expect->status, response.status);
  if (m.ok && s.expect->body) m = match_value(*s.expect->body, r.body, r.body);
  if (m.ok) {
    r.expect = "pass";
    r.message.clear();
    finish(r);
    return;
  }
  r.message = m.message;
  if (s.within_us && world_.now() + s.every_us <= step_began_us_ + *s.within_us) {
    world_.sim().schedule_in(s.every_us, this, kAttempt);
    return;
  }
  r.expect = "fail";
  if (s.within_us) r.message = "not satisfied within " + format_seconds(*s.within_us) + "s: " + m.message;
  finish(r);
}

void StepRunner::finish(StepResult result) {
  CCRSIM_ASSERT(in_step_ && !results_.empty());
  CCRSIM_ASSERT(result.index + 1 == static_cast<int>(results_.size()));  // the result of the current step
  CCRSIM_ASSERT(result.done_us >= result.at_us);
  results_.back() = std::move(result);
  in_step_ = false;
  const StepResult& r = results_.back();
  world_.trace().log(world_.now(), "step",
                     std::to_string(r.index) + " done: " + r.request + " -> " + std::to_string(r.status) + " " +
                         r.expect + (r.message.empty() ? "" : " (" + r.message + ")"));
  schedule_next();
}

}  // namespace ccrsim
