#!/usr/bin/env bash
# Configures and builds the libFuzzer targets of tests/fuzz into a build folder of their own:
# clang, every library with ASan + UBSan and the fuzzer's coverage (MEEDOEN_FUZZ), only the
# fuzz targets, at -O1 with line tables only (OSS-Fuzz's flags: cheaper to compile than -O2 -g,
# still fast to run, and a crash's stack still names file and line). Asserts stay on.
# Uses ccache when there is one.
#   tests/fuzz/build.sh SOURCE_DIR OUT       (e.g. tests/fuzz/build.sh . build/fuzz)
set -euo pipefail
src="$(realpath "$1")"
out="$(realpath -m "$2")"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$src" -B "$out" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DMEEDOEN_FUZZ=ON \
  -DMEEDOEN_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$out" -j"$(nproc)" --target meedoen_fuzzers
