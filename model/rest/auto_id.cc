#include "model/rest/auto_id.h"

#include <array>

namespace ccrsim {

namespace {

constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string base64url_no_padding(const std::array<std::uint8_t, 15>& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t v =
        (static_cast<std::uint32_t>(bytes[i]) << 16) | (static_cast<std::uint32_t>(bytes[i + 1]) << 8) | bytes[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kBase64Url[(v >> shift) & 63U]);
  }
  return out;
}

std::uint8_t byte_of(std::uint64_t v, int shift) {
  return static_cast<std::uint8_t>((v >> shift) & 0xFFU);
}

}  // namespace

std::string auto_document_id(std::uint64_t sequence, sim_time_us now_us, const std::string& node_name) {
  const std::uint64_t mac = fnv1a(node_name);
  // The real generator starts its sequence at a random value; a hash of the node name stands in for it.
  const std::uint64_t seq = (sequence + (mac >> 40)) & 0xFFFFFFU;
  const auto ts = static_cast<std::uint64_t>(epoch_millis(now_us));
  const std::array<std::uint8_t, 15> bytes = {byte_of(seq, 0),  byte_of(seq, 16), byte_of(ts, 16),  byte_of(ts, 24),
                                              byte_of(ts, 32),  byte_of(ts, 40),  byte_of(mac, 0),  byte_of(mac, 8),
                                              byte_of(mac, 16), byte_of(mac, 24), byte_of(mac, 32), byte_of(mac, 40),
                                              byte_of(ts, 8),   byte_of(seq, 8),  byte_of(ts, 0)};
  return base64url_no_padding(bytes);
}

}  // namespace ccrsim
