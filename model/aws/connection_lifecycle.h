#pragma once
// The AWS connection lifecycle (docs/connections.md "Lifecycle"): outbound VALIDATING -> VALIDATION_FAILED |
// PENDING_ACCEPTANCE -> APPROVED -> PROVISIONING -> ACTIVE; PENDING_ACCEPTANCE -> REJECTING -> REJECTED; any live
// status -> DELETING -> DELETED. Every transient status ends on a timer (ConnectionDelaysSpec). The `connections:`
// section goes through the same operations before t = 0 with the timers collapsed ("instant" mode), so its connections
// are ACTIVE at t = 0 or VALIDATION_FAILED with the reason.
#include <cstdint>
#include <optional>
#include <string>

#include "model/connection.h"
#include "model/rest/rest_response.h"
#include "scenario/scenario.h"
#include "sim/event_queue.h"
#include "sim/rng.h"

namespace ccrsim {

class World;

struct CreateConnectionRequest {
  DomainId local = 0;
  DomainId remote = 0;
  std::string alias;
  bool vpc_endpoint = false;
  bool search_only = false;
};

// A connection, or the AWS error that refused the operation.
struct ConnectionOutcome {
  Connection* connection = nullptr;
  std::optional<RestResponse> error;
};

class ConnectionLifecycle : public EventTarget {
 public:
  ConnectionLifecycle(World& world, const ConnectionDelaysSpec& delays, std::uint64_t seed);

  // While on, every stage ends at once (setup before t = 0).
  void set_instant(bool instant) { instant_ = instant; }

  ConnectionOutcome create_outbound(const CreateConnectionRequest& request);
  // `by` is the domain making the call: accept and reject belong to the remote (inbound) side, delete to either.
  ConnectionOutcome accept(Connection& c, DomainId by);
  ConnectionOutcome reject(Connection& c, DomainId by);
  ConnectionOutcome remove(Connection& c, DomainId by);

  void on_event(std::uint64_t arg) override;

 private:
  // Accept and reject: only the remote owner, only while PENDING_ACCEPTANCE.
  std::optional<RestResponse> pending_inbound_refusal(const Connection& c, DomainId by, const char* verb) const;
  void enter(Connection& c, ConnectionStatus status, std::string message = {});
  void stage_done(Connection& c);
  sim_time_us stage_delay_us(ConnectionStatus status) const;
  std::string next_id();

  World& world_;
  ConnectionDelaysSpec delays_;
  Rng ids_;
  bool instant_ = false;
};

}  // namespace ccrsim
