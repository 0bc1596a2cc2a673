#!/usr/bin/env bash
# The kiosk under the cage compositor as meedoen-kiosk.service runs it (SDL_VIDEODRIVER=wayland,
# --fullscreen), on wlroots' headless backend with the pixman renderer: no screen, GPU or seat
# needed. cage refuses to run as root, so it runs as an unprivileged user (nobody).
# The kiosk writes a screenshot of its first frames, which must not be blank.
# The kiosk and its translations are copied into the user's temporary folder first (a build
# tree under /root is not readable by nobody).
#   cage_test.sh KIOSK_BIN ASSETS_DIR OUT_DIR       exit 77: skipped (cage is not installed)
set -euo pipefail
kiosk="$(realpath "$1")"
assets="$(realpath "$2")"
out="$(realpath -m "$3")"
here="$(cd "$(dirname "$0")" && pwd)"
command -v cage >/dev/null || { echo "SKIPPED: cage is not installed (packaging/dev/deps.sh test)"; exit 77; }
user=nobody
[ "$(id -u)" -eq 0 ] || user="$(id -un)"
run=(runuser -u "$user" --)
[ "$(id -u)" -eq 0 ] || run=()
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
chmod 700 "$dir"
chown "$user" "$dir"
mkdir -p "$out"
cp "$kiosk" "$dir/meedoen-kiosk"
cp -r "$assets" "$dir/assets"
chown -R "$user" "$dir"
status=0
"${run[@]}" env -i PATH=/usr/bin:/bin HOME="$dir" XDG_RUNTIME_DIR="$dir" WLR_BACKENDS=headless \
  WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman SDL_VIDEODRIVER=wayland MEEDOEN_ASSETS="$dir/assets" \
  timeout 120 cage -d -- "$dir/meedoen-kiosk" --demo --db "$dir/kiosk.db" --fullscreen --screenshot "$dir/cage.png" \
  >"$dir/log" 2>&1 || status=$?
cat "$dir/log"
[ "$status" -eq 0 ] || { echo "FAILED: cage + kiosk exited $status" >&2; exit 1; }
grep -q "kiosk started" "$dir/log" || { echo "FAILED: the kiosk did not start under cage" >&2; exit 1; }
if grep -q "translations missing" "$dir/log"; then echo "FAILED: translations missing" >&2; exit 1; fi
cp "$dir/cage.png" "$out/cage-welcome.png"
python3 "$here/png_check.py" "$out/cage-welcome.png"
echo "cage test passed"
