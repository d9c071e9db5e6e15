#include "sim/assert.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>

namespace ccrsim {
namespace {

// Runs `body` in a child process with stderr silenced; returns the child's wait status.
template <typename Body>
int status_of_child(Body body) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (std::freopen("/dev/null", "w", stderr) == nullptr) _exit(3);
    body();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

int evaluations = 0;
bool counted(bool value) {
  ++evaluations;
  return value;
}

TEST_CASE("CCRSIM_ASSERT aborts on a false condition in every build type") {
  const int status = status_of_child([] { CCRSIM_ASSERT(1 + 1 == 3); });
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGABRT);
}

TEST_CASE("CCRSIM_ASSERT lets a true condition through and evaluates it exactly once") {
  const int status = status_of_child([] { CCRSIM_ASSERT(2 + 2 == 4); });
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  evaluations = 0;
  CCRSIM_ASSERT(counted(true));
  CHECK(evaluations == 1);
}

TEST_CASE("CCRSIM_ASSERT_SLOW runs only where slow assertions are compiled in") {
  evaluations = 0;
  CCRSIM_ASSERT_SLOW(counted(true));
#ifdef CCRSIM_SLOW_ASSERTS
  CHECK(evaluations == 1);
  const int status = status_of_child([] { CCRSIM_ASSERT_SLOW(false); });
  CHECK(WIFSIGNALED(status));
#else
  CHECK(evaluations == 0);  // not even evaluated: free on the hot path
#endif
}

}  // namespace
}  // namespace ccrsim
