#!/usr/bin/env bash
# The Debian packages on this machine, as an administrator uses them: dpkg -i, the installed
# meedoen-server as _meedoen (create a centre, serve, health, enrol a kiosk, a backup while
# serving, SIGTERM), the installed kiosk from /usr/bin with /etc/meedoen/kiosk.toml and the
# installed translations (sync once, an export through its modules in /usr/lib/<multiarch>/meedoen,
# then a screenshot under Xvfb that must not be blank), the units (systemd-analyze verify, security
# exposure <= 2.0), then remove (data and settings kept) and purge (gone). The packages are purged at the end, also when a step fails.
#   install_test.sh DIST_DIR SOURCE_DIR OUT_DIR       exit 77: skipped (not root, or installed already)
set -euo pipefail
dist="$(realpath "$1")"
source_dir="$(realpath "$2")"
out="$(realpath -m "$3")"
here="$(cd "$(dirname "$0")" && pwd)"
pkgs=(meedoen-kiosk meedoen-server meedoen-data)

step() { echo "== $*"; }
fail() {
  echo "FAILED: $*" >&2
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: installing packages needs root"
  exit 77
fi
for p in "${pkgs[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    echo "SKIPPED: $p is installed on this machine already; the test would remove it"
    exit 77
  fi
done

server_pid=""
xvfb_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  dpkg --purge "${pkgs[@]}" >/dev/null 2>&1 || true
}
trap cleanup EXIT
mkdir -p "$out"

step "dpkg -i"
debs=()
for p in "${pkgs[@]}"; do debs+=("$(ls "$dist/${p}"_*.deb | grep -v dbgsym | head -1)"); done
DEBIAN_FRONTEND=noninteractive dpkg -i "${debs[@]}"
id _meedoen || fail "no _meedoen user (sysusers.d file missing from the package?)"
[ -f /usr/lib/sysusers.d/meedoen-data.conf ] || fail "/usr/lib/sysusers.d/meedoen-data.conf is missing"
[ "$(stat -c '%U %a' /var/lib/meedoen)" = "_meedoen 750" ] || fail "/var/lib/meedoen: $(stat -c '%U %a' /var/lib/meedoen)"
[ "$(stat -c '%U' /var/lib/meedoen/kiosk)" = "_meedoen" ] || fail "/var/lib/meedoen/kiosk is not _meedoen's"
for f in /etc/meedoen/kiosk.toml /etc/meedoen/server.toml; do
  dpkg-query -W -f='${Conffiles}\n' meedoen-kiosk meedoen-server | grep -q " $f " || fail "$f is not a conffile"
done
[ -f /usr/share/meedoen/i18n/nl.po ] || fail "no translations in /usr/share/meedoen/i18n"
if grep -q -- "$source_dir" /usr/bin/meedoen-kiosk /usr/bin/meedoen-server; then
  fail "an installed binary names the source tree $source_dir"
fi
/usr/bin/meedoen-server --version | grep -qx "meedoen-server $(sed -n 's/^project(meedoen VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")" ||
  fail "meedoen-server --version does not match CMake's project version"

step "the installed server as _meedoen (settings /etc/meedoen/server.toml)"
as_meedoen() { runuser -u _meedoen -- env -u MEEDOEN_ASSETS -u MEEDOEN_SERVER_DB HOME=/var/lib/meedoen "$@"; }
cd /var/lib/meedoen
as_meedoen meedoen-server create-centre --id de-linde --name "De Linde" --demo
[ "$(stat -c '%U' /var/lib/meedoen/server.db)" = "_meedoen" ] || fail "server.db is not _meedoen's"
# setpriv, not runuser: it execs, so $! is the server itself and SIGTERM reaches it.
setpriv --reuid _meedoen --regid _meedoen --init-groups env -u MEEDOEN_SERVER_DB HOME=/var/lib/meedoen \
  meedoen-server serve --listen 127.0.0.1:0 --port-file /var/lib/meedoen/test.port 2>"$out/server.log" &
server_pid=$!
for _ in $(seq 100); do [ -s /var/lib/meedoen/test.port ] && break; sleep 0.1; done
port="$(cat /var/lib/meedoen/test.port)"
health="$(python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())' \
  "http://127.0.0.1:$port/v1/health")" || fail "GET /v1/health did not answer 200"
echo "$health"
echo "$health" | grep -q '"database":"writable"' || fail "health: $health"
code="$(as_meedoen meedoen-server enrol-kiosk --centre de-linde --name hal | sed -n 's/^code: //p')"
[ -n "$code" ] || fail "enrol-kiosk printed no code"

