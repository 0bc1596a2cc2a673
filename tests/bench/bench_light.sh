#!/usr/bin/env bash
# The kiosk's weight against the bare reference window (issue 17), on one Xvfb, same run:
# start to first frame and PSS on the welcome screen, medians of N runs, bare and kiosk
# interleaved (bare, kiosk, bare, kiosk, ...) so that a busy moment of the machine hits both.
# Then where the kiosk's start-up goes before its first frame, from the times of the files it opens
# and the lines it logs, under strace with a seccomp filter (only openat and write stop the process,
# so the phases keep their length): loading the libraries, main's own start and SDL_Init (exec to
# opening the database: the kiosk's start thread begins once SDL is up); then two things side by
# side: the kiosk's own start on its thread (the store's open and integrity check, the catalogues:
# to the last catalogue read) and the window on the UI thread (X and Mesa: to "kiosk started",
# which waits for both); installing the start-up atlas (to the last "fonts" line) and the first
# frame drawn.
# Usage: tests/bench/bench_light.sh [build dir] [runs] [kiosk binary, default <build>/app/meedoen-kiosk]
set -euo pipefail
# Both windows on one display of their own (tests/support/headless_display.sh starts Xvfb).
if [ -z "${MEEDOEN_BENCH_LIGHT_DISPLAY:-}" ]; then
  MEEDOEN_BENCH_LIGHT_DISPLAY=1 exec "$(dirname "$0")/../support/headless_display.sh" 1280x800 "$0" "$@"
fi
build=${1:-build}
runs=${2:-5}
kiosk=${3:-$build/app/meedoen-kiosk}
bare="$build/tests/bench/bare_window"
"$(dirname "$0")/plain_build.sh" "$kiosk" "$bare" "$build/app/meedoen-server"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
export TZ=Europe/Amsterdam
# Both windows keep Mesa's shader cache, and the kiosk its font atlas (ui/font_cache.hpp), here.
export XDG_CACHE_HOME="$work/cache"

"$kiosk" --demo --db "$work/k.db" --screenshot "$work/warm.png" 2>/dev/null  # creates the demo centre
# A kiosk that syncs, as a real one does: enrolled at a local meedoen-server with the demo centre and
# its history pushed once; its sync transport (cpp-httplib, OpenSSL: a module loaded by the first
# request) then counts in its memory too.
server=("$build/app/meedoen-server" --db "$work/server.db")
"${server[@]}" create-centre --id de-cirkel --name "De Cirkel (demo)" --demo >/dev/null
"${server[@]}" serve --listen 127.0.0.1:0 --port-file "$work/port" 2>/dev/null &
server_pid=$!
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; kill $server_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")"
code=$("${server[@]}" enrol-kiosk --centre de-cirkel --name bench --valid-hours 1 | awk '/^code:/ {print $2}')
"$kiosk" --demo --db "$work/s.db" --server "$url" --enrol-code "$code" --sync-once >/dev/null 2>&1 ||
  { echo "bench_light: the syncing kiosk could not enrol at $url" >&2; exit 1; }
# The server goes before anything is measured: it would share libraries (SQLite, libsodium) with the
# kiosks and lower their PSS. The syncing kiosk then tries its server as an offline kiosk does: the
# transport is loaded all the same.
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
"$bare" --bench-startup >/dev/null                                              # warms the page cache

declare -A first pss uss
# Start to first frame: from just before exec to the first frame drawn (glFinish), as each reports.
# kiosk: a start as every day's (the font atlas read from the cache); cold: the first start after an
# install or a font update (no font cache: the atlas is built, then kept).
# Each start begins on a settled X server (MEEDOEN_BENCH_SETTLE seconds after the previous window
# went, 0.3 by default): the bare window exits without closing its window, so the X server tears it
# down while whatever starts next is opening its own; back to back, the kiosk (always after the bare
# window here) paid ~+9 ms of that.
first_frame() {  # $1 = bare|kiosk|cold
  local t0 t1
  [ "$1" = cold ] && rm -rf "$XDG_CACHE_HOME/meedoen"
  sleep "${MEEDOEN_BENCH_SETTLE:-0.3}"
  t0=$(date +%s%3N)
  if [ "$1" = bare ]; then t1=$("$bare" --bench-startup | sed -n 's/first_frame_unix_ms=//p')
  else t1=$("$kiosk" --demo --db "$work/k.db" --bench-startup 2>/dev/null | sed -n 's/first_frame_unix_ms=//p'); fi
  first[$1]+="$((t1 - t0)) "
}
# PSS (proportional set size: shared libraries counted by share) once the window has settled on
# its first screen and sleeps, from /proc/PID/smaps_rollup, in KiB.
settled_pss() {  # $1 = bare|kiosk|synced
  case $1 in
    bare) "$bare" & ;;
    kiosk) "$kiosk" --demo --db "$work/k.db" 2>/dev/null & ;;
    synced) "$kiosk" --demo --db "$work/s.db" --server "$url" 2>/dev/null & ;;
  esac
  pid=$!
  sleep 4
  pss[$1]+="$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup") "
  # USS: the pages only this process has; unlike PSS it does not move with who else maps the libraries.
  uss[$1]+="$(awk '/^Private_(Clean|Dirty):/ {s += $2} END {print s}' "/proc/$pid/smaps_rollup") "
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
}
for _ in $(seq "$runs"); do
  for w in bare kiosk cold; do first_frame $w; done
