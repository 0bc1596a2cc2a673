#!/usr/bin/env bash
# Builds Meedoen with AddressSanitizer and UndefinedBehaviorSanitizer and runs every test in that
# build (unit, storage, UI, server, sync, end-to-end under Xvfb; the Debian packages, built
# normally, and the libFuzzer targets' short runs). Ends with ctest's summary line.
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/dev/deps.sh test
packaging/dev/build.sh test
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 300
