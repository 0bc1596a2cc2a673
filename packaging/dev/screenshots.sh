#!/usr/bin/env bash
# Builds Meedoen and lets the kiosk photograph every participant and coach screen, at 1280x800,
# 1920x1080, portrait 1080x1920 and the smallest panel, 1024x600, into docs/screenshots/<size>/
# (Monday 23 November 2026, 09:42, demo centre).
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/dev/deps.sh test
packaging/dev/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work" /tmp/meedoen-screenshots' EXIT
for size in 1280x800 1920x1080 1080x1920 1024x600; do
  out="docs/screenshots/$size"
  mkdir -p "$out"
  sed "s#OUT/#$PWD/$out/#" docs/screenshots/tour.replay > "$work/tour.replay"
  rm -f "$work/k.db"*
  TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 ${size}x24" build/app/meedoen-kiosk --demo --db "$work/k.db" \
    --clock 2026-11-23T09:42 --size "$size" --replay "$work/tour.replay" 2>/dev/null
  # The grid of initials is off by default; a centre switches it on in its settings.
  sed "s#OUT/#$PWD/$out/#" docs/screenshots/grid.replay > "$work/grid.replay"
  rm -f "$work/k.db"*
  TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 ${size}x24" build/app/meedoen-kiosk --demo --db "$work/k.db" \
    --config docs/screenshots/grid.toml --clock 2026-11-23T09:42 --size "$size" --replay "$work/grid.replay" 2>/dev/null
  # Coach mode: the corner button, the coach PIN pad, Today, the programme and its editor.
  sed "s#OUT/#$PWD/$out/#" docs/screenshots/coach.replay > "$work/coach.replay"
  rm -f "$work/k.db"*
  TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 ${size}x24" build/app/meedoen-kiosk --demo --db "$work/k.db" \
    --clock 2026-11-23T09:42 --size "$size" --replay "$work/coach.replay" 2>/dev/null
  # Coach mode, Reports: the month overview and its export, into a data folder of a fixed name (the
  # screenshot shows it: a name of mktemp's changed the picture on every run).
  sed "s#OUT/#$PWD/$out/#" docs/screenshots/reports.replay > "$work/reports.replay"
  rm -f "$work/k.db"*
  rm -rf /tmp/meedoen-screenshots
  TZ=Europe/Amsterdam XDG_DATA_HOME=/tmp/meedoen-screenshots xvfb-run -a -s "-screen 0 ${size}x24" build/app/meedoen-kiosk --demo \
    --db "$work/k.db" --clock 2026-11-23T09:42 --size "$size" --replay "$work/reports.replay" 2>/dev/null
  # Every participant screen in Arabic and Tigrinya (issue 15), chosen on the welcome screen.
  for lang in ar ti; do
    sed "s#OUT/#$PWD/$out/#; s#LANG#$lang#g" docs/screenshots/languages.replay > "$work/languages.replay"
    rm -f "$work/k.db"*
    TZ=Europe/Amsterdam xvfb-run -a -s "-screen 0 ${size}x24" build/app/meedoen-kiosk --demo --db "$work/k.db" \
      --config docs/screenshots/languages.toml --clock 2026-11-23T09:42 --size "$size" \
      --replay "$work/languages.replay" 2>/dev/null
  done
  echo "screenshots in $out: $(ls "$out" | tr '\n' ' ')"
done
