#!/usr/bin/env bash
# Exits 1, saying why, if any binary given is not built or is built with a sanitizer: a benchmark
# compares the plain build (packaging/dev/build.sh), and packaging/dev/test.sh's tree has ASan and
# UBSan in the same ./build (a sanitized window takes twice the time and memory). demo.sh then
# rebuilds only the kiosk and the server, so one tree can hold both kinds.
# Usage: tests/bench/plain_build.sh BINARY...
set -euo pipefail
for b in "$@"; do
  [ -x "$b" ] || { echo "$(basename "$0"): $b not built; build the plain tree: packaging/dev/build.sh" >&2; exit 1; }
  if readelf -d "$b" 2>/dev/null | grep -qE 'NEEDED.*lib(asan|ubsan)'; then
    echo "$(basename "$0"): $b is built with a sanitizer; build the plain tree first: packaging/dev/build.sh" >&2
    exit 1
  fi
done
