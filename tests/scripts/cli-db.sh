#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck db` as DBAs script it, against a real PostgreSQL 15 (tests/scripts/postgres-fixture.sh,
# run as root) with real lock contention made by psql sessions of the role `app`: the lock tree
# as JSON with the holder as the one root and its waiters beneath, activity's pids, the text
# tables' headers, terminate refused without --confirm PID, in read-only mode and for an OpsDeck
# session, then ending the holder so the waiters proceed; slow statements ranked; every other
# view read, Replication also with a streaming standby (postgres-fixture.sh standby); grant hints
# for the fixture's role and for one without grants (JSON and standard error); the password only
# from standard input, a wrong one named; an unknown database.
#   cli-db.sh OPSDECK
set -euo pipefail
opsdeck=$1
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d /tmp/opsdeck-db.XXXXXX)
pgdir=$(mktemp -d /tmp/opsdeck-pg-XXXXXX)
standbydir=$(mktemp -d /tmp/opsdeck-pg-standby-XXXXXX)
psql_pids=()
cleanup() {
    for fd in 3 4 5 6; do eval "exec $fd>&-" 2>/dev/null || true; done
    for pid in "${psql_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    "$top/tests/scripts/postgres-fixture.sh" stop "$standbydir" >/dev/null 2>&1 || true
    "$top/tests/scripts/postgres-fixture.sh" stop "$pgdir" >/dev/null 2>&1 || true
    [ -n "${OPSDECK_KEEP:-}" ] || rm -rf "$work" "$pgdir" "$standbydir"
}
trap cleanup EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM LANGUAGE PGPASSWORD PGAPPNAME
fail() { echo "FAIL: $*" >&2; exit 1; }

"$top/tests/scripts/postgres-fixture.sh" start "$pgdir" >"$work/pg.env"
value() { sed -n "s/^$1=//p" "$work/pg.env"; }
port=$(value PORT) user=$(value USER) password=$(value PASSWORD) database=$(value DATABASE)
socket=$(value SOCKET_DIR)
super() { psql -X -At -h "$socket" -p "$port" -U postgres -d "$database" -c "$1"; }
super "DROP TABLE IF EXISTS accounts; CREATE TABLE accounts (id int PRIMARY KEY, balance int);
       INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 10) g;
       DROP ROLE IF EXISTS app; CREATE ROLE app LOGIN; GRANT ALL ON accounts TO app;
       GRANT pg_signal_backend TO $user;
       DROP ROLE IF EXISTS viewer; CREATE ROLE viewer LOGIN PASSWORD 'Viewer-pw-2';
       GRANT CONNECT ON DATABASE $database TO viewer" >/dev/null

cat >"$work/lab.yaml" <<YAML
environments:
  - name: lab
    hosts:
      - name: dbhost
        connection: local
        databases:
          - name: orders
            host: 127.0.0.1
            port: $port
            database: $database
            user: $user
            sslmode: disable
            password: keychain:orders-db
          - name: reports
            host: 127.0.0.1
            port: $port
            database: $database
            user: viewer
            sslmode: disable
            password: keychain:reports-db
YAML
db() { # db ARGS... : opsdeck db with the fixture's password on standard input
    printf '%s\n' "$password" | "$opsdeck" --workspace "$work/lab.yaml" db "$@" --password-stdin
}

# A psql session of `app` over the socket, kept open on a FIFO (file descriptor FD): it holds its
# locks until the script closes the FIFO.
session() { # session NAME FD
    mkfifo "$work/$1.in"
    PGAPPNAME=$1 psql -X -q -h "$socket" -p "$port" -U app -d "$database" <"$work/$1.in" \
        >"$work/$1.out" 2>&1 &
    psql_pids+=($!)
    eval "exec $2>\"$work/$1.in\""
}
pid_of() { super "SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE application_name = '$1'"; }
wait_until() { # wait_until DESCRIPTION 'CONDITION': up to 20 s, CONDITION evaluated each time
    for _ in $(seq 200); do
        if eval "$2"; then return 0; fi
        sleep 0.1
    done
    fail "timed out waiting until $1"
}
idle_in_transaction() {
    super "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$1' AND state = 'idle in transaction'"
}
waiting_count() { super "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"; }

