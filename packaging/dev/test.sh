#!/usr/bin/env bash
# Builds Meedoen and runs every test (unit, storage, UI, server, sync, end-to-end under Xvfb; the
# Debian packages, built normally, and the libFuzzer targets' short runs). Ends with ctest's
# summary line.
#   test.sh            the plain build (what CI runs)
#   test.sh sanitize   the same suite in a build with AddressSanitizer and UndefinedBehaviorSanitizer
#                      (not in CI: on 2 cores it needs about three times the suite's CPU and the
#                      build 2.8 times the test objects' compile time; see README "Sanitizers")
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/dev/deps.sh test
timeout=300
if [ "${1:-}" = sanitize ]; then packaging/dev/build.sh test; timeout=900; else packaging/dev/build.sh; fi
cd build
# Two tests per core: most of a test's time is waiting (for a kiosk or server process it started,
# PostgreSQL, Xvfb, a deadline it checks). The suite without packaging and fuzz took 231 s with -j4
# and used 390 CPU-seconds in them (1.7 of 2 cores); -j2 left a core idle half the time.
# A sanitized process runs about three times slower (the add-coach tests hash dozens of PINs).
ctest --output-on-failure -j"$(( $(nproc) * 2 ))" --timeout "$timeout"