done
for _ in $(seq "$runs"); do
  for w in bare kiosk synced; do settled_pss $w; done
done

median() { printf '%s\n' $1 | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
fb=$(median "${first[bare]}"); fk=$(median "${first[kiosk]}"); fc=$(median "${first[cold]}")
pb=$(median "${pss[bare]}"); pk=$(median "${pss[kiosk]}"); ps=$(median "${pss[synced]}")
ub=$(median "${uss[bare]}"); uk=$(median "${uss[kiosk]}")
echo "runs: $runs each, interleaved; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "first frame ms  bare: ${first[bare]}| kiosk: ${first[kiosk]}| cold: ${first[cold]}"
echo "PSS KiB         bare: ${pss[bare]}| kiosk: ${pss[kiosk]}| syncing: ${pss[synced]}"
echo "USS KiB         bare: ${uss[bare]}| kiosk: ${uss[kiosk]}"
printf '%-40s %12s %12s %12s %8s\n' figure bare kiosk difference ratio
awk -v b="$fb" -v k="$fk" 'BEGIN { printf "%-40s %9.0f ms %9.0f ms %+9.0f ms %7.2fx\n", "start to first frame (median)", b, k, k - b, k / b }'
awk -v b="$fb" -v k="$fc" 'BEGIN { printf "%-40s %9.0f ms %9.0f ms %+9.0f ms %7.2fx\n", "the same, no font cache (first start)", b, k, k - b, k / b }'
awk -v b="$pb" -v k="$pk" 'BEGIN { printf "%-40s %8.1f MiB %8.1f MiB %+8.1f MiB %7.2fx\n", "PSS on the welcome screen (median)", b / 1024, k / 1024, (k - b) / 1024, k / b }'
awk -v b="$pb" -v k="$ps" 'BEGIN { printf "%-40s %8.1f MiB %8.1f MiB %+8.1f MiB %7.2fx\n", "the same, a kiosk that syncs", b / 1024, k / 1024, (k - b) / 1024, k / b }'
awk -v b="$ub" -v k="$uk" 'BEGIN { printf "%-40s %8.1f MiB %8.1f MiB %+8.1f MiB %7.2fx\n", "private (USS) on the welcome screen", b / 1024, k / 1024, (k - b) / 1024, k / b }'

command -v strace >/dev/null || { echo "(no strace: the start-up phases are left out)"; exit 0; }
for _ in $(seq "$runs"); do
  strace -f --seccomp-bpf -s 256 -e trace=execve,openat,write -ttt -o "$work/trace" \
    "$kiosk" --demo --db "$work/k.db" --bench-startup >/dev/null 2>&1 || true
  python3 - "$work/trace" >>"$work/phases" <<'PY'
import re, sys
lines = [l.split(None, 2) for l in open(sys.argv[1]) if len(l.split(None, 2)) == 3]
def at(pattern, after=0.0, last=False):
    hits = [float(p[1]) for p in lines if float(p[1]) >= after and re.search(pattern, p[2])]
    return (hits[-1] if last else hits[0]) if hits else float("nan")
t0 = at(r"^execve")
db = at(r'^openat.*/k\.db"')
po = at(r'^openat.*\.po"', db, last=True)
window = at(r"^write\(2, .*kiosk started", db)
fonts = at(r"^write\(2, .*fonts", window, last=True)
first = at(r"^write\(1, .*first_frame", fonts)
print(" ".join("%.1f" % ((b - a) * 1000) for a, b in [(t0, db), (db, po), (db, window), (window, fonts), (fonts, first)]),
      "%.1f" % ((first - t0) * 1000))
PY
done
python3 - "$work/phases" "$runs" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
names = ["libraries, main's start, SDL_Init", "beside the window: store, catalogues", "window (X, Mesa)",
         "start-up atlas installed", "first frame drawn", "start to first frame"]
print("kiosk start-up, phase by phase (strace, median of %s runs, ms)" % sys.argv[2])
for i, n in enumerate(names):
    col = [r[i] for r in rows]
    print("  %-38s %7.1f   (%s)" % (n, statistics.median(col), " ".join("%.0f" % v for v in col)))
PY
