#include "model/aws/connection_lifecycle.h"

#include "model/aws/aws_errors.h"
#include "model/aws/connection_rules.h"
#include "model/world.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

// The moves the lifecycle makes (the header's diagram); enter() refuses every other one.
bool legal_connection_transition(ConnectionStatus from, ConnectionStatus to) {
  using S = ConnectionStatus;
  if (to == S::kDeleting) return is_live(from);
  switch (from) {
    case S::kValidating:
      return to == S::kValidationFailed || to == S::kPendingAcceptance;
    case S::kPendingAcceptance:
      return to == S::kApproved || to == S::kRejecting;
    case S::kApproved:
      return to == S::kProvisioning;
    case S::kProvisioning:
      return to == S::kActive;
    case S::kRejecting:
      return to == S::kRejected;
    case S::kDeleting:
      return to == S::kDeleted;
    default:
      return false;
  }
}

}  // namespace

ConnectionLifecycle::ConnectionLifecycle(World& world, const ConnectionDelaysSpec& delays, std::uint64_t seed)
    : world_(world), delays_(delays), ids_(seed, "connections") {}

std::string ConnectionLifecycle::next_id() {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string id = "cc-";
  for (int i = 0; i < 24; ++i) id.push_back(kChars[ids_.below(36)]);
  CCRSIM_ASSERT(id.size() == 27);
  return id;
}

ConnectionOutcome ConnectionLifecycle::create_outbound(const CreateConnectionRequest& request) {
  CCRSIM_ASSERT(request.local >= 0 && request.local < world_.domain_count());
  CCRSIM_ASSERT(request.remote >= 0 && request.remote < world_.domain_count());
  Connections& all = world_.connections();
  const std::string& local_name = world_.domain(request.local).name();
  if (request.local == request.remote) {
    return {nullptr, aws_errors::validation("A domain cannot connect to itself: " + local_name)};
  }
  if (const Connection* same = all.find_live_outbound(request.local, request.alias)) {
    return {nullptr, aws_errors::resource_already_exists("Connection alias " + request.alias + " is already used by " +
                                                         same->id + " on domain " + local_name)};
  }
  // The local side is checked at once; the remote side's count is part of validation (the local owner cannot see
  // the remote domain's connections).
  if (!instant_ && !all.connected(request.local, request.remote) &&
      all.connected_domain_count(request.local) >= kMaxConnectedDomains) {
    return {nullptr, aws_errors::limit_exceeded(connection_limit_message(local_name))};
  }
  Connection c;
  c.id = next_id();
  c.alias = request.alias;
  c.local = request.local;
  c.remote = request.remote;
  c.vpc_endpoint = request.vpc_endpoint;
  c.search_only = request.search_only;
  c.created_us = world_.now();
  Connection& added = all.add(std::move(c));
  CCRSIM_ASSERT(!added.timer.valid());
  // A new record starts in VALIDATING (its default status is for records tests add directly).
  added.status = ConnectionStatus::kValidating;
  enter(added, ConnectionStatus::kValidating);
  CCRSIM_ASSERT(added.status != ConnectionStatus::kActive || instant_);  // only setup skips the stages
  return {&added, std::nullopt};
}

std::optional<RestResponse> ConnectionLifecycle::pending_inbound_refusal(const Connection& c, DomainId by,
                                                                         const char* verb) const {
  if (by != c.remote || !visible_inbound(c.status)) {
    return aws_errors::resource_not_found("Inbound connection " + c.id + " not found on domain " +
                                          world_.domain(by).name());
  }
  if (c.status != ConnectionStatus::kPendingAcceptance) {
    return aws_errors::disabled_operation("Connection " + c.id + " is " + to_string(c.status) +
                                          ": only a connection in PENDING_ACCEPTANCE can be " + verb);
  }
  return std::nullopt;
}

ConnectionOutcome ConnectionLifecycle::accept(Connection& c, DomainId by) {
  if (auto refusal = pending_inbound_refusal(c, by, "accepted")) return {nullptr, std::move(refusal)};
  CCRSIM_ASSERT(c.status == ConnectionStatus::kPendingAcceptance && by == c.remote);
  CCRSIM_ASSERT(!c.timer.valid());  // PENDING_ACCEPTANCE waits for the owner, not for a timer
  // This connection already counts (it is pending); the limit is broken when accepting it would leave a side
  // with more than the maximum.
  for (DomainId d : {c.remote, c.local}) {
    if (world_.connections().connected_domain_count(d) > kMaxConnectedDomains) {
      return {nullptr, aws_errors::limit_exceeded(connection_limit_message(world_.domain(d).name()))};
    }
  }
  enter(c, ConnectionStatus::kApproved);
  return {&c, std::nullopt};
}

