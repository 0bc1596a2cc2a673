#!/usr/bin/env bash
# Start to first frame of the bare reference window and of one or more kiosk binaries (this build's,
# a parent's kept aside), in shuffled order within each round, on one Xvfb: a before/after pair
# measured in the same minutes, where bench_light.sh measures this build alone (issue 17).
# Each start begins 0.3 s (MEEDOEN_BENCH_SETTLE) after the previous window went; its time is read
# from a file, not a pipe, so no reader starts beside it. Each kiosk has its demo centre and its
# font cache made first (the start of every day, not the first after an install).
# Usage: tests/bench/first_frame.sh [build dir] [rounds] [kiosk binary ...]
#        (default kiosk: <build>/app/meedoen-kiosk; a copied binary needs its modules beside it)
set -euo pipefail
if [ -z "${MEEDOEN_BENCH_LIGHT_DISPLAY:-}" ]; then
  MEEDOEN_BENCH_LIGHT_DISPLAY=1 exec "$(dirname "$0")/../support/headless_display.sh" 1280x800 "$0" "$@"
fi
build=${1:-build}
rounds=${2:-21}
shift $(($# < 2 ? $# : 2))
kiosks=("$@")
[ ${#kiosks[@]} -gt 0 ] || kiosks=("$build/app/meedoen-kiosk")
bare="$build/tests/bench/bare_window"
"$(dirname "$0")/plain_build.sh" "$bare" "${kiosks[@]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Europe/Amsterdam XDG_CACHE_HOME="$work/cache"

for i in "${!kiosks[@]}"; do
  "${kiosks[$i]}" --demo --db "$work/k$i.db" --screenshot "$work/w$i.png" 2>/dev/null
  "${kiosks[$i]}" --demo --db "$work/k$i.db" --bench-startup >/dev/null 2>&1
done
"$bare" --bench-startup >/dev/null  # warms the page cache

declare -A ms
for _ in $(seq "$rounds"); do
  for w in $(shuf -e bare "${!kiosks[@]}"); do
    sleep "${MEEDOEN_BENCH_SETTLE:-0.3}"
    t0=$(date +%s%3N)
    if [ "$w" = bare ]; then "$bare" --bench-startup >"$work/out"
    else "${kiosks[$w]}" --demo --db "$work/k$w.db" --bench-startup >"$work/out" 2>/dev/null; fi
    ms[$w]+="$(($(sed -n 's/first_frame_unix_ms=//p' "$work/out") - t0)) "
  done
done

median() { printf '%s\n' $1 | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "rounds: $rounds, shuffled; load: $(cut -d' ' -f1-3 /proc/loadavg)"
b=$(median "${ms[bare]}")
printf '%-40s %7.0f ms  (%s)\n' "bare window" "$b" "${ms[bare]% }"
for i in "${!kiosks[@]}"; do
  k=$(median "${ms[$i]}")
  awk -v n="${kiosks[$i]}" -v b="$b" -v k="$k" -v all="${ms[$i]% }" \
    'BEGIN { printf "%-40s %7.0f ms  %+4.0f ms  (%s)\n", n, k, k - b, all }'
done
