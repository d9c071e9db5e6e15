#include "sim/network/network.h"

#include <catch2/catch.hpp>
#include <utility>
#include <vector>

#include "sim/rng.h"

namespace ccrsim {
namespace {

constexpr sim_time_us kLatencyUs = 10 * kUsPerMs;
constexpr double kMegabytePerS = 1e6;
constexpr std::int64_t kMegabyte = 1'000'000;

struct Recorder : EventTarget {
  explicit Recorder(Simulator& s) : sim(s) {}
  void on_event(std::uint64_t arg) override { fired.emplace_back(sim.now(), arg); }
  Simulator& sim;
  std::vector<std::pair<sim_time_us, std::uint64_t>> fired;
};

// leader (0) and follower (1), plus `extra` more endpoints, on 1 MB/s links with a fixed 10 ms latency.
NetworkConfig scenario(int extra = 0, std::uint64_t seed = 7) {
  NetworkConfig c;
  c.seed = seed;
  c.endpoints = {"leader", "follower"};
  for (int i = 0; i < extra; ++i) c.endpoints.push_back("other-" + std::to_string(i));
  LinkConfig link;
  link.latency_us = kLatencyUs;
  link.bandwidth_bytes_per_s = kMegabytePerS;
  c.links.assign(c.endpoints.size() * c.endpoints.size(), link);
  return c;
}

void set_jitter(NetworkConfig& c, sim_time_us jitter_us) {
  for (LinkConfig& l : c.links) l.jitter_us = jitter_us;
}

struct Fixture {
  explicit Fixture(const NetworkConfig& s = scenario()) : net(sim, s), rec(sim) {}
  Simulator sim;
  Network net;
  Recorder rec;
};

TEST_CASE("two flows started together share the link equally") {
  Fixture f;
  const TransferId a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  const TransferId b = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 2);
  CHECK(f.net.transfer_rate(a) == 0.5e6);
  CHECK(f.net.transfer_rate(b) == 0.5e6);
  CHECK(f.net.active_flows(0, 1) == 2);
  f.sim.run_until(10 * kUsPerS);
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{2 * kUsPerS + kLatencyUs, 1}, {2 * kUsPerS + kLatencyUs, 2}});
  CHECK(f.net.bytes_delivered(0, 1) == 2 * kMegabyte);
  CHECK(f.net.bytes_delivered(1, 0) == 0);
  CHECK_FALSE(f.net.transfer_active(a));
}

TEST_CASE("the two directions of a link are separate capacity pools") {
  Fixture f;
  f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.net.start_transfer(1, 0, kMegabyte, &f.rec, 2);
  f.sim.run_until(10 * kUsPerS);
  CHECK(f.rec.fired.size() == 2);
  CHECK(f.rec.fired[0].first == kUsPerS + kLatencyUs);
  CHECK(f.rec.fired[1].first == kUsPerS + kLatencyUs);
}

TEST_CASE("a flow that starts later gets a fair share of what is left") {
  Fixture f;
  const TransferId a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.sim.run_until(kUsPerS / 2);
  CHECK(f.net.transfer_rate(a) == kMegabytePerS);
  const TransferId b = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 2);
  CHECK(f.net.transfer_rate(a) == 0.5e6);
  CHECK(f.net.transfer_rate(b) == 0.5e6);
  f.sim.run_until(10 * kUsPerS);
  // a: 0.5 MB alone, 0.5 MB at half rate -> 1.5 s; b: 0.5 MB at half rate, then 0.5 MB alone -> 2.0 s.
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{1'500'000 + kLatencyUs, 1}, {2'000'000 + kLatencyUs, 2}});
}

TEST_CASE("a capped flow leaves its share to the others") {
  Fixture f;
  const TransferId capped = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1, 0.25e6);
  const TransferId open = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 2);
  CHECK(f.net.transfer_rate(capped) == 0.25e6);
  CHECK(f.net.transfer_rate(open) == 0.75e6);
  f.sim.run_until(10 * kUsPerS);
  REQUIRE(f.rec.fired.size() == 2);
  // open: 1 MB at 0.75 MB/s, rounded up to the microsecond; capped stays at its cap throughout: 4 s.
  CHECK(f.rec.fired[0] == std::pair<sim_time_us, std::uint64_t>{1'333'334 + kLatencyUs, 2});
  CHECK(f.rec.fired[1] == std::pair<sim_time_us, std::uint64_t>{4'000'000 + kLatencyUs, 1});
}

