#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck audit verify` on the audit log real commands wrote: intact, then edited, deleted and
# reordered with the sqlite3 shell after dropping the triggers (each must fail and name the row);
# the triggers refuse the same through a plain connection; and every file and folder OpsDeck
# wrote is private although it ran under umask 000.
#   cli-audit.sh OPSDECK
set -euo pipefail
opsdeck=$1
work=$(mktemp -d /tmp/opsdeck-audit.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM LANGUAGE

fail() { echo "FAIL: $*" >&2; exit 1; }
db="$XDG_DATA_HOME/OpsDeck/opsdeck/state.sqlite"
host=$(uname -n) # the built-in workspace's "This computer"

umask 000
"$opsdeck" run "$host" --yes -- true
status=0
"$opsdeck" run "$host" --yes -- sh -c 'exit 3' || status=$?
[ "$status" -eq 3 ] || fail "exit status not passed through: $status"
"$opsdeck" run "$host" --yes -- echo audited >/dev/null
"$opsdeck" run "$host" --yes -- uptime >/dev/null

mode() { stat -c '%a' "$1"; }
for path in "$db" "$XDG_CONFIG_HOME/OpsDeck/opsdeck.conf"; do
    [ "$(mode "$path")" = 600 ] || fail "$path is $(mode "$path"), expected 600"
done
for path in "$XDG_DATA_HOME" "$XDG_DATA_HOME/OpsDeck" "$XDG_DATA_HOME/OpsDeck/opsdeck" \
        "$XDG_CONFIG_HOME" "$XDG_CONFIG_HOME/OpsDeck"; do
    [ "$(mode "$path")" = 700 ] || fail "$path is $(mode "$path"), expected 700"
done

output=$("$opsdeck" audit verify) || fail "intact log: exit $?: $output"
grep -Eq '^4 rows, chain intact; head [0-9a-f]{64}$' <<<"$output" || fail "intact log printed: $output"
json=$("$opsdeck" audit verify --json) || fail "intact log, --json: exit $?"
grep -q '"intact": true' <<<"$json" && grep -q '"rows": 4' <<<"$json" || fail "--json printed: $json"
# Captured first: grep -q stops reading at its match, and under pipefail the help's writer
# dying of SIGPIPE would fail the pipe.
help=$("$opsdeck" --help) || fail "--help: exit $?"
grep -q 'audit verify' <<<"$help" || fail "--help does not list audit verify"

# Through a plain connection, history cannot be rewritten.
for statement in "DELETE FROM audit_log WHERE id = 1" \
        "UPDATE audit_log SET exit_code = 0 WHERE id = 2" \
        "DELETE FROM audit_completion"; do
    if message=$(sqlite3 "$db" "$statement" 2>&1); then
        fail "allowed: $statement"
    fi
    grep -q 'append-only' <<<"$message" || fail "$statement refused with: $message"
done

cp "$db" "$work/pristine.sqlite"
triggers=$(sqlite3 "$db" "SELECT group_concat('DROP TRIGGER ' || name || ';', ' ') FROM sqlite_master WHERE type = 'trigger'")
columns="started_at, finished_at, host, remote_user, command, risk, exit_code, signal_name, duration_ms, output_bytes, incident_id, status, previous_hash, row_hash, final_hash"

# expect_broken NAME SQL EXPECTED_REGEX: tampers with a fresh copy, verify must fail saying so.
expect_broken() {
    cp "$work/pristine.sqlite" "$db"
    sqlite3 "$db" "$triggers $2"
    status=0
    output=$("$opsdeck" audit verify) || status=$?
    [ "$status" -eq 1 ] || fail "$1: exit $status, expected 1: $output"
    grep -Eq "$3" <<<"$output" || fail "$1: printed: $output"
    echo "ok: $1: $output"
}
expect_broken "edited command" "UPDATE audit_log SET command = 'true' WHERE id = 2;" \
    'Row 2 was edited'
expect_broken "edited exit code" "UPDATE audit_log SET exit_code = 0 WHERE id = 2;" \
    'Row 2 was edited: its outcome'
expect_broken "deleted row" "DELETE FROM audit_log WHERE id = 2;" 'Row 2 is missing'
expect_broken "deleted last row" "DELETE FROM audit_log WHERE id = 4;" 'Row 4 is missing'
expect_broken "swapped rows" "CREATE TEMP TABLE s AS SELECT * FROM audit_log WHERE id IN (1, 3);
    UPDATE audit_log SET ($columns) = (SELECT $columns FROM s WHERE s.id =
        CASE audit_log.id WHEN 1 THEN 3 ELSE 1 END) WHERE id IN (1, 3);" \
    'Row 1 does not start the chain'
expect_broken "triggers dropped" "" 'no longer append-only'

cp "$work/pristine.sqlite" "$db"
sqlite3 "$db" "$triggers UPDATE audit_log SET host = 'elsewhere' WHERE id = 3;"
status=0
json=$("$opsdeck" audit verify --json) || status=$?
[ "$status" -eq 1 ] || fail "--json on an edited log: exit $status"
grep -q '"row": 3' <<<"$json" && grep -q '"problem": "edited"' <<<"$json" &&
    grep -q '"intact": false' <<<"$json" || fail "--json on an edited log printed: $json"
echo "ok: intact and tampered logs told apart, files private under umask 000"
