#!/usr/bin/env bash
# The screenshot set of packaging/dev/screenshots.sh (tour, grid, coach, reports, Arabic and
# Tigrinya), taken by a given kiosk binary into a given folder, without building: for comparing two
# builds pixel for pixel with tests/bench/png_diff.py (issue 17).
# Usage: tests/bench/screenshot_set.sh KIOSK_BINARY OUT_DIR [size, default 1280x800]
set -euo pipefail
kiosk=$(realpath "$1")
out=$(realpath -m "$2")
size=${3:-1280x800}
cd "$(dirname "$0")/../.."
mkdir -p "$out"
# A fixed folder: the reports screen shows the export's path, which must not differ between runs.
work=${TMPDIR:-/tmp}/meedoen-screenshot-set
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
shoot() {  # $1 = replay file, then extra kiosk arguments
  local replay=$1
  shift
  rm -f "$work/k.db"*
  TZ=Europe/Amsterdam XDG_DATA_HOME="$work/data" xvfb-run -a -s "-screen 0 ${size}x24" "$kiosk" --demo \
    --db "$work/k.db" --clock 2026-11-23T09:42 --size "$size" --replay "$replay" "$@" 2>"$work/log" || { echo "$(basename "$replay"): $(tail -1 "$work/log")" >&2; }
}
for r in tour coach reports; do
  sed "s#OUT/#$out/#" "docs/screenshots/$r.replay" > "$work/$r.replay"
  shoot "$work/$r.replay"
done
sed "s#OUT/#$out/#" docs/screenshots/grid.replay > "$work/grid.replay"
shoot "$work/grid.replay" --config docs/screenshots/grid.toml
for lang in ar ti; do
  sed "s#OUT/#$out/#; s#LANG#$lang#g" docs/screenshots/languages.replay > "$work/languages.replay"
  shoot "$work/languages.replay" --config docs/screenshots/languages.toml
done
echo "$(ls "$out" | wc -l) screenshots in $out"