TEST_CASE("progressive filling with several caps") {
  Fixture f;
  const TransferId small = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1, 0.1e6);
  const TransferId mid = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 2, 0.3e6);
  const TransferId open_a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 3);
  const TransferId open_b = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 4);
  CHECK(f.net.transfer_rate(small) == Approx(0.1e6));
  CHECK(f.net.transfer_rate(mid) == Approx(0.3e6));
  CHECK(f.net.transfer_rate(open_a) == Approx(0.3e6));
  CHECK(f.net.transfer_rate(open_b) == Approx(0.3e6));
  // Raising the cap past the fair share gives the three uncapped-enough flows an equal 0.3 each.
  REQUIRE(f.net.set_transfer_max_rate(mid, 1e9));
  CHECK(f.net.transfer_rate(mid) == Approx(0.3e6));
  REQUIRE(f.net.set_transfer_max_rate(small, 1e9));
  CHECK(f.net.transfer_rate(small) == Approx(0.25e6));
  CHECK(f.net.transfer_rate(open_b) == Approx(0.25e6));
}

TEST_CASE("cancelling a flow frees its share and silences it") {
  Fixture f;
  const TransferId a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  const TransferId b = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 2);
  f.sim.run_until(kUsPerS / 2);
  CHECK(f.net.cancel_transfer(b));
  CHECK_FALSE(f.net.cancel_transfer(b));
  CHECK_FALSE(f.net.transfer_active(b));
  CHECK(f.net.transfer_rate(a) == kMegabytePerS);
  f.sim.run_until(10 * kUsPerS);
  // a: 0.25 MB by 0.5 s, then 0.75 MB alone.
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{1'250'000 + kLatencyUs, 1}});
  CHECK(f.net.bytes_delivered(0, 1) == kMegabyte);
}

TEST_CASE("a cancel during propagation stops the delivery") {
  Fixture f;
  const TransferId a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.sim.run_until(kUsPerS + kLatencyUs / 2);  // all bytes sent, last one still on the wire
  CHECK(f.net.transfer_active(a));
  CHECK(f.net.transfer_rate(a) == 0);
  CHECK(f.net.active_flows(0, 1) == 0);
  CHECK(f.net.cancel_transfer(a));
  f.sim.run_until(10 * kUsPerS);
  CHECK(f.rec.fired.empty());
  CHECK(f.net.bytes_delivered(0, 1) == 0);
}

TEST_CASE("zero-byte transfers arrive after the latency only") {
  Fixture f;
  f.net.start_transfer(0, 1, 0, &f.rec, 9);
  f.sim.run_until(kUsPerS);
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{kLatencyUs, 9}});
}

TEST_CASE("a link going down fails the flows in flight both ways - and new ones - until it comes back") {
  Fixture f(scenario(1));
  const TransferId pushing = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.net.start_transfer(1, 0, kMegabyte, &f.rec, 2);
  f.net.start_transfer(0, 2, kMegabyte, &f.rec, 3);  // another link: unaffected
  f.sim.run_until(kUsPerS / 2);
  f.net.start_transfer(0, 1, 0, &f.rec, 4);  // propagating when the link goes down
  f.sim.run_until(kUsPerS / 2 + 1);
  f.net.set_link_up(1, 0, false);
  CHECK_FALSE(f.net.reachable(0, 1));
  CHECK_FALSE(f.net.reachable(1, 0));
  CHECK(f.net.reachable(0, 2));
  CHECK_FALSE(f.net.transfer_active(pushing));
  CHECK(f.net.active_flows(0, 1) == 0);
  const TransferId refused = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 5);
  CHECK_FALSE(f.net.transfer_active(refused));
  f.sim.run_until(kUsPerS / 2 + 1);
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  const sim_time_us down_at = kUsPerS / 2 + 1;
  CHECK(f.rec.fired == Fired{{down_at, 1 | kTransferFailed},
                             {down_at, 2 | kTransferFailed},
                             {down_at, 4 | kTransferFailed},
                             {down_at, 5 | kTransferFailed}});
  f.rec.fired.clear();
  f.net.set_link_up(0, 1, true);
  CHECK(f.net.reachable(0, 1));
  f.net.start_transfer(0, 1, kMegabyte, &f.rec, 6);
  f.sim.run_until(10 * kUsPerS);
  CHECK(f.rec.fired == Fired{{kUsPerS + kLatencyUs, 3}, {down_at + kUsPerS + kLatencyUs, 6}});
  CHECK(f.net.bytes_delivered(0, 1) == kMegabyte);
}