ConnectionOutcome ConnectionLifecycle::reject(Connection& c, DomainId by) {
  if (auto refusal = pending_inbound_refusal(c, by, "rejected")) return {nullptr, std::move(refusal)};
  CCRSIM_ASSERT(c.status == ConnectionStatus::kPendingAcceptance && by == c.remote);
  enter(c, ConnectionStatus::kRejecting, "Rejected by the owner of domain " + world_.domain(by).name());
  return {&c, std::nullopt};
}

ConnectionOutcome ConnectionLifecycle::remove(Connection& c, DomainId by) {
  if (!is_live(c.status)) {
    return {nullptr, aws_errors::disabled_operation("Connection " + c.id + " is " + to_string(c.status) +
                                                    " and cannot be deleted")};
  }
  CCRSIM_ASSERT(by == c.local || by == c.remote);  // only an owner of either side deletes
  world_.sim().cancel(c.timer);
  c.timer = EventHandle{};
  const std::string side = by == c.local ? "local" : "remote";
  enter(c, ConnectionStatus::kDeleting, "Deleted by the owner of the " + side + " domain " + world_.domain(by).name());
  return {&c, std::nullopt};
}

void ConnectionLifecycle::on_event(std::uint64_t arg) {
  auto& items = world_.connections().all();
  if (arg >= items.size()) return;
  Connection& c = items[arg];
  CCRSIM_ASSERT(c.index == static_cast<int>(arg));
  CCRSIM_ASSERT(stage_delay_us(c.status) >= 0);  // a timer runs only in a status that ends on one
  c.timer = EventHandle{};
  stage_done(c);
}

sim_time_us ConnectionLifecycle::stage_delay_us(ConnectionStatus status) const {
  switch (status) {
    case ConnectionStatus::kValidating:
      return delays_.validating_us;
    case ConnectionStatus::kApproved:
      return delays_.approved_us;
    case ConnectionStatus::kProvisioning:
      return delays_.provisioning_us;
    case ConnectionStatus::kRejecting:
      return delays_.rejecting_us;
    case ConnectionStatus::kDeleting:
      return delays_.deleting_us;
    default:
      return -1;  // PENDING_ACCEPTANCE waits for the remote owner; the rest are final or ACTIVE
  }
}

void ConnectionLifecycle::enter(Connection& c, ConnectionStatus status, std::string message) {
  CCRSIM_ASSERT(status == ConnectionStatus::kValidating ? c.status == status
                                                        : legal_connection_transition(c.status, status));
  CCRSIM_ASSERT(!c.timer.valid());  // the previous stage's timer fired or was cancelled
  CCRSIM_ASSERT(world_.now() >= c.status_since_us);
  c.status = status;
  c.status_since_us = world_.now();
  if (!message.empty()) c.message = std::move(message);
  world_.trace().log(world_.now(), "connection",
                     c.id + " " + c.alias + " (" + world_.domain(c.local).name() + " -> " +
                         world_.domain(c.remote).name() + ") " + to_string(status) +
                         (c.message.empty() ? "" : ": " + c.message));
  world_.sim().mix_fingerprint(0x434f4e4eULL ^ (static_cast<std::uint64_t>(c.index) << 8) ^
                               static_cast<std::uint64_t>(status));
  const sim_time_us delay = stage_delay_us(status);
  if (delay < 0) return;
  if (instant_) {
    stage_done(c);
    return;
  }
  c.timer = world_.sim().schedule_in(delay, this, static_cast<std::uint64_t>(c.index));
  CCRSIM_ASSERT(c.timer.valid());
}

void ConnectionLifecycle::stage_done(Connection& c) {
  switch (c.status) {
    case ConnectionStatus::kValidating: {
      const DomainSpec& local = world_.domain(c.local).spec();
      const DomainSpec& remote = world_.domain(c.remote).spec();
      std::string why = connection_validation_failure(local, remote, c.search_only);
      const Connections& all = world_.connections();
      if (why.empty() && !all.connected(c.local, c.remote)) {
        for (DomainId d : {c.local, c.remote}) {
          if (all.connected_domain_count(d) >= kMaxConnectedDomains) {
            why = connection_limit_message(world_.domain(d).name());
            break;
          }
        }
      }
      if (!why.empty()) return enter(c, ConnectionStatus::kValidationFailed, std::move(why));
      return enter(c, ConnectionStatus::kPendingAcceptance);
    }
    case ConnectionStatus::kApproved:
      return enter(c, ConnectionStatus::kProvisioning);
    case ConnectionStatus::kProvisioning:
      return enter(c, ConnectionStatus::kActive);
    case ConnectionStatus::kRejecting:
      return enter(c, ConnectionStatus::kRejected);
    case ConnectionStatus::kDeleting:
      return enter(c, ConnectionStatus::kDeleted);
    default:
      return;
  }
}

}  // namespace ccrsim