session holder 3
echo "BEGIN; UPDATE accounts SET balance = balance - 1 WHERE id = 1;" >&3
wait_until "the holder has its transaction" '[ "$(idle_in_transaction holder)" = 1 ]'
session first 4
echo "UPDATE accounts SET balance = balance + 1 WHERE id = 1;" >&4
wait_until "first waits" '[ "$(waiting_count)" = 1 ]'
session second 5
echo "UPDATE accounts SET balance = balance + 2 WHERE id = 1;" >&5
wait_until "second waits" '[ "$(waiting_count)" = 2 ]'
# Another OpsDeck's session (its application_name says so): never a target.
session opsdeck-other 6
echo "SELECT 1;" >&6
wait_until "the OpsDeck session is there" '[ "$(pid_of opsdeck-other)" -gt 0 ]'
holder=$(pid_of holder) first=$(pid_of first) second=$(pid_of second) other=$(pid_of opsdeck-other)

# The lock tree: one root, the holder, with both waiters beneath it (at any depth).
db locks orders --json >"$work/locks.json" || fail "db locks --json failed"
jq -e --argjson holder "$holder" --argjson first "$first" --argjson second "$second" '
    (.roots | length) == 1 and .roots[0].pid == $holder and .roots[0].waiting == false and
    .database == "orders" and .roots[0].blocked_total == 2 and
    ([.roots[0].blocks[] | .waiting] | all) and
    ([.roots[0] | .. | objects | select(has("pid")) | .pid] | contains([$first, $second])) and
    (.roots[0].blocks[0].mode | length > 0) and (.roots[0].blocks[0].relation | type) == "string"
' "$work/locks.json" >/dev/null || fail "locks: $(cat "$work/locks.json")"
# The root's side of the wait: the lock it holds on the table its waiters want.
jq -e '.roots[0].holds == {"mode": "RowExclusiveLock", "lock_type": "relation", "relation": "accounts"}' \
    "$work/locks.json" >/dev/null || fail "locks: the root's holds: $(cat "$work/locks.json")"

# Activity lists every session, OpsDeck's marked own; the holder's transaction age is known.
db activity orders --json >"$work/activity.json" || fail "db activity --json failed"
jq -e --argjson holder "$holder" --argjson first "$first" --argjson second "$second" \
    --argjson other "$other" '
    ([.rows[].pid] | contains([$holder, $first, $second, $other])) and
    (.rows[] | select(.pid == $holder) | .state == "idle in transaction" and
        .transaction_age_ms >= 0 and .own == false) and
    (.rows[] | select(.pid == $first) | .blocked_by == [$holder] and .wait_event_type == "Lock") and
    (.rows[] | select(.pid == $other) | .own == true) and
    (.server.pid as $own | [.rows[] | select(.pid == $own and .own)] | length) == 1 and
    (.server.version_num >= 150000)
' "$work/activity.json" >/dev/null || fail "activity: $(cat "$work/activity.json")"

# Grant hints: the fixture's role has pg_monitor and pg_signal_backend, not EXECUTE on
# pg_stat_statements_reset (revoked from PUBLIC); a role without any is told all three, in
# "grant_hints" with --json and on standard error with the text.
reset_grant="EXECUTE ON FUNCTION public.pg_stat_statements_reset"
jq -e --arg reset "$reset_grant" --arg user "$user" '
    (.grant_hints | map(.grant)) == [$reset] and
    .grant_hints[0].hint == "Grant \($reset) to \($user) to reset pg_stat_statements (Reset Statistics in Slow queries)."