TEST_CASE("a cancel before the failure notice silences it") {
  Fixture f;
  f.net.set_link_up(0, 1, false);
  const TransferId refused = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  CHECK(f.net.cancel_transfer(refused));
  f.sim.run_until(kUsPerS);
  CHECK(f.rec.fired.empty());
}

TEST_CASE("a domain going down fails every link touching it") {
  Fixture f(scenario(1));
  f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.net.start_transfer(2, 1, kMegabyte, &f.rec, 2);
  f.net.start_transfer(0, 2, kMegabyte, &f.rec, 3);
  f.sim.run_until(kUsPerS / 4);
  f.net.set_domain_up(1, false);
  CHECK_FALSE(f.net.reachable(0, 1));
  CHECK_FALSE(f.net.reachable(2, 1));
  CHECK(f.net.reachable(0, 2));
  f.net.start_transfer(1, 2, kMegabyte, &f.rec, 4);
  f.sim.run_until(10 * kUsPerS);
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{kUsPerS / 4, 1 | kTransferFailed},
                             {kUsPerS / 4, 2 | kTransferFailed},
                             {kUsPerS / 4, 4 | kTransferFailed},
                             {kUsPerS + kLatencyUs, 3}});
  f.net.set_domain_up(1, true);
  CHECK(f.net.reachable(0, 1));
}

TEST_CASE("a bandwidth override slows a flow in flight from where it is") {
  Fixture f;
  const TransferId a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.sim.run_until(kUsPerS / 2);
  f.net.set_bandwidth_override(1, 0, 0.25e6);
  CHECK(f.net.link_bandwidth_bytes_per_s(0, 1) == 0.25e6);
  CHECK(f.net.link_bandwidth_bytes_per_s(1, 0) == 0.25e6);
  CHECK(f.net.transfer_rate(a) == 0.25e6);
  f.sim.run_until(kUsPerS);  // 0.5 MB at 1 MB/s, then 0.125 MB at 0.25 MB/s
  f.net.set_bandwidth_override(0, 1, std::nullopt);
  CHECK(f.net.transfer_rate(a) == kMegabytePerS);
  f.sim.run_until(10 * kUsPerS);
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{kUsPerS + 375'000 + kLatencyUs, 1}});
}

TEST_CASE("a zero-bandwidth link stalls flows until the capacity returns") {
  Fixture f;
  f.net.set_bandwidth_override(0, 1, 0.0);
  const TransferId a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.sim.run_until(5 * kUsPerS);
  CHECK(f.rec.fired.empty());
  CHECK(f.net.transfer_active(a));
  f.net.set_bandwidth_override(0, 1, std::nullopt);
  f.sim.run_until(10 * kUsPerS);
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{6 * kUsPerS + kLatencyUs, 1}});
}

std::vector<sim_time_us> latencies(const NetworkConfig& s, DomainId from, DomainId to, int count) {
  Simulator sim;
  Network net(sim, s);
  std::vector<sim_time_us> out;
  for (int i = 0; i < count; ++i) out.push_back(net.one_way_latency_us(from, to));
  return out;
}

