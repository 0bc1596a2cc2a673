#!/usr/bin/env bash
# Builds Meedoen and starts the kiosk on the demo centre "De Cirkel (demo)".
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
exec build/app/meedoen-kiosk --demo "$@"
