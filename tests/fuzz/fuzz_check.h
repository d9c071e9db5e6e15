#pragma once
// A broken harness invariant: print what and abort, so libFuzzer saves the input and the replay test fails.
#include <cstdio>
#include <cstdlib>
#include <string>

namespace ccrsim::fuzz {

[[noreturn]] inline void invariant_broken(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

inline void check(bool ok, const std::string& what) {
  if (!ok) invariant_broken(what);
}

}  // namespace ccrsim::fuzz
