#include "model/capacity/write_admission.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

namespace ccrsim {
namespace {

// The queue one arrival at a time: accept iff the thread's work ends by arrival + queue, then it indexes one more.
struct OneByOne {
  double free_us = -1e300;
  std::int64_t accepted = 0;
  void arrive(double a_us, double rate_per_s) {
    const double c = 1e6 / rate_per_s;
    const double q = std::max(kWriteQueueUs, c);
    if (free_us > a_us + q) return;
    free_us = std::max(free_us, a_us) + c;
    ++accepted;
  }
};

TEST_CASE("write admission: a primary written slower than its rate acknowledges everything", "[capacity]") {
  WriteAdmission w;
  const AdmittedRun r = w.admit(1000, 0, 1000, 2000);  // 1000/s against 2000/s
  CHECK(r.accepted == 1000);
  CHECK(r.rejected == 0);
  CHECK(r.t_first_us == 0);
  CHECK(r.spacing_us == 1000);
}

TEST_CASE("write admission: no rate means no bound", "[capacity]") {
  WriteAdmission w;
  CHECK(w.admit(1'000'000, 0, 0.001, 0).accepted == 1'000'000);
}

TEST_CASE("write admission: written at twice its rate a primary acknowledges its rate plus the queue", "[capacity]") {
  WriteAdmission w;
  // 60 s at 2000/s against 1000/s.
  const AdmittedRun r = w.admit(120'000, 0, 500, 1000);
  CHECK(r.accepted + r.rejected == 120'000);
  // 60 s of indexing plus what the queue holds when the last arrival comes (0.1 s of work), give or take one.
  CHECK(r.accepted >= 60'000 + 100 - 1);
  CHECK(r.accepted <= 60'000 + 100 + 1);
  CHECK(r.t_first_us == 0);
  CHECK(r.spacing_us > 500);  // the acknowledged ones are spread over the arrivals, not bunched at the start
}

TEST_CASE("write admission: a short burst fits in the queue", "[capacity]") {
  WriteAdmission w;
  // 50 ops 1 ms apart against 500/s (2 ms each): 100 ms of work arriving in 50 ms.
  const AdmittedRun r = w.admit(50, 0, 1000, 500);
  CHECK(r.accepted == 50);
  CHECK(r.rejected == 0);
}

TEST_CASE("write admission: the closed form matches the queue one arrival at a time", "[capacity]") {
  struct Case {
    double rate_per_s;
    double spacing_us;
  };
  const std::vector<Case> cases = {{1000, 500}, {1000, 999}, {1000, 1000}, {1000, 3000},
                                   {7, 10'000}, {300, 1},    {50'000, 3},  {10, 150'000}};
  for (const Case& c : cases) {
    WriteAdmission pieces;
    OneByOne reference;
    std::int64_t accepted = 0;
    double t = 0;
    // Runs of different lengths with gaps between them, some far apart (an idle queue), some back to back.
    for (int run = 0; run < 40; ++run) {
      const std::int64_t n = 1 + (run * 37) % 500;
      const double gap_us = run % 3 == 0 ? 250'000 : run % 3 == 1 ? c.spacing_us : 0.5 * c.spacing_us;
      t += gap_us;
      accepted += pieces.admit(n, t, c.spacing_us, c.rate_per_s).accepted;
      for (std::int64_t i = 0; i < n; ++i) reference.arrive(t + static_cast<double>(i) * c.spacing_us, c.rate_per_s);
      t += static_cast<double>(n - 1) * c.spacing_us;
      INFO("rate " << c.rate_per_s << " spacing " << c.spacing_us << " run " << run);
      REQUIRE(accepted == reference.accepted);
    }
  }
}

TEST_CASE("write admission: splitting a run does not change what is acknowledged", "[capacity]") {
  WriteAdmission whole;
  WriteAdmission split;
  const std::int64_t all = whole.admit(30'000, 0, 300, 2000).accepted;
  std::int64_t parts = 0;
  for (std::int64_t first = 0; first < 30'000; first += 777) {
    const std::int64_t n = std::min<std::int64_t>(777, 30'000 - first);
    parts += split.admit(n, static_cast<double>(first) * 300, 300, 2000).accepted;
  }
  CHECK(parts == all);
  CHECK(split.earliest_accept_us(2000) == Approx(whole.earliest_accept_us(2000)));
}

TEST_CASE("write admission: arrivals while the queue is full are refused outright", "[capacity]") {
  WriteAdmission w;
  w.admit(2000, 0, 0, 1000);  // 2000 at once against 1000/s: 101 fit (0.1 s queue + the one being indexed)
  const double from = w.earliest_accept_us(1000);
  CHECK(from == Approx(1000.0 * 101 - kWriteQueueUs));
  const AdmittedRun early = w.admit(1, from - 10, 0, 1000);
  CHECK(early.accepted == 0);
  CHECK(early.rejected == 1);
  CHECK(w.admit(1, from, 0, 1000).accepted == 1);
}

}  // namespace
}  // namespace ccrsim
