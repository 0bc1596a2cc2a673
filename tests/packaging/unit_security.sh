#!/usr/bin/env bash
# systemd-analyze security --offline=true on a unit file: prints the table and fails when the
# overall exposure is above the limit. Offline mode: no running systemd is needed (the build
# machine runs in a container without systemd as PID 1).
#   unit_security.sh UNIT_FILE MAX_EXPOSURE
set -euo pipefail
report="$(systemd-analyze security --offline=true --no-pager "$1" 2>&1)" || true
echo "$report" | grep -E "✗|Overall" || true
exposure="$(echo "$report" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
[ -n "$exposure" ] || { echo "no exposure level in: $report" >&2; exit 1; }
echo "exposure of $(basename "$1"): $exposure (at most $2)"
awk -v e="$exposure" -v m="$2" 'BEGIN { exit !(e <= m) }'
