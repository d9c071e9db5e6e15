#include "model/workload.h"

#include <catch2/catch.hpp>

#include "model/index.h"

namespace ccrsim {
namespace {

WorkloadSpec spec(double rate, Arrival arrival = Arrival::kUniform) {
  WorkloadSpec w;
  w.domain = "leader";
  w.index = "logs";
  w.rate_per_s = rate;
  w.doc_size_bytes = 100;
  w.arrival = arrival;
  return w;
}

std::int64_t total_ops(const Index& index) {
  std::int64_t n = 0;
  for (const Shard& s : index.shards()) n += s.max_seq_no() + 1;
  return n;
}

TEST_CASE("uniform arrivals: one op at from + k/rate for every k before until") {
  WorkloadSpec w = spec(1000);
  w.from_us = 10 * kUsPerS;
  w.until_us = 20 * kUsPerS;
  Workload wl(w, 1, 0, 100 * kUsPerS);
  Index index("logs", "u", 5, 1, 0);
  auto resolve = [&](const std::string&, sim_time_us) { return &index; };
  wl.catch_up(5 * kUsPerS, resolve);
  CHECK(total_ops(index) == 0);
  wl.catch_up(10 * kUsPerS, resolve);
  CHECK(total_ops(index) == 1);  // the op at exactly `from`
  wl.catch_up(15 * kUsPerS - 1, resolve);
  CHECK(total_ops(index) == 5000);
  wl.catch_up(100 * kUsPerS, resolve);
  CHECK(total_ops(index) == 10000);                                         // [10 s, 20 s) at 1000/s
  for (const Shard& s : index.shards()) CHECK(s.max_seq_no() + 1 == 2000);  // even spread
  CHECK(index.shard(0).runs().size() == 1);  // steady writes stay one run however often we catch up
}

TEST_CASE("catch-up granularity does not change a uniform history") {
  Index coarse("logs", "u", 3, 1, 0);
  Index fine("logs", "u", 3, 1, 0);
  Workload a(spec(333), 1, 0, 60 * kUsPerS);
  Workload b(spec(333), 1, 0, 60 * kUsPerS);
  a.catch_up(59 * kUsPerS, [&](const std::string&, sim_time_us) { return &coarse; });
  for (sim_time_us t = 0; t <= 59 * kUsPerS; t += 7777) {
    b.catch_up(t, [&](const std::string&, sim_time_us) { return &fine; });
  }
  b.catch_up(59 * kUsPerS, [&](const std::string&, sim_time_us) { return &fine; });
  for (int s = 0; s < 3; ++s) {
    REQUIRE(coarse.shard(s).max_seq_no() == fine.shard(s).max_seq_no());
    for (std::int64_t q = 0; q <= coarse.shard(s).max_seq_no(); q += 13) {
      CHECK(coarse.shard(s).write_time(q) == fine.shard(s).write_time(q));
    }
  }
}

TEST_CASE("poisson arrivals are reproducible - granularity-independent and near the rate") {
  auto run = [](sim_time_us step_us, std::uint64_t seed) {
    Index index("logs", "u", 2, 1, 0);
    Workload wl(spec(2000, Arrival::kPoisson), seed, 0, 100 * kUsPerS);
    for (sim_time_us t = 0; t < 100 * kUsPerS; t += step_us) {
      wl.catch_up(t, [&](const std::string&, sim_time_us) { return &index; });
    }
    wl.catch_up(100 * kUsPerS, [&](const std::string&, sim_time_us) { return &index; });
    return total_ops(index);
  };
  const std::int64_t n = run(kUsPerS, 42);
  CHECK(n == run(123457, 42));
  CHECK(n != run(kUsPerS, 43));
  CHECK(n > 200000 * 0.98);
  CHECK(n < 200000 * 1.02);
}

TEST_CASE("rollover writes each period to a new index name") {
  WorkloadSpec w = spec(10);
  w.rollover = RolloverSpec{10 * kUsPerS, "logs-{n}", {}};
  Workload wl(w, 1, 0, 100 * kUsPerS);
  CHECK(wl.index_name_at(0) == "logs-1");
  CHECK(wl.index_name_at(10 * kUsPerS) == "logs-2");
  std::map<std::string, std::int64_t> per_index;
  Index a("x", "u", 1, 1, 0);
  Index b("y", "u", 1, 1, 0);
  wl.catch_up(19 * kUsPerS, [&](const std::string& name, sim_time_us) { return name == "logs-1" ? &a : &b; });
  CHECK(a.shard(0).max_seq_no() + 1 == 100);
  CHECK(b.shard(0).max_seq_no() + 1 == 91);  // 10.0 s .. 19.0 s inclusive
}

TEST_CASE("refused writes are counted - not stored") {
  Workload wl(spec(100), 1, 0, 10 * kUsPerS);
  wl.catch_up(kUsPerS - 1, [](const std::string&, sim_time_us) -> Index* { return nullptr; });
  CHECK(wl.issued() == 100);
  CHECK(wl.refused() == 100);
}

TEST_CASE("a leader primary acknowledges at most its shard_index_rate and rejects the rest", "[capacity]") {
  // 4000/s over 2 shards against 1000/s per shard, for 10 s, caught up coarsely and finely.
  Index coarse("logs", "u", 2, 1, 0);
  Index fine("logs", "u", 2, 1, 0);
  Workload a(spec(4000), 1, 0, 10 * kUsPerS);
  Workload b(spec(4000), 1, 0, 10 * kUsPerS);
  a.set_shard_index_rate(1000);
  b.set_shard_index_rate(1000);
  a.catch_up(10 * kUsPerS, [&](const std::string&, sim_time_us) { return &coarse; });
  for (sim_time_us t = 0; t <= 10 * kUsPerS; t += 12'345) {
    b.catch_up(t, [&](const std::string&, sim_time_us) { return &fine; });
  }
  b.catch_up(10 * kUsPerS, [&](const std::string&, sim_time_us) { return &fine; });
  CHECK(a.issued() == 40'000);
  CHECK(a.refused() == 0);
  // Per shard 10 s of indexing plus the 0.1 s the queue holds at the end.
  for (const Shard& s : coarse.shards()) {
    CHECK(s.max_seq_no() + 1 >= 10'100 - 1);
    CHECK(s.max_seq_no() + 1 <= 10'100 + 1);
  }
  CHECK(a.rejected() == 40'000 - total_ops(coarse));
  CHECK(b.rejected() == a.rejected());
  CHECK(total_ops(fine) == total_ops(coarse));
}

TEST_CASE("a leader written below its shard_index_rate rejects nothing", "[capacity]") {
  // Poisson 1999/s over 2 shards is about 1000/s per primary, seconds of up to ~1100 included, against 1100/s and
  // a queue of 0.1 s: the bursts fit.
  Index index("logs", "u", 2, 1, 0);
  Workload wl(spec(1999, Arrival::kPoisson), 7, 0, 60 * kUsPerS);
  wl.set_shard_index_rate(1100);
  wl.catch_up(60 * kUsPerS, [&](const std::string&, sim_time_us) { return &index; });
  CHECK(wl.rejected() == 0);
  CHECK(total_ops(index) == wl.issued());
}

}  // namespace
}  // namespace ccrsim
