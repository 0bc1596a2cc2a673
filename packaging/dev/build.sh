#!/usr/bin/env bash
# Configures and builds Meedoen into ./build (release with debug info, warnings as errors).
#   build.sh         everything: the kiosk, tests and benchmarks (needs catch2)
#   build.sh kiosk   only meedoen-kiosk and meedoen-server (what demo.sh needs)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-all}" = kiosk ]; then tests=OFF; target=(--target meedoen-kiosk meedoen-server); else tests=ON; target=(); fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEEDOEN_WERROR=ON -DMEEDOEN_BUILD_TESTS=$tests >/dev/null
cmake --build build -j"$(nproc)" "${target[@]}"
