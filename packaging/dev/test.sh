#!/usr/bin/env bash
# Builds Meedoen and runs every test (unit, storage, UI and end-to-end under Xvfb).
# Ends with ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/dev/deps.sh test
packaging/dev/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 300