TEST_CASE("jitter stays in bounds and comes from the link's own seeded stream") {
  NetworkConfig s = scenario();
  set_jitter(s, 2 * kUsPerMs);
  const std::vector<sim_time_us> draws = latencies(s, 0, 1, 1000);
  sim_time_us lo = kTimeNever;
  sim_time_us hi = 0;
  for (sim_time_us d : draws) {
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  CHECK(lo >= kLatencyUs);
  CHECK(hi <= kLatencyUs + 2 * kUsPerMs);
  CHECK(hi - lo > kUsPerMs);  // actually jittered
  CHECK(latencies(s, 0, 1, 1000) == draws);
  CHECK(latencies(s, 1, 0, 1000) != draws);
  NetworkConfig other_seed = s;
  other_seed.seed = s.seed + 1;
  CHECK(latencies(other_seed, 0, 1, 1000) != draws);
  NetworkConfig more_domains = scenario(3);
  set_jitter(more_domains, 2 * kUsPerMs);
  CHECK(latencies(more_domains, 0, 1, 1000) == draws);
}

TEST_CASE("added latency applies both ways and can be removed") {
  Fixture f;
  f.net.add_latency(0, 1, 200 * kUsPerMs);
  CHECK(f.net.one_way_latency_us(0, 1) == kLatencyUs + 200 * kUsPerMs);
  CHECK(f.net.one_way_latency_us(1, 0) == kLatencyUs + 200 * kUsPerMs);
  CHECK(f.net.base_latency_us(0, 1) == kLatencyUs);
  f.net.start_transfer(0, 1, 0, &f.rec, 1);
  f.net.add_latency(1, 0, -200 * kUsPerMs);
  CHECK(f.net.one_way_latency_us(0, 1) == kLatencyUs);
  f.sim.run_until(kUsPerS);
  using Fired = std::vector<std::pair<sim_time_us, std::uint64_t>>;
  CHECK(f.rec.fired == Fired{{kLatencyUs + 200 * kUsPerMs, 1}});  // sampled when it started
}

TEST_CASE("loss is a Bernoulli draw with the link's probability") {
  NetworkConfig s = scenario();
  for (LinkConfig& l : s.links) l.loss = 0.25;
  Simulator sim;
  Network net(sim, s);
  int lost = 0;
  for (int i = 0; i < 10000; ++i) lost += net.lost(0, 1) ? 1 : 0;
  CHECK(lost > 2300);
  CHECK(lost < 2700);
  Fixture clean;
  for (int i = 0; i < 100; ++i) CHECK_FALSE(clean.net.lost(0, 1));
}

TEST_CASE("slots are reused without confusing stale transfer ids") {
  Fixture f;
  const TransferId a = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 1);
  f.sim.run_until(10 * kUsPerS);
  const TransferId b = f.net.start_transfer(0, 1, kMegabyte, &f.rec, 2);
  CHECK(b.slot == a.slot);
  CHECK_FALSE(f.net.transfer_active(a));
  CHECK_FALSE(f.net.cancel_transfer(a));
  CHECK(f.net.transfer_active(b));
}

// Starts `count` transfers of random sizes at random times on random links, with jitter; records deliveries.
struct RandomLoad : EventTarget {
  RandomLoad(Simulator& s, Network& n, int count) : sim(s), net(n), rng(42, "test/random-load") {
    for (int i = 0; i < count; ++i) sim.schedule_at(static_cast<sim_time_us>(rng.below(5 * kUsPerS)), this, 0);
  }
  void on_event(std::uint64_t arg) override {
    if (arg == 0) {
      const auto from = static_cast<DomainId>(rng.below(3));
      const auto to = static_cast<DomainId>((from + 1 + static_cast<int>(rng.below(2))) % 3);
      const auto bytes = static_cast<std::int64_t>(rng.below(2 * kMegabyte));
      total_bytes += bytes;
      const std::uint64_t tag = ++started;
      if (rng.below(4) == 0) {
        net.start_transfer(from, to, bytes, this, tag, 0.2e6);
      } else {
        net.start_transfer(from, to, bytes, this, tag);
      }
      return;
    }
    deliveries.emplace_back(sim.now(), arg);
  }
  Simulator& sim;
  Network& net;
  Rng rng;
  std::uint64_t started = 0;
  std::int64_t total_bytes = 0;
  std::vector<std::pair<sim_time_us, std::uint64_t>> deliveries;
};

TEST_CASE("a random load is delivered completely and identically twice") {
  NetworkConfig s = scenario(1);
  set_jitter(s, 3 * kUsPerMs);
  auto run = [&s](std::uint64_t& fingerprint) {
    Simulator sim;
    Network net(sim, s);
    RandomLoad load(sim, net, 300);
    sim.run_until(kUsPerH);
    CHECK(load.deliveries.size() == 300);
    std::int64_t delivered = 0;
    for (DomainId a = 0; a < 3; ++a) {
      for (DomainId b = 0; b < 3; ++b) delivered += net.bytes_delivered(a, b);
    }
    CHECK(delivered == load.total_bytes);
    // No link can have moved more than its capacity allows: the last delivery comes after all bytes at 1 MB/s
    // spread over the six links, at best.
    CHECK(load.deliveries.back().first >= static_cast<sim_time_us>(load.total_bytes / 6));
    fingerprint = sim.fingerprint();
    return load.deliveries;
  };
  std::uint64_t first_fingerprint = 0;
  std::uint64_t second_fingerprint = 0;
  const auto first = run(first_fingerprint);
  const auto second = run(second_fingerprint);
  CHECK(first == second);
  CHECK(first_fingerprint == second_fingerprint);
}

}  // namespace
}  // namespace ccrsim
