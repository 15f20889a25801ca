#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# validate-metainfo.sh FILE: appstreamcli must report no error and no warning, offline
# (infos and pedantic notes are printed but allowed).
set -euo pipefail

file=${1:?usage: validate-metainfo.sh FILE}
command -v appstreamcli >/dev/null \
    || { echo "FAIL: appstreamcli not found; install appstream (installer/setup.sh deps)" >&2; exit 1; }

status=0
report=$(appstreamcli validate --no-net --pedantic "$file" 2>&1) || status=$?
printf '%s\n' "$report"
if [ "$status" -ne 0 ] || grep -qE '^[EW]: ' <<<"$report"; then
    echo "FAIL: $file does not validate (exit status $status)" >&2
    exit 1
fi
echo "PASS: $file"
