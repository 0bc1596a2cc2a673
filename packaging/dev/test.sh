#!/usr/bin/env bash
# Builds Meedoen with AddressSanitizer and UndefinedBehaviorSanitizer and runs every test in that
# build (unit, storage, UI, server, sync, end-to-end under Xvfb, with the kiosk and server processes
# the tests start sanitized too; the Debian packages, built normally with Debian's flags; the
# libFuzzer targets' build and short runs). Ends with ctest's summary line. README "Tests" and
# "Sanitizers and fuzzing": the product at -O1 with both sanitizers, the tests' own code with ASan
# only. A clean clone took 26.0 minutes on the shared 2-core machine (build 16.3, ctest 9.7, the
# package build its long pole), 37.5 CPU-minutes.
#   test.sh          the sanitized build (packaging/dev/build.sh test): what CI runs
#   test.sh plain    the same suite in the plain build (packaging/dev/build.sh, what the benchmarks
#                    are measured in)
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/dev/deps.sh test
if [ "${1:-}" = plain ]; then packaging/dev/build.sh; else packaging/dev/build.sh test; fi
cd build
# Two tests per core: most of a test's time is waiting (for a kiosk or server process it started,
# PostgreSQL, Xvfb, a deadline it checks). The plain suite without packaging and fuzz took 231 s
# with -j4 and used 390 CPU-seconds in them (1.7 of 2 cores); -j2 left a core idle half the time.
# 900 s a test: a sanitized process runs two to three times the CPU of a plain one, beside the
# package build.
ctest --output-on-failure -j"$(( $(nproc) * 2 ))" --timeout 900
