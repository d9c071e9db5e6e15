#include "model/rest/auto_id.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace ccrsim {
namespace {

bool url_safe(const std::string& id) {
  for (char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

TEST_CASE("auto ids: 20 URL-safe base64 characters without padding") {
  const std::string id = auto_document_id(0, seconds_us(1'700'000'000), "node-1");
  CHECK(id.size() == 20);  // 15 bytes
  CHECK(url_safe(id));
}

TEST_CASE("auto ids: the same inputs give the same id - no hidden randomness") {
  CHECK(auto_document_id(7, 123'456'789, "leader-0") == auto_document_id(7, 123'456'789, "leader-0"));
}

TEST_CASE("auto ids: unique over a burst within one millisecond") {
  std::set<std::string> ids;
  for (std::uint64_t seq = 0; seq < 10'000; ++seq) ids.insert(auto_document_id(seq, 5 * kUsPerMs, "n"));
  CHECK(ids.size() == 10'000);
}

TEST_CASE("auto ids: the node and the millisecond change the id - microseconds within one do not") {
  const std::string base = auto_document_id(1, 10 * kUsPerMs, "node-a");
  CHECK(auto_document_id(1, 10 * kUsPerMs, "node-b") != base);
  CHECK(auto_document_id(1, 11 * kUsPerMs, "node-a") != base);
  CHECK(auto_document_id(1, 10 * kUsPerMs + 999, "node-a") == base);  // the timestamp is epoch millis
}

TEST_CASE("auto ids: the node's address bytes sit in the middle and are shared by its ids") {
  // Bytes 6..11 (the "MAC address") are characters 8..15 of the encoding (3 bytes -> 4 characters).
  const std::string a = auto_document_id(1, seconds_us(100), "node-x");
  const std::string b = auto_document_id(2, seconds_us(200), "node-x");
  CHECK(a.substr(8, 8) == b.substr(8, 8));
  CHECK(auto_document_id(1, seconds_us(100), "node-y").substr(8, 8) != a.substr(8, 8));
}

}  // namespace
}  // namespace ccrsim
