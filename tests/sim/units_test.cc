#include "sim/units.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

sim_time_us dur(std::string_view text) {
  auto p = parse_duration(text);
  INFO(text << ": " << p.error);
  REQUIRE(p);
  return *p.value;
}

std::string dur_error(std::string_view text, sim_time_us max_us = kMaxScenarioDurationUs) {
  auto p = parse_duration(text, max_us);
  REQUIRE_FALSE(p);
  return p.error;
}

TEST_CASE("durations in every unit") {
  CHECK(dur("250ms") == 250 * kUsPerMs);
  CHECK(dur("1.5s") == 1'500'000);
  CHECK(dur("30m") == 30 * kUsPerMin);
  CHECK(dur("12h") == 12 * kUsPerH);
  CHECK(dur("2d") == 2 * kUsPerDay);
  CHECK(dur("0s") == 0);
  CHECK(dur("0.0015s") == 1500);
  CHECK(dur("0.0000005s") == 1);  // half a microsecond rounds up
  CHECK(dur("0.0000004s") == 0);
  CHECK(dur("365d") == 365 * kUsPerDay);
}

TEST_CASE("compound durations - largest unit first") {
  CHECK(dur("1h30m") == 90 * kUsPerMin);
  CHECK(dur("2m30s") == 150 * kUsPerS);
  CHECK(dur("1d2h3m4s5ms") == kUsPerDay + 2 * kUsPerH + 3 * kUsPerMin + 4 * kUsPerS + 5 * kUsPerMs);
  CHECK(dur("1.5h30m") == 2 * kUsPerH);
  CHECK(dur_error("30m1h") == "expected the parts of duration '30m1h' largest unit first, each once");
  CHECK(dur_error("1s1s") == "expected the parts of duration '1s1s' largest unit first, each once");
}

TEST_CASE("malformed durations") {
  CHECK(dur_error("30") == "expected a duration like '30s', got '30' (a number needs a unit: ms, s, m, h or d)");
  CHECK(dur_error("1.5") == "expected a duration like '30s', got '1.5' (a number needs a unit: ms, s, m, h or d)");
  CHECK(dur_error("abc") == "expected a duration like '30s', got 'abc'");
  CHECK(dur_error("") == "expected a duration like '30s', got ''");
  CHECK(dur_error("10x") == "expected a duration like '30s', got '10x'");
  CHECK(dur_error("1h30") == "expected a duration like '30s', got '1h30'");
  CHECK(dur_error("1 s") == "expected a duration like '30s', got '1 s'");
  CHECK(dur_error(".5s") == "expected a duration like '30s', got '.5s'");
  CHECK(dur_error("1.s") == "expected a duration like '30s', got '1.s'");
  CHECK(dur_error("5S") == "expected a duration like '30s', got '5S'");
}

TEST_CASE("durations out of range") {
  auto p = parse_duration("-5s");
  CHECK_FALSE(p);
  CHECK(p.out_of_range);
  CHECK(p.error == "must not be negative, got '-5s'");
  p = parse_duration("400d");
  CHECK(p.out_of_range);
  CHECK(p.error == "must be at most 365d, got '400d'");
  CHECK(dur_error("365d1ms") == "must be at most 365d, got '365d1ms'");
  CHECK(dur_error("1000000d") == "must be at most 365d, got '1000000d'");
  CHECK(dur_error("99999999999999999999999999999999999999999999d") ==
        "must be at most 365d, got '99999999999999999999999999999999999999999999d'");
  CHECK(dur_error("2h", kUsPerH) == "must be at most 1h, got '2h'");
  // A caller can allow more than a year, up to what fits in 64 bits.
  CHECK(parse_duration("1000d", kTimeNever).value == 1000 * kUsPerDay);
  CHECK(parse_duration("300000000d", kTimeNever).out_of_range);
}

TEST_CASE("durations print back in canonical form") {
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(250 * kUsPerMs) == "250ms");
  CHECK(format_duration(90 * kUsPerMin) == "1h30m");
  CHECK(format_duration(365 * kUsPerDay) == "365d");
  CHECK(format_duration(kUsPerDay + kUsPerS + 1500) == "1d1s1.5ms");
  CHECK(format_duration(1) == "0.001ms");
  for (sim_time_us t : {sim_time_us{1}, sim_time_us{1500}, kUsPerDay + 7, 3 * kUsPerH + 20 * kUsPerMs}) {
    CHECK(parse_duration(format_duration(t)).value == t);
  }
}

