#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck logs grep` prints exactly what `grep -n` prints, byte for byte, for the same patterns
# and files (one file and several, counts, -i -w -v -E -F, a gzip file against its text), with
# grep's exit statuses and its message for a missing file; `opsdeck logs stats --json` counts
# lines as an editor does and says every field.
#   cli-logs.sh OPSDECK DATA_DIR
set -euo pipefail
opsdeck=$1
data=$2
work=$(mktemp -d /tmp/opsdeck-logs.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM LANGUAGE
fail() { echo "FAIL: $*" >&2; exit 1; }

# A sample of every format we know, several times, and a file without a final newline.
log="$work/mixed.log"
for _ in 1 2 3; do cat "$data"/logs/formats/* 2>/dev/null || true; done >"$log"
printf 'first ERROR\nsecond\r\nGrüße ERROR\nno newline at the end ERROR' >"$work/partial.log"
cat "$work/partial.log" >>"$log"
printf '\n' >>"$log"
[ -s "$log" ] || fail "no sample logs under $data/logs/formats"
gzip -c "$log" >"$work/mixed.log.gz"

same() { # description, then grep's arguments
    local what=$1
    shift
    local expected actual expected_status=0 actual_status=0
    expected=$(grep -a -n "$@") || expected_status=$?
    actual=$("$opsdeck" logs grep "$@") || actual_status=$?
    [ "$expected" = "$actual" ] || {
        diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | head -20 >&2
        fail "$what: output differs from grep -n"
    }
    [ "$expected_status" = "$actual_status" ] || fail "$what: exit $actual_status, grep exits $expected_status"
}
same "literal" ERROR "$log"
same "ignore case" -i error "$log"
same "whole word" -w -i error "$log"
same "extended alternation" -E 'ERROR|CRITICAL|FATAL|PANIC' "$log"
same "basic syntax" 'fail[a-z]*\|refused' "$log"
same "fixed string" -F '[error]' "$log"
same "inverted" -v -i 'info' "$log"
same "count" -c -E 'WARN(ING)?' "$log"
same "no match (exit 1)" 'no such text anywhere' "$log"
same "several files" -E 'ERROR|error' "$log" "$work/partial.log"
same "count in several files" -c ERROR "$log" "$work/partial.log"
same "last line without newline" 'at the end' "$work/partial.log"

# gzip: the same lines as the text.
[ "$("$opsdeck" logs grep ERROR "$work/mixed.log.gz")" = "$(grep -a -n ERROR "$log")" ] || fail "gzip file differs"

# A missing file: grep's message shape and status 2, even with matches elsewhere.
status=0
message=$("$opsdeck" logs grep ERROR "$work/missing.log" "$log" 2>&1 >/dev/null) || status=$?
[ "$status" = 2 ] || fail "missing file: exit $status, want 2"
case "$message" in *"$work/missing.log: No such file or directory"*) ;; *) fail "missing file message: $message" ;; esac

# A bad pattern says which and where, status 2.
status=0
message=$("$opsdeck" logs grep -E 'ab[cd' "$log" 2>&1) || status=$?
[ "$status" = 2 ] || fail "bad pattern: exit $status"
case "$message" in *"column 3"*) ;; *) fail "bad pattern message: $message" ;; esac

# stats --json: lines like an editor (wc -l plus an unterminated last line), every key.
json=$("$opsdeck" logs stats --json "$log" "$work/partial.log")
python3 - "$json" "$(wc -l <"$log")" "$(wc -l <"$work/partial.log")" "$(stat -c %s "$log")" <<'PY'
import json, sys
document = json.loads(sys.argv[1])
files = document["files"]
assert len(files) == 2, files
keys = {"path", "lines", "bytes", "format", "levels", "first", "last", "indexBytesPerLine", "seconds"}
for entry in files:
    assert set(entry) == keys, entry.keys()
assert files[0]["lines"] == int(sys.argv[2]), (files[0]["lines"], sys.argv[2])
assert files[0]["bytes"] == int(sys.argv[4])
assert files[1]["lines"] == int(sys.argv[3]) + 1, (files[1]["lines"], sys.argv[3])
assert files[0]["indexBytesPerLine"] < 2, files[0]
assert isinstance(files[0]["levels"], dict)
PY
status=0
"$opsdeck" logs stats "$work/missing.log" 2>/dev/null || status=$?
[ "$status" = 2 ] || fail "stats of a missing file: exit $status"
echo "logs grep equals grep -n; logs stats counts like an editor"
