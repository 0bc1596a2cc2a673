#!/usr/bin/env bash
# Builds Meedoen and runs every test (unit, storage, UI, server, sync, end-to-end under Xvfb; the
# Debian packages, built normally, and the libFuzzer targets' short runs). Ends with ctest's
# summary line.
#   test.sh            the plain build (what CI runs)
#   test.sh sanitize   the same suite in a build with AddressSanitizer and UndefinedBehaviorSanitizer
#                      (not yet in CI: its time on 2 cores is not measured; see README "Sanitizers")
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/dev/deps.sh test
if [ "${1:-}" = sanitize ]; then packaging/dev/build.sh test; else packaging/dev/build.sh; fi
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 300