' "$work/activity.json" >/dev/null || fail "grant hints of $user: $(jq -c .grant_hints "$work/activity.json")"
viewer() { printf 'Viewer-pw-2\n' | "$opsdeck" --workspace "$work/lab.yaml" db "$@" --password-stdin; }
viewer activity reports --json >"$work/viewer.json" 2>"$work/viewer-json.err" || fail "viewer --json: $(cat "$work/viewer-json.err")"
jq -e --arg reset "$reset_grant" '
    (.grant_hints | map(.grant)) == ["pg_read_all_stats", "pg_signal_backend", $reset] and
    .grant_hints[1].hint == "Grant pg_signal_backend to viewer to cancel and terminate other users\u0027 sessions." and
    (.grant_hints[0].unlocks | test("other users\u0027 query texts")) and .server.user == "viewer"
' "$work/viewer.json" >/dev/null || fail "grant hints of viewer: $(jq -c .grant_hints "$work/viewer.json")"
grep -q "Grant" "$work/viewer-json.err" && fail "--json printed the hints on standard error too"
viewer activity reports >"$work/viewer.txt" 2>"$work/viewer.err" || fail "viewer text: $(cat "$work/viewer.err")"
head -1 "$work/viewer.txt" | grep -q '^PID  *User' || fail "viewer's table: $(head -1 "$work/viewer.txt")"
grep -q "^opsdeck db: Grant pg_read_all_stats to viewer to see other users' query texts" "$work/viewer.err" &&
    grep -qxF "opsdeck db: Grant pg_signal_backend to viewer to cancel and terminate other users' sessions." "$work/viewer.err" &&
    grep -qxF "opsdeck db: Grant $reset_grant to viewer to reset pg_stat_statements (Reset Statistics in Slow queries)." "$work/viewer.err" ||
    fail "viewer's hints on standard error: $(cat "$work/viewer.err")"
grep -q "Grant" "$work/viewer.txt" && fail "the hints went to standard output"

# The page's filters: --hide-idle leaves out the idle OpsDeck session, --min-duration the young.
db activity orders --hide-idle --json >"$work/busy.json" || fail "db activity --hide-idle failed"
jq -e --argjson holder "$holder" --argjson other "$other" '
    ([.rows[].pid] | index($holder)) != null and ([.rows[].pid] | index($other)) == null and
    ([.rows[] | select(.state == "idle")] | length) == 0' "$work/busy.json" >/dev/null ||
    fail "--hide-idle: $(cat "$work/busy.json")"
db activity orders --min-duration 3600 --json | jq -e '.rows == []' >/dev/null ||
    fail "--min-duration 3600 should leave no session"

# The text tables carry the models' column titles; the lock tree indents the waiters.
db activity orders >"$work/activity.txt" || fail "db activity failed"
head -1 "$work/activity.txt" | grep -q '^PID  *User  *Database  *Client  *Application  *State  *Blocked by' ||
    fail "activity header: $(head -1 "$work/activity.txt")"
grep -q "^$holder .*idle in transaction" "$work/activity.txt" || fail "activity: the holder's line"
db locks orders >"$work/locks.txt" || fail "db locks failed"
head -1 "$work/locks.txt" | grep -q '^PID  *Blocks  *User  *Database  *State  *Waits for' ||
    fail "locks header: $(head -1 "$work/locks.txt")"
sed -n 2p "$work/locks.txt" | grep -q "^$holder  *2 " || fail "locks: the root's line: $(cat "$work/locks.txt")"
grep -q "^  $first " "$work/locks.txt" || fail "locks: the first waiter indented: $(cat "$work/locks.txt")"