TEST_CASE("sizes are 1024-based and case-insensitive") {
  CHECK(parse_size_bytes("512b").value == 512);
  CHECK(parse_size_bytes("1kb").value == 1024);
  CHECK(parse_size_bytes("1KB").value == 1024);
  CHECK(parse_size_bytes("10mb").value == 10 * 1024 * 1024);
  CHECK(parse_size_bytes("2Gb").value == std::int64_t{2} << 30);
  CHECK(parse_size_bytes("1tb").value == std::int64_t{1} << 40);
  CHECK(parse_size_bytes("1.5kb").value == 1536);
  CHECK(parse_size_bytes("0.3kb").value == 307);  // 307.2 rounds to whole bytes
  CHECK(parse_size_bytes("0b").value == 0);
}

TEST_CASE("bad sizes") {
  CHECK(parse_size_bytes("1024").error == "expected a size like '1kb', got '1024'");
  CHECK(parse_size_bytes("1kib").error == "expected a size like '1kb', got '1kib'");
  CHECK(parse_size_bytes("kb").error == "expected a size like '1kb', got 'kb'");
  CHECK(parse_size_bytes("1 kb").error == "expected a size like '1kb', got '1 kb'");
  auto p = parse_size_bytes("-1kb");
  CHECK(p.out_of_range);
  CHECK(p.error == "must not be negative, got '-1kb'");
  p = parse_size_bytes("2000tb");
  CHECK(p.out_of_range);
  CHECK(p.error == "must be at most 1024tb, got '2000tb'");
  CHECK(parse_size_bytes("1e400kb").error == "must be at most 1024tb, got '1e400kb'");
}

TEST_CASE("bandwidth in bytes (1024-based) or bits (1000-based)") {
  CHECK(parse_bandwidth_bytes_per_s("125mb/s").value == 125.0 * 1024 * 1024);
  CHECK(parse_bandwidth_bytes_per_s("1KB/s").value == 1024.0);
  CHECK(parse_bandwidth_bytes_per_s("100kbit/s").value == 12'500.0);
  CHECK(parse_bandwidth_bytes_per_s("10mbit/s").value == 1'250'000.0);
  CHECK(parse_bandwidth_bytes_per_s("1gbit/s").value == 125'000'000.0);
  CHECK(parse_bandwidth_bytes_per_s("10Gbit/s").value == 1'250'000'000.0);
  CHECK(parse_bandwidth_bytes_per_s("2.5gbit/s").value == 312'500'000.0);
  CHECK(parse_bandwidth_bytes_per_s("1gbit").error == "expected a bandwidth like '125mb/s' or '1gbit/s', got '1gbit'");
  CHECK(parse_bandwidth_bytes_per_s("1gb/m").error == "expected a bandwidth like '125mb/s' or '1gbit/s', got '1gb/m'");
  CHECK(parse_bandwidth_bytes_per_s("fast").error == "expected a bandwidth like '125mb/s' or '1gbit/s', got 'fast'");
  CHECK(parse_bandwidth_bytes_per_s("-1gbit/s").error == "must not be negative, got '-1gbit/s'");
  CHECK(parse_bandwidth_bytes_per_s("1e400gbit/s").error == "is too large, got '1e400gbit/s'");
}

TEST_CASE("rates per second - minute and hour") {
  CHECK(parse_rate_per_s("2000/s").value == 2000.0);
  CHECK(parse_rate_per_s("60/m").value == 1.0);
  CHECK(parse_rate_per_s("3600/h").value == 1.0);
  CHECK(parse_rate_per_s("0.5/s").value == 0.5);
  CHECK(parse_rate_per_s("1e3/s").value == 1000.0);
  CHECK(parse_rate_per_s("2000").error == "expected a rate like '2000/s', got '2000'");
  CHECK(parse_rate_per_s("2000/d").error == "expected a rate like '2000/s', got '2000/d'");
  CHECK(parse_rate_per_s("/s").error == "expected a rate like '2000/s', got '/s'");
  CHECK(parse_rate_per_s("-1/s").error == "must not be negative, got '-1/s'");
  auto p = parse_rate_per_s("1e12/s", 1e7);
  CHECK(p.out_of_range);
  CHECK(p.error == "must be at most 10000000/s, got '1e12/s'");
  CHECK(parse_rate_per_s("1e400/s", 1e7).error == "must be at most 10000000/s, got '1e400/s'");
  CHECK(parse_rate_per_s("600000001/m", 1e7).error == "must be at most 10000000/s, got '600000001/m'");
}

TEST_CASE("sizes print back in the largest exact unit") {
  CHECK(format_size(100 * 1024 * 1024) == "100mb");
  CHECK(format_size(1536) == "1536b");
  CHECK(format_size(0) == "0b");
  CHECK(format_size(kMaxSizeBytes) == "1024tb");
}

TEST_CASE("numbers for messages") {
  CHECK(format_number(10'000'000) == "10000000");
  CHECK(format_number(0.25) == "0.25");
  CHECK(format_number(1.0 / 3.0) == "0.333333");
}

}  // namespace
}  // namespace ccrsim
