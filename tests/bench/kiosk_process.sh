#!/usr/bin/env bash
# Whole-process benchmarks of meedoen-kiosk under Xvfb:
#   start to first frame (median of N runs, warm and cold page cache), idle CPU on the
#   welcome screen, memory.
# Usage: tests/bench/kiosk_process.sh [build dir] [idle seconds] [start-up runs]
set -euo pipefail
build=${1:-build}
idle_s=${2:-60}
runs=${3:-20}
kiosk="$build/app/meedoen-kiosk"
"$(dirname "$0")/plain_build.sh" "$kiosk"
work=$(mktemp -d)
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
export TZ=Europe/Amsterdam

disp=:$((90 + RANDOM % 100))
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY=$disp

"$kiosk" --demo --db "$work/k.db" --screenshot "$work/warm.png" 2>/dev/null  # creates the demo centre

# Start-up: from just before exec to the first frame on screen (glFinish), as the app reports.
# "warm": the files are in the page cache (a kiosk restarted during the day); "cold": the page
# cache was dropped first (the first start after boot; needs root, else skipped).
startup() {  # $1 = warm|cold
  local times=() t0 t1
  for _ in $(seq "$runs"); do
    if [ "$1" = cold ]; then sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || return 0; fi
    t0=$(date +%s%3N)
    t1=$("$kiosk" --demo --db "$work/k.db" --bench-startup 2>/dev/null | sed -n 's/first_frame_unix_ms=//p')
    times+=($((t1 - t0)))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "start to first frame ($1): median ${sorted[$((runs / 2))]} ms, max ${sorted[$((runs - 1))]} ms (n=$runs)"
}
startup warm
startup cold

# Idle: the welcome screen with its clock, nobody touching it.
"$kiosk" --demo --db "$work/k.db" 2>/dev/null &
pid=$!
sleep 5
# CPU time in ns of all the process's threads (schedstat; /proc/PID/stat counts 10 ms ticks,
# too coarse for an idle process).
cpu_ns() { local t total=0; for t in /proc/$pid/task/*/schedstat; do total=$((total + $(cut -d' ' -f1 "$t"))); done; echo $total; }
c0=$(cpu_ns); s0=$(date +%s%N)
sleep "$idle_s"
c1=$(cpu_ns); s1=$(date +%s%N)
awk -v c=$((c1 - c0)) -v ns=$((s1 - s0)) \
  'BEGIN { printf "idle CPU on the welcome screen: %.4f%% of one core (%.1f ms CPU in %.0f s)\n", 100 * c / ns, c / 1e6, ns / 1e9 }'
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "memory: resident ${rss} KiB now, peak ${hwm} KiB"
kill "$pid"
