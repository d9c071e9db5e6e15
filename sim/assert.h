#pragma once
// Assertions that run in every build: release, debug, the sanitizer builds, the swarm and the fuzzers. A broken
// assertion is a simulator defect, never a user error (those are diagnostics with a position), so it prints the
// condition and where it sits and aborts: a fuzzer keeps the input, a swarm seed fails, ctest reports a crash.
//
// Pair them (docs/robustness.md, "Assertions"): assert what a function expects on entry and what it must never
// leave behind, and a forbidden state as well as an expected one (CCRSIM_ASSERT(!flow.merged) beside
// CCRSIM_ASSERT(flow.phase == Phase::kPushing)). The condition costs one predicted branch; a check too costly for
// the hot path (a walk over a container) is a CCRSIM_ASSERT_SLOW, compiled in only where CCRSIM_SLOW_ASSERTS is set
// (the debug and asan builds).
namespace ccrsim::detail {

[[noreturn]] void assertion_failed(const char* condition, const char* file, int line, const char* function);

}  // namespace ccrsim::detail

#define CCRSIM_ASSERT(condition)                     \
  (__builtin_expect(static_cast<bool>(condition), 1) \
       ? static_cast<void>(0)                        \
       : ::ccrsim::detail::assertion_failed(#condition, __FILE__, __LINE__, __func__))

#ifdef CCRSIM_SLOW_ASSERTS
#define CCRSIM_ASSERT_SLOW(condition) CCRSIM_ASSERT(condition)
#else
#define CCRSIM_ASSERT_SLOW(condition) static_cast<void>(sizeof(static_cast<bool>(condition)))
#endif
