#!/usr/bin/env bash
# Builds Meedoen's Debian packages (meedoen-kiosk, meedoen-server, meedoen-data) from the
# committed tree: git archive of HEAD into a temporary folder, packaging/debian/ at its root,
# dpkg-buildpackage -us -uc -b. Uncommitted changes are not in the packages.
#   packaging/build-deb.sh [OUTDIR]     (default ./dist; DEB_BUILD_OPTIONS is honoured, e.g. parallel=2)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/dist}")"
cd "$root"

# One version: CMake's project(VERSION) is the source; the changelog must agree.
cmake_version="$(sed -n 's/^project(meedoen VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)"
deb_version="$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)"
if [ "$cmake_version" != "$deb_version" ]; then
  echo "build-deb.sh: CMakeLists.txt says $cmake_version, packaging/debian/changelog $deb_version: add a changelog entry" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src="$work/meedoen-$deb_version"
mkdir -p "$src"
git archive --format=tar HEAD | tar -x -C "$src"
cp -a packaging/debian "$src/debian"
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=$(nproc)}"
(cd "$src" && dpkg-buildpackage -us -uc -b)
mkdir -p "$out"
rm -f "$out"/meedoen*.deb "$out"/meedoen_*.changes "$out"/meedoen_*.buildinfo
cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
echo "build-deb.sh: packages in $out:"
ls -1 "$out"/*.deb
