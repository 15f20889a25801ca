#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command and checks its exit status, that its output (stdout and stderr) matches an
# extended regular expression, and optionally that it wrote a non-empty file.
#   expect-command.sh STATUS REGEX [--file PATH] -- COMMAND [ARGS...]
set -uo pipefail
expected_status=$1
pattern=$2
shift 2
file=""
if [ "${1:-}" = "--file" ]; then
    file=$2
    shift 2
fi
[ "${1:-}" = "--" ] && shift
[ -n "$file" ] && rm -f "$file"
output=$("$@" 2>&1)
status=$?
printf '%s\n' "$output"
if [ "$status" -ne "$expected_status" ]; then
    echo "FAIL: exit status $status, expected $expected_status" >&2
    exit 1
fi
if ! grep -Eq -- "$pattern" <<<"$output"; then
    echo "FAIL: output does not match: $pattern" >&2
    exit 1
fi
if [ -n "$file" ] && [ ! -s "$file" ]; then
    echo "FAIL: $file was not written" >&2
    exit 1
fi
echo "ok"
