#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# validate-desktop-file.sh FILE: desktop-file-validate must report no error and no warning
# (hints are printed but allowed).
set -euo pipefail

file=${1:?usage: validate-desktop-file.sh FILE}
command -v desktop-file-validate >/dev/null \
    || { echo "FAIL: desktop-file-validate not found; install desktop-file-utils (installer/setup.sh deps)" >&2; exit 1; }

status=0
report=$(desktop-file-validate "$file" 2>&1) || status=$?
[ -z "$report" ] || printf '%s\n' "$report"
if [ "$status" -ne 0 ] || grep -qE ': (error|warning): ' <<<"$report"; then
    echo "FAIL: $file does not validate (exit status $status)" >&2
    exit 1
fi
echo "PASS: $file"