# terminate without --confirm: refused by the gate, says how to confirm, the holder stays.
status=0
db terminate orders "$holder" >"$work/t1.out" 2>"$work/t1.err" || status=$?
[ "$status" -eq 1 ] || fail "terminate without --confirm should exit 1, got $status"
grep -q "Not run" "$work/t1.err" || fail "terminate without --confirm: $(cat "$work/t1.err")"
grep -q -- "--confirm $holder" "$work/t1.err" || fail "the hint names --confirm PID: $(cat "$work/t1.err")"
[ "$(pid_of holder)" = "$holder" ] || fail "the holder was ended without --confirm"
# A wrong pid typed: refused.
status=0
db terminate orders "$holder" --confirm "$first" 2>"$work/t2.err" || status=$?
[ "$status" -eq 1 ] && grep -q "must be typed" "$work/t2.err" || fail "a wrong --confirm: $status $(cat "$work/t2.err")"
# Read-only mode: refused, confirmed or not.
status=0
printf '%s\n' "$password" | "$opsdeck" --read-only --workspace "$work/lab.yaml" db terminate orders "$holder" \
    --confirm "$holder" --password-stdin 2>"$work/t3.err" || status=$?
[ "$status" -eq 1 ] && grep -q "opsdeck db: --read-only refuses every action" "$work/t3.err" || fail "read-only: $status $(cat "$work/t3.err")"
[ "$(pid_of holder)" = "$holder" ] || fail "the holder was ended in read-only mode"
# An OpsDeck session is never a target.
status=0
db terminate orders "$other" --confirm "$other" 2>"$work/t4.err" || status=$?
[ "$status" -eq 1 ] && grep -q "OpsDeck never cancels or terminates its own sessions" "$work/t4.err" ||
    fail "an OpsDeck session: $status $(cat "$work/t4.err")"
[ "$(pid_of opsdeck-other)" = "$other" ] || fail "an OpsDeck session was ended"
# cancel is a change: --yes.
status=0
db cancel orders "$second" 2>"$work/c1.err" || status=$?
[ "$status" -eq 1 ] && grep -q -- "--yes" "$work/c1.err" || fail "cancel without --yes: $status $(cat "$work/c1.err")"

# Confirmed: the holder ends and the waiters proceed.
db terminate orders "$holder" --confirm "$holder" >"$work/t5.out" 2>"$work/t5.err" ||
    fail "terminate --confirm: $(cat "$work/t5.err")"
grep -q "Terminated session $holder in database orders" "$work/t5.out" || fail "terminate: $(cat "$work/t5.out")"
wait_until "the holder is gone" '[ "$(pid_of holder)" = 0 ]'
wait_until "nobody waits" '[ "$(waiting_count)" = 0 ]'
[ "$(super "SELECT balance FROM accounts WHERE id = 1")" = 103 ] || fail "the waiters' updates did not land"
db locks orders --json | jq -e '.roots == []' >/dev/null || fail "no lock tree after the holder went"
# The audit log has the termination, and only it: refusals never ran.
audit=$(sqlite3 "$XDG_DATA_HOME/OpsDeck/opsdeck/state.sqlite" "SELECT host || '|' || risk || '|' || status || '|' || command FROM audit_log")
[ "$audit" = "$holder|destroy|finished|postgres.backend.terminate: terminate backend pid $holder on orders $user@127.0.0.1:$port" ] ||
    fail "audit log: $audit"

# terminate-idle: the preview only, nothing is idle that long.
db terminate-idle orders --older-than 60 --json >"$work/idle.json" || fail "terminate-idle preview"
jq -e '.pids == [] and .older_than_min == 60' "$work/idle.json" >/dev/null || fail "idle: $(cat "$work/idle.json")"
status=0
db terminate-idle orders 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "terminate-idle without --older-than should exit 2, got $status"

# Slow statements: a known slow statement ranks first.
super "SELECT pg_stat_statements_reset()" >/dev/null
for _ in 1 2 3 4 5; do
    psql -X -q -h "$socket" -p "$port" -U app -d "$database" -c "SELECT pg_sleep(0.3)" >/dev/null
done
db slow orders --json >"$work/slow.json" || fail "db slow --json failed"
jq -e '(.rows[0].query | test("pg_sleep")) and .rows[0].calls == 5 and .rows[0].mean_ms >= 290 and
    .rows[0].user == "app"' "$work/slow.json" >/dev/null || fail "slow: $(head -c 2000 "$work/slow.json")"
