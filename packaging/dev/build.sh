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
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEEDOEN_WERROR=ON -DMEEDOEN_BUILD_TESTS=$tests \
  -DMEEDOEN_SANITIZE=$sanitize >/dev/null
cmake --build build -j"$(nproc)" "${target[@]}"
