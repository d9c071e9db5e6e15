#include "model/replication/replication_errors.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

std::string reason_of(const RestResponse& r) {
  return r.body["error"]["reason"].get<std::string>();
}
std::string type_of(const RestResponse& r) {
  return r.body["error"]["type"].get<std::string>();
}

TEST_CASE("catalogue texts are word for word") {
  namespace e = replication_errors;
  auto r = e::follower_index_exists("f");
  CHECK(r.status == 400);
  CHECK(reason_of(r) == "Cant use same index again for replication. Delete the index:f");
  CHECK(r.body["status"] == 400);
  CHECK(r.body["error"]["root_cause"][0]["reason"] == reason_of(r));

  CHECK(reason_of(e::no_replication_in_progress("no_index")) == "No replication in progress for index:no_index");
  CHECK(reason_of(e::already_paused("f")) == "Index f is already paused");
  CHECK(type_of(e::already_paused("f")) == "resource_already_exists_exception");
  CHECK(e::cannot_pause_in_state(OverallState::kFailed).status == 500);
  CHECK(reason_of(e::cannot_pause_in_state(OverallState::kFailed)) == "Cannot pause when in FAILED state");
  CHECK(reason_of(e::restore_phase("f")) ==
        "Index is in restore phase currently for index: f. You can pause after restore completes.");
  CHECK(e::restore_phase("f").status == 500);
  CHECK(reason_of(e::already_running("f")) == "Replication on Index f is already running");
  CHECK(reason_of(e::cannot_update_in_state(OverallState::kFailed)) == "Cannot update settings when in FAILED state");
  auto nsrc = e::no_such_remote_cluster("does_not_exist");
  CHECK(nsrc.status == 404);
  CHECK(type_of(nsrc) == "no_such_remote_cluster_exception");
  CHECK(reason_of(nsrc) == "no such remote cluster: [does_not_exist]");
  auto nsi = e::leader_index_not_found("does_not_exist");
  CHECK(nsi.status == 404);
  CHECK(type_of(nsi) == "index_not_found_exception");
  CHECK(reason_of(nsi) == "no such index [does_not_exist]");
  CHECK(reason_of(e::start_block_set()) == "[FORBIDDEN] Replication START block is set");
  CHECK(e::start_block_set().status == 403);
  CHECK(reason_of(e::replicated_index("l")) == "Cannot Replicate a Replicated Index l");
  CHECK(reason_of(e::leader_primaries_inactive("source", "l")) ==
        "Primary shards in the Index[source:l] are not active");
  CHECK(reason_of(e::status_index_name_required()) == "Index name must be specified to obtain replication status");
  CHECK(reason_of(e::status_fetch_failed()) == "failed to fetch replication status");
  CHECK(reason_of(e::wait_timed_out()) == "Timed out when waiting for persistent task after 30s");
}

TEST_CASE("the retention lease text depends on the engine version") {
  namespace e = replication_errors;
  auto old_text = e::retention_lease_missing("f", engine_version_or_default("OpenSearch_2.11"));
  CHECK(old_text.status == 404);
  CHECK(reason_of(old_text) == "Retention lease doesn't exist. Replication can't be resumed for f");
  auto new_text = e::retention_lease_missing("f", engine_version_or_default("OpenSearch_3.8"));
  CHECK(reason_of(new_text) ==
        "Retention lease doesn't exist. Replication can't be resumed for f. Use force_resume=true to restore from "
        "snapshot.");
}

TEST_CASE("name validation gives the ValidationUtil messages") {
  namespace e = replication_errors;
  CHECK(e::name_problems("good-name").empty());
  CHECK(e::name_problems("Bad") == std::vector<std::string>{"Value Bad must be lowercase"});
  CHECK(e::name_problems("a#b") == std::vector<std::string>{"Value a#b must not contain '#' or ':'"});
  CHECK(e::name_problems("_x") == std::vector<std::string>{"Value _x must not start with '_' or '-' or '+'"});
  CHECK(e::name_problems(".x") == std::vector<std::string>{"Value .x must not start with '.'"});
  CHECK(e::name_problems("..") == std::vector<std::string>{"Value .. must not be '.' or '..'"});
  CHECK(
      e::name_problems("a?b") ==
      std::vector<std::string>{"Value a?b must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]"});
  auto v = e::validation_failed({"Value Bad must be lowercase"});
  CHECK(reason_of(v) == "Validation Failed: 1: Value Bad must be lowercase;");
  CHECK(type_of(v) == "action_request_validation_exception");
}

}  // namespace
}  // namespace ccrsim