db slow orders >"$work/slow.txt" || fail "db slow failed"
head -1 "$work/slow.txt" | grep -q '^Calls  *Total time  *Mean  *Max  *Rows' || fail "slow header: $(head -1 "$work/slow.txt")"

# The other views read.
db overview orders --json >"$work/overview.json" || fail "db overview --json failed"
jq -e '.max_connections > 0 and .usable > 0 and .client_connections >= 1 and
    (.verdict | IN("fine", "warning", "critical")) and (.databases | map(.name) | index("opsdeck")) != null' \
    "$work/overview.json" >/dev/null || fail "overview: $(cat "$work/overview.json")"
overview=$(db overview orders) || fail "db overview failed"
grep -q '^Connections: ' <<<"$overview" || fail "overview text: $overview"
db tables orders --json >"$work/tables.json" || fail "db tables --json failed"
jq -e '(.tables | map(.name) | index("accounts")) != null and
    (.indexes | map(.name) | index("accounts_pkey")) != null' "$work/tables.json" >/dev/null ||
    fail "tables: $(cat "$work/tables.json")"
jq -e '.tables[] | select(.name == "accounts") | has("bloat_bytes") and has("bloat_percent")' \
    "$work/tables.json" >/dev/null || fail "tables: the bloat estimate's keys: $(cat "$work/tables.json")"
db replication orders --json >"$work/replication.json" || fail "db replication --json failed"
jq -e '.replicas == [] and .slots == [] and (.archiver.mode | type) == "string"' "$work/replication.json" >/dev/null ||
    fail "replication: $(cat "$work/replication.json")"
# A streaming standby of it: listed with its state and a known lag.
"$top/tests/scripts/postgres-fixture.sh" standby "$pgdir" "$standbydir" >"$work/standby.env"
standby_name=$(sed -n 's/^STANDBY_NAME=//p' "$work/standby.env")
streaming_count() { super "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"; }
wait_until "the standby streams" '[ "$(streaming_count)" = 1 ]'
db replication orders --json >"$work/replication.json" || fail "db replication --json with a standby failed"
jq -e --arg name "$standby_name" '.replicas | length == 1 and (.[0] | .name == $name and
    .state == "streaming" and .sync_state == "async" and .lag_bytes >= 0 and
    (.replay_lag_ms == null or .replay_lag_ms >= 0))' "$work/replication.json" >/dev/null ||
    fail "replication with a standby: $(cat "$work/replication.json")"
"$top/tests/scripts/postgres-fixture.sh" stop "$standbydir"

# Passwords: none given names the keychain entry and --password-stdin; a wrong one is named.
status=0
"$opsdeck" --workspace "$work/lab.yaml" db activity orders </dev/null >/dev/null 2>"$work/p1.err" || status=$?
[ "$status" -eq 2 ] || fail "no password should exit 2, got $status"
grep -qF "opsdeck db: database orders needs the password of keychain entry 'orders-db', and the command line opens no keychain: give the password on standard input with --password-stdin" \
    "$work/p1.err" || fail "no password: $(cat "$work/p1.err")"
status=0
printf 'not-the-password\n' | "$opsdeck" --workspace "$work/lab.yaml" db activity orders --password-stdin \
    >/dev/null 2>"$work/p2.err" || status=$?
[ "$status" -eq 1 ] || fail "a wrong password should exit 1, got $status"
grep -qxF "opsdeck db: PostgreSQL database orders ($database at 127.0.0.1:$port): wrong password for user $user" \
    "$work/p2.err" || fail "wrong password: $(cat "$work/p2.err")"
grep -q "not-the-password" "$work/p2.err" && fail "the password was printed"

# An unknown database: exit 2, the known ones named.
status=0
db activity nosuch 2>"$work/u.err" >/dev/null || status=$?
[ "$status" -eq 2 ] || fail "an unknown database should exit 2, got $status"
grep -qxF "opsdeck db: the workspace has no database 'nosuch'; it has: orders, reports" "$work/u.err" ||
    fail "unknown database: $(cat "$work/u.err")"
echo "cli-db: all checks passed"
