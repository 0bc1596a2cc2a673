#!/bin/sh
# Runs a command on a display of its own: headless_display.sh WIDTHxHEIGHT COMMAND [ARGS...]
#
# Xvfb chooses a free display number itself and reports it on a file descriptor (-displayfd) once
# it accepts connections, so tests running side by side never race for a number. `xvfb-run -a`
# probes lock files and then starts Xvfb: two at once can pick the same number, and its clean-up
# then fails with exit status 5 instead of the command's. Exits with the command's status, or
# 125 when Xvfb does not start.
set -u
if [ $# -lt 2 ]; then
  echo "usage: headless_display.sh WIDTHxHEIGHT COMMAND [ARGS...]" >&2
  exit 125
fi
size=$1
shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/meedoen-display.XXXXXX") || exit 125
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
tries=0
while [ ! -s "$dir/display" ]; do
  if ! kill -0 "$xvfb" 2>/dev/null || [ "$tries" -ge 600 ]; then  # dead, or no display after 30 s
    echo "headless_display: Xvfb did not start:" >&2
    cat "$dir/xvfb.log" >&2
    kill "$xvfb" 2>/dev/null
    rm -rf "$dir"
    exit 125
  fi
  tries=$((tries + 1))
  sleep 0.05
done
DISPLAY=":$(cat "$dir/display")" "$@"
status=$?
kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
rm -rf "$dir"
exit "$status"
