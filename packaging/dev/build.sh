#!/usr/bin/env bash
# Configures and builds Meedoen into ./build (release with debug info, warnings as errors).
#   build.sh         everything: the kiosk, tests and benchmarks (needs catch2)
#   build.sh kiosk   only meedoen-kiosk and meedoen-server (what demo.sh needs)
#   build.sh test    everything with AddressSanitizer and UndefinedBehaviorSanitizer (what test.sh
#                    runs; not for the benchmarks' figures)
set -euo pipefail
cd "$(dirname "$0")/../.."
tests=ON sanitize=OFF target=()
case "${1:-all}" in
  kiosk) tests=OFF target=(--target meedoen-kiosk meedoen-server) ;;
  test) sanitize=ON ;;
esac
# -g1 (line tables: a backtrace still names file and line) instead of -g: full debug info was a
# third of the compile time (tests/ui/screens_test.cpp: 63 CPU-s with -g, 41 with -g1, 39 without).
# The code is the same; a debugger that wants local variables needs a build of its own.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DMEEDOEN_WERROR=ON -DMEEDOEN_BUILD_TESTS=$tests -DMEEDOEN_SANITIZE=$sanitize >/dev/null
cmake --build build -j"$(nproc)" "${target[@]}"
