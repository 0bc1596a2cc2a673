#!/usr/bin/env bash
# lintian on the built packages (the .changes names them all): no errors and no warnings. An
# override needs a written reason in packaging/debian/*.lintian-overrides.
#   lintian_test.sh DIST_DIR
set -euo pipefail
changes="$(ls "$1"/meedoen_*.changes | head -1)"
lintian --fail-on error,warning --display-info --no-tag-display-limit "$changes"
echo "lintian: no errors, no warnings in $(basename "$changes")"