step "the installed kiosk as _meedoen (settings /etc/meedoen/kiosk.toml, journal /var/lib/meedoen/kiosk)"
as_meedoen meedoen-kiosk --server "http://127.0.0.1:$port" --enrol-code "$code" --sync-once 2>"$out/kiosk-sync.log" ||
  fail "the kiosk could not enrol and sync: $(cat "$out/kiosk-sync.log")"
[ -f /var/lib/meedoen/kiosk/kiosk.db ] || fail "the kiosk's journal is not /var/lib/meedoen/kiosk/kiosk.db"
as_meedoen meedoen-server kiosks --centre de-linde | grep -q enrolled || fail "the server lists no enrolled kiosk"

step "the kiosk's modules in /usr/lib/<multiarch>/meedoen: the sync above, an export, the package's Depends"
moddir="/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/meedoen"
for m in meedoen-collate meedoen-render meedoen-espeak meedoen-transport; do
  [ -f "$moddir/$m.so" ] || fail "$moddir/$m.so is missing"
done
as_meedoen meedoen-kiosk --export-month 2026-11 --out /var/lib/meedoen/kiosk/exports-test >"$out/kiosk-export.log" 2>&1 ||
  fail "the installed kiosk could not export: $(cat "$out/kiosk-export.log")"
head -c 5 /var/lib/meedoen/kiosk/exports-test/maandoverzicht-2026-11-*.pdf | grep -q '%PDF-' ||
  fail "the installed kiosk's export wrote no PDF"
# dh_shlibdeps reads the modules too: the kiosk's package still depends on what they link.
depends="$(dpkg-deb -f "${debs[0]}" Depends)"
for lib in libcairo2 libxlsxwriter4 libqrencode4 libespeak-ng1 libcpp-httplib0.11; do
  grep -q "$lib" <<<"$depends" || fail "meedoen-kiosk's Depends lacks $lib: $depends"
done
display=":$((90 + RANDOM % 200))"
Xvfb "$display" -ac -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
as_meedoen env DISPLAY="$display" meedoen-kiosk --server "http://127.0.0.1:$port" \
  --screenshot /var/lib/meedoen/kiosk/welcome.png 2>"$out/kiosk.log" || fail "kiosk: $(cat "$out/kiosk.log")"
cat "$out/kiosk.log"
grep -q "settings /etc/meedoen/kiosk.toml" "$out/kiosk.log" || fail "the kiosk did not read /etc/meedoen/kiosk.toml"
if grep -q "translations missing" "$out/kiosk.log"; then fail "the installed kiosk did not find its translations"; fi
cp /var/lib/meedoen/kiosk/welcome.png "$out/installed-welcome.png"
python3 "$here/png_check.py" "$out/installed-welcome.png"

step "backup while serving, then SIGTERM"
as_meedoen meedoen-server backup /var/lib/meedoen/test-backup.db
[ "$(sqlite3 /var/lib/meedoen/test-backup.db 'PRAGMA integrity_check')" = ok ] || fail "the backup is not sound"
kill -TERM "$server_pid"
wait "$server_pid" || fail "the server did not exit 0 on SIGTERM: $(cat "$out/server.log")"
server_pid=""
grep -q "stopping (signal 15)" "$out/server.log" || fail "no stop message in the server's log"

step "systemd units"
systemd-analyze verify /lib/systemd/system/meedoen-server.service /lib/systemd/system/meedoen-kiosk.service
"$here/unit_security.sh" /lib/systemd/system/meedoen-server.service 2.0

step "remove: data and settings stay"
dpkg -r "${pkgs[@]}"
[ ! -e /usr/bin/meedoen-kiosk ] && [ ! -e /usr/bin/meedoen-server ] || fail "binaries left after remove"
[ -f /var/lib/meedoen/server.db ] || fail "remove deleted the server's database"
[ -f /var/lib/meedoen/kiosk/kiosk.db ] || fail "remove deleted the kiosk's journal"
[ -f /etc/meedoen/kiosk.toml ] && [ -f /etc/meedoen/server.toml ] || fail "remove deleted the settings"

step "purge: data and settings gone"
dpkg -P "${pkgs[@]}"
[ ! -e /var/lib/meedoen ] || fail "purge left /var/lib/meedoen: $(ls -la /var/lib/meedoen)"
[ ! -e /etc/meedoen ] || fail "purge left /etc/meedoen: $(ls -la /etc/meedoen)"
left="$(dpkg-query -W -f='${Package} ${Status}\n' "${pkgs[@]}" 2>/dev/null | grep -v "not-installed" || true)"
[ -z "$left" ] || fail "dpkg still knows: $left"
echo "left on purpose: the system user _meedoen ($(id _meedoen)), as Debian keeps system users"
echo "install test passed"
