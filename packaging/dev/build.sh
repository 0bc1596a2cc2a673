#!/usr/bin/env bash
# Configures and builds Meedoen into ./build (Release with debug info, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEEDOEN_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
