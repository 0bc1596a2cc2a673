// The benchmarks' figures come from the plain tree (packaging/dev/build.sh). packaging/dev/test.sh
// builds the same ./build with ASan and UBSan, which slow and grow a process two to three times:
// a benchmark built that way says so first (tests/bench/plain_build.sh refuses the window benches).
#pragma once
#include <cstdio>

namespace meedoen::bench {

inline void say_if_sanitized(const char* name) {
#if defined(__SANITIZE_ADDRESS__)
  std::printf(
      "%s: built with AddressSanitizer (packaging/dev/test.sh's tree): these figures are not the README's; "
      "build the plain tree with packaging/dev/build.sh\n",
      name);
#else
  (void)name;
#endif
}

}  // namespace meedoen::bench
