#!/usr/bin/env bash
# Installs the Debian bookworm packages Meedoen needs to build, run and test, when missing.
# Run as root (it calls apt-get). Usage: packaging/dev/deps.sh [build|run|test]
# test: clang and its runtimes (libclang-rt-14-dev) build the libFuzzer targets (tests/fuzz).
set -euo pipefail

build_pkgs=(build-essential cmake pkg-config
  libsdl2-dev libgl-dev libimgui-dev libstb-dev libfreetype-dev
  libsqlitecpp-dev libsqlite3-dev libsodium-dev nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libcpp-httplib-dev
  libcairo2-dev libqrencode-dev libsystemd-dev libpq-dev libmicrohttpd-dev libespeak-ng-dev espeak-ng-data
  libfribidi-dev libxlsxwriter-dev libicu-dev fonts-noto-core fonts-material-design-icons-iconfont)
test_pkgs=(catch2 python3 python3-openpyxl clang-format xvfb xauth libgl1-mesa-dri sqlite3 xdotool openssl
  poppler-utils zbar-tools postgresql debhelper lintian cage xwayland clang libclang-rt-14-dev gettext)

want=("${build_pkgs[@]}")
if [ "${1:-build}" = test ]; then want+=("${test_pkgs[@]}"); fi
if [ "${1:-build}" = run ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then want+=(xvfb xauth libgl1-mesa-dri); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "meedoen: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "meedoen: these Debian packages are missing; run as root or install them: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
