#!/usr/bin/env bash
# Builds Meedoen and starts the kiosk on the demo centre "De Cirkel (demo)", synced with a
# local meedoen-server on loopback (its own demo centre, this kiosk enrolled with a one-time
# code). The server stops when the kiosk exits, and what reached it is printed.
# Extra arguments go to meedoen-kiosk, e.g. --size 1920x1080 or --fullscreen.
set -euo pipefail
cd "$(dirname "$0")/../.."
packaging/dev/deps.sh run
packaging/dev/build.sh kiosk
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "meedoen: no display (DISPLAY is not set). Run this from a desktop session, or try it" >&2
  echo "         headless: xvfb-run -a build/app/meedoen-kiosk --demo --screenshot welcome.png" >&2
  exit 4
fi

state="${XDG_DATA_HOME:-$HOME/.local/share}/meedoen/demo-server"
mkdir -p "$state"
server=(build/app/meedoen-server --db "$state/server.db")
if [ ! -s "$state/server.db" ]; then
  "${server[@]}" create-centre --id de-cirkel --name "De Cirkel (demo)" --demo
fi
rm -f "$state/port"
"${server[@]}" serve --listen 127.0.0.1:0 --port-file "$state/port" 2>>"$state/server.log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$state/port" ] && break; sleep 0.05; done
if [ ! -s "$state/port" ]; then
  echo "meedoen: the demo server did not start; see $state/server.log" >&2
  exit 3
fi
url="http://127.0.0.1:$(cat "$state/port")"
# A fresh code each time: the kiosk uses it only when it has no working device token yet.
code=$("${server[@]}" enrol-kiosk --centre de-cirkel --name demo --valid-hours 1 | awk '/^code:/ {print $2}')
echo "meedoen: demo server at $url (database $state/server.db); kiosk enrolment code $code"

status=0
build/app/meedoen-kiosk --demo --server "$url" --enrol-code "$code" "$@" || status=$?

today=$(date +%F)
echo "meedoen: the server received for today ($today):"
"${server[@]}" report attendance --centre de-cirkel --from "$today" --to "$today" --format csv
"${server[@]}" kiosks --centre de-cirkel | grep -v " waiting "
exit "$status"
