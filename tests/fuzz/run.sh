#!/usr/bin/env bash
# Runs one libFuzzer target of a fuzz build (build.sh) for SECONDS, starting from its seeds
# (tests/fuzz/corpus/TARGET) and from what earlier runs in that build kept (FUZZ_BUILD/corpus/).
# Prints libFuzzer's figures (executions, cov:, the final stats); exits non-zero on a crash, a
# leak, undefined behaviour, a timeout (10 s for one input), more than 2 GB of memory or a broken
# property, with the input in FUZZ_BUILD/artifacts/TARGET/ (add it to the seeds once fixed).
#   tests/fuzz/run.sh FUZZ_BUILD TARGET SECONDS [libFuzzer flags...]
set -euo pipefail
build="$(realpath "$1")"
target="$2"
seconds="$3"
shift 3
seeds="$(cd "$(dirname "$0")" && pwd)/corpus/$target"
corpus="$build/corpus/$target"
artifacts="$build/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
exec "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" "$corpus" "$seeds"
