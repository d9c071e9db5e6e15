#include "sim/trace.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ccrsim {
namespace {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "ccrsim-trace-test";
  std::filesystem::create_directories(dir);
  return dir / name;
}

TEST_CASE("trace: off by default - logging without a file is a no-op") {
  Trace t;
  CHECK_FALSE(t.enabled());
  t.log(kUsPerS, "x", "ignored");  // must not crash
  t.flush();
}

TEST_CASE("trace: lines carry simulated seconds - the component and the message") {
  const auto path = scratch("lines.log");
  Trace t;
  std::string error;
  REQUIRE(t.open(path.string(), error));
  CHECK(error.empty());
  CHECK(t.enabled());
  t.log(0, "queue", "start");
  t.log(seconds_us(12) + 345'678, "shard[0]", "fetched 0..99");
  t.flush();
  CHECK(read_all(path) ==
        "[    0.000000s] queue: start\n"
        "[   12.345678s] shard[0]: fetched 0..99\n");
}

TEST_CASE("trace: opening truncates an earlier file") {
  const auto path = scratch("truncate.log");
  {
    std::ofstream out(path);
    out << "old contents\n";
  }
  Trace t;
  std::string error;
  REQUIRE(t.open(path.string(), error));
  t.log(kUsPerMs, "c", "m");
  t.flush();
  CHECK(read_all(path) == "[    0.001000s] c: m\n");
}

TEST_CASE("trace: a file that cannot be written is an error and leaves the trace off") {
  const auto dir = scratch("a-directory");
  std::filesystem::create_directories(dir);
  Trace t;
  std::string error;
  CHECK_FALSE(t.open(dir.string(), error));  // a directory is not a writable file
  CHECK_FALSE(error.empty());
  CHECK_FALSE(t.enabled());
}

}  // namespace
}  // namespace ccrsim
