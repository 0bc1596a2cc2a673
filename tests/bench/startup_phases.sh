#!/usr/bin/env bash
# Where the kiosk's start-up goes before its first frame (issue 17), from the times of the files it
# opens and the lines it logs, under strace with a seccomp filter (only openat and write stop the
# process, so the phases keep their length). Phases: loading the libraries and main's own start
# (exec to opening the database), the store (its open and integrity check, to the first catalogue),
# the catalogues and the session's reload (to SDL reading the machine id), the window (SDL, X and
# Mesa, to "kiosk started"), installing the start-up atlas (to the last "fonts" line) and the first
# frame (to glFinish). Medians of N runs, on one Xvfb.
# Usage: tests/bench/startup_phases.sh [build dir] [runs] [kiosk binary, default <build>/app/meedoen-kiosk]
set -euo pipefail
if [ -z "${MEEDOEN_BENCH_PHASES_DISPLAY:-}" ]; then
  MEEDOEN_BENCH_PHASES_DISPLAY=1 exec "$(dirname "$0")/../support/headless_display.sh" 1280x800 "$0" "$@"
fi
build=${1:-build}
runs=${2:-5}
kiosk=${3:-$build/app/meedoen-kiosk}
[ -x "$kiosk" ] || { echo "startup_phases: $kiosk not built" >&2; exit 1; }
command -v strace >/dev/null || { echo "startup_phases: needs strace" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Europe/Amsterdam
"$kiosk" --demo --db "$work/k.db" --screenshot "$work/warm.png" 2>/dev/null  # creates the demo centre
for _ in $(seq "$runs"); do
  strace -f --seccomp-bpf -s 256 -e trace=execve,openat,write -ttt -o "$work/trace" \
    "$kiosk" --demo --db "$work/k.db" --bench-startup >/dev/null 2>&1
  python3 - "$work/trace" >>"$work/phases" <<'PY'
import re, sys
lines = [l.split(None, 2) for l in open(sys.argv[1]) if len(l.split(None, 2)) == 3]
def at(pattern, after=0.0, last=False):
    hits = [float(p[1]) for p in lines if float(p[1]) >= after and re.search(pattern, p[2])]
    return (hits[-1] if last else hits[0]) if hits else float("nan")
t0 = at(r"^execve")
db = at(r'^openat.*/k\.db"')
po = at(r'^openat.*\.po"', db)
sdl = at(r"^openat.*machine-id", po)
window = at(r"^write\(2, .*kiosk started", sdl)
fonts = at(r"^write\(2, .*fonts", window, last=True)
first = at(r"^write\(1, .*first_frame", fonts)
points = [t0, db, po, sdl, window, fonts, first]
print(" ".join("%.1f" % ((b - a) * 1000) for a, b in zip(points, points[1:])), "%.1f" % ((first - t0) * 1000))
PY
done
python3 - "$work/phases" "$runs" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
names = ["libraries, main's start", "store open and check", "catalogues, session reload", "window (SDL, X, Mesa)",
         "start-up atlas installed", "first frame drawn", "start to first frame"]
print("phase (median of %s runs, ms)" % sys.argv[2])
for i, n in enumerate(names):
    col = [r[i] for r in rows]
    print("  %-28s %7.1f   (%s)" % (n, statistics.median(col), " ".join("%.0f" % v for v in col)))
PY
