#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck backups` against real dumps of a real PostgreSQL 15 (postgres-fixture.sh, run as
# root) in temp locations of a temp workspace: list --json (kinds, staleness, the last
# verification), a stale location's exit 1, verify of a good and a truncated custom dump (TOC
# only at L1, failed at L2), a file whose name holds quotes and `$()` verified here and as
# HOST:PATH over a real sshd without its canary appearing, and the test restore's guard rails
# (--scratch, --confirm, --read-only) before one runs and its scratch database is gone; a
# retention dry run lists what keep-daily would delete and deletes nothing.
#   cli-backups.sh OPSDECK
set -euo pipefail
opsdeck=$1
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d /tmp/opsdeck-backups.XXXXXX)
pgdir=$(mktemp -d /tmp/opsdeck-pg-XXXXXX)
sshdir=$(mktemp -d /tmp/opsdeck-sshd-XXXXXX)
chmod 755 "$work" "$sshdir"
cleanup() {
    "$top/tests/scripts/postgres-fixture.sh" stop "$pgdir" >/dev/null 2>&1 || true
    bash "$top/tests/scripts/sshd-fixture.sh" stop "$sshdir" >/dev/null 2>&1 || true
    [ -n "${OPSDECK_KEEP:-}" ] || rm -rf "$work" "$pgdir" "$sshdir"
}
trap cleanup EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM LANGUAGE PGPASSWORD
fail() { echo "FAIL: $*" >&2; exit 1; }

"$top/tests/scripts/postgres-fixture.sh" start "$pgdir" >"$work/pg.env"
value() { sed -n "s/^$1=//p" "$work/pg.env"; }
port=$(value PORT) user=$(value USER) password=$(value PASSWORD) database=$(value DATABASE)
socket=$(value SOCKET_DIR)
super() { psql -X -At -h "$socket" -p "$port" -U postgres -d "$database" -c "$1"; }
# The dumps are of a database of their own: the fixture's has pg_stat_statements, which a
# non-superuser cannot restore.
super "ALTER ROLE $user CREATEDB" >/dev/null
super "DROP DATABASE IF EXISTS shop" >/dev/null
super "CREATE DATABASE shop OWNER $user" >/dev/null
psql -X -q -h "$socket" -p "$port" -U postgres -d shop -c "
    CREATE TABLE invoices (id int PRIMARY KEY, total numeric);
    INSERT INTO invoices SELECT g, g * 1.5 FROM generate_series(1, 5000) g;
    ALTER TABLE invoices OWNER TO $user" >/dev/null
eval "$(bash "$top/tests/scripts/sshd-fixture.sh" start "$sshdir" | grep -E '^(PORT|USER|KEY)=')"

mkdir -p "$work/nightly" "$work/old"
pg_dump -h "$socket" -p "$port" -U postgres -Fc -f "$work/nightly/orders-2026-12-06.dump" shop
size=$(stat -c %s "$work/nightly/orders-2026-12-06.dump")
head -c $((size / 2)) "$work/nightly/orders-2026-12-06.dump" >"$work/nightly/orders-cut.dump"
# A name a shell would run: quotes, $() and a backtick; the canary must never appear.
hostile="$work/nightly/it's \$(touch canary) \`touch canary\`.dump"
cp "$work/nightly/orders-2026-12-06.dump" "$hostile"
cp "$work/nightly/orders-2026-12-06.dump" "$work/old/orders-old.dump"
touch -d '3 days ago' "$work/old/orders-old.dump"
# Four dumps over three days, two on the newest: keep-daily 2 keeps the newest of two days.
# At noon and eleven (local time, as retention counts days), whatever the time of the run.
mkdir -p "$work/rotating"
for age in 1 2 3; do
    cp "$work/old/orders-old.dump" "$work/rotating/day$age.dump"
    touch -d "$(date -d "$age days ago" +%F) 12:00" "$work/rotating/day$age.dump"
done
cp "$work/old/orders-old.dump" "$work/rotating/day1-early.dump"
touch -d "$(date -d '1 day ago' +%F) 11:00" "$work/rotating/day1-early.dump"
chmod -R a+rX "$work/nightly" "$work/old" "$work/rotating"

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
            database: shop
            user: $user
            sslmode: disable
            password: keychain:lab-pg
          - name: scratch
            host: 127.0.0.1
            port: $port
            database: $database
            user: $user
            sslmode: disable
            password: keychain:lab-pg
            scratch-restores: true
        backups:
          - {name: nightly, directory: $work/nightly, glob: '*.dump', database: orders}
          - {name: old, directory: $work/old, glob: '*.dump', stale-after: 1h, critical-after: 2d}
          - {name: rotating, directory: $work/rotating, glob: '*.dump', keep-daily: 2}
      - name: fixture
        address: 127.0.0.1
        port: $PORT
        user: $USER
        auth: key
        key: $KEY
YAML
cd "$work" # a $() that ran would leave its canary here
backups() { "$opsdeck" --workspace "$work/lab.yaml" backups "$@"; }
no_canary() { [ -z "$(find "$work" "$sshdir" /tmp -maxdepth 2 -name canary 2>/dev/null)" ] || fail "canary after $1"; }

# --- list ---------------------------------------------------------------------------------
backups list nightly --json >"$work/nightly.json" || fail "list nightly: exit $?"
jq -e --arg dir "$work/nightly" '
    (.locations | length) == 1 and .locations[0].name == "nightly" and
    .locations[0].host == "dbhost" and .locations[0].files == 3 and
    .locations[0].staleness == "ok" and .locations[0].error == null and
    .locations[0].walWindow == null and (.locations[0].newest | type) == "string" and
    (.files | length) == 3 and ([.files[] | .kind] | unique) == ["pg-custom"] and
    ([.files[] | .verification] | all(. == null)) and
    (.files[] | select(.path == ($dir + "/orders-2026-12-06.dump")) | .size > 1000 and
        .compression == "none" and .location == "nightly")
' "$work/nightly.json" >/dev/null || fail "list nightly: $(cat "$work/nightly.json")"
no_canary "list"

status=0
backups list old --json >"$work/old.json" || status=$?
[ "$status" -eq 1 ] || fail "a critical location exits $status, not 1"
jq -e '.locations[0].staleness == "critical" and (.locations[0].message | test("old"))' \
    "$work/old.json" >/dev/null || fail "list old: $(cat "$work/old.json")"
status=0
backups list >"$work/all.txt" 2>"$work/all.err" || status=$?
[ "$status" -eq 1 ] || fail "list of every location exits $status, not 1"
grep -q "orders-cut.dump" "$work/all.txt" || fail "table: $(cat "$work/all.txt")"
grep -q "location old on dbhost is critical" "$work/all.err" || fail "stderr: $(cat "$work/all.err")"
status=0
backups list nowhere 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "an unknown location exits $status, not 2"

# --- verify: a good dump and a truncated one ----------------------------------------------
backups verify "$work/nightly/orders-2026-12-06.dump" --level 2 --json >"$work/good.json" ||
    fail "verify good: exit $?: $(cat "$work/good.json")"
jq -e '
    [.files[] | .level] == [0, 1, 2] and
    (.files[0] | .ok and .verdict == "verified" and .kind == "pg-custom") and
    (.files[1] | .ok == false and .verdict == "toc-only" and (.detail | test("TABLE"))) and
    (.files[2] | .ok and .verdict == "verified")
' "$work/good.json" >/dev/null || fail "verify good: $(cat "$work/good.json")"

backups verify "$work/nightly/orders-cut.dump" --level 1 --json >"$work/cut1.json" ||
    fail "verify cut at L1: exit $?"
jq -e '.files[-1] | .level == 1 and .verdict == "toc-only" and .ok' "$work/cut1.json" \
    >/dev/null || fail "cut at L1: $(cat "$work/cut1.json")"
status=0
backups verify "$work/nightly/orders-cut.dump" --level 2 --json >"$work/cut2.json" || status=$?
[ "$status" -eq 1 ] || fail "a truncated dump at L2 exits $status, not 1"
jq -e '.files[-1] | .level == 2 and .verdict == "failed" and .ok == false and
    (.detail | length > 0)' "$work/cut2.json" >/dev/null || fail "cut at L2: $(cat "$work/cut2.json")"

# Recorded in the state store: list shows each file's last verification.
backups list nightly --json >"$work/after.json" || fail "list after verify: exit $?"
jq -e --arg dir "$work/nightly" '
    (.files[] | select(.path == ($dir + "/orders-2026-12-06.dump")) | .verification |
        .level == 2 and .verdict == "verified" and (.at | type) == "string") and
    (.files[] | select(.path == ($dir + "/orders-cut.dump")) | .verification.verdict == "failed")
' "$work/after.json" >/dev/null || fail "list after verify: $(cat "$work/after.json")"

# A whole location: one failed file makes it exit 1, every file has its levels.
status=0
backups verify nightly --level 2 --json >"$work/location.json" || status=$?
[ "$status" -eq 1 ] || fail "verify of a location with a cut dump exits $status, not 1"
jq -e '(.files | length) == 9' "$work/location.json" >/dev/null ||
    fail "verify nightly: $(cat "$work/location.json")"

# --- the hostile name, here and over a real sshd -------------------------------------------
backups verify "$hostile" --level 2 --json >"$work/hostile.json" ||
    fail "verify hostile here: $(cat "$work/hostile.json")"
jq -e --arg path "$hostile" '.files[-1] | .path == $path and .ok' "$work/hostile.json" \
    >/dev/null || fail "hostile here: $(cat "$work/hostile.json")"
backups verify "fixture:$hostile" --level 2 --json --accept-unknown-host-key \
    >"$work/remote.json" || fail "verify over ssh: $(cat "$work/remote.json")"
jq -e --arg path "$hostile" '[.files[] | .level] == [0, 1, 2] and
    (.files[-1] | .host == "fixture" and .path == $path and .ok)' "$work/remote.json" \
    >/dev/null || fail "over ssh: $(cat "$work/remote.json")"
no_canary "verify"
status=0
backups verify "fixture:$work/nightly/none.dump" --level 0 --accept-unknown-host-key \
    2>"$work/none.err" || status=$?
[ "$status" -eq 1 ] && grep -q "has no file" "$work/none.err" ||
    fail "a missing remote file: exit $status: $(cat "$work/none.err")"

# --- level 3: the guard rails, then a test restore -----------------------------------------
good="$work/nightly/orders-2026-12-06.dump"
status=0
backups verify "$good" --level 3 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "L3 without --scratch exits $status, not 2"
status=0
backups verify "$good" --level 3 --scratch orders 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "L3 on a server without scratch restores exits $status, not 2"
status=0
printf '%s\n' "$password" | backups verify "$good" --level 3 --scratch scratch \
    --password-stdin 2>"$work/unconfirmed.err" || status=$?
[ "$status" -eq 1 ] && grep -q -- "--confirm" "$work/unconfirmed.err" ||
    fail "L3 unconfirmed: exit $status: $(cat "$work/unconfirmed.err")"
status=0
printf '%s\n' "$password" | backups verify "$good" --level 3 --scratch scratch --confirm \
    --password-stdin --read-only 2>"$work/readonly.err" || status=$?
[ "$status" -eq 1 ] && grep -q "read-only" "$work/readonly.err" ||
    fail "L3 read-only: exit $status: $(cat "$work/readonly.err")"
printf '%s\n' "$password" | backups verify "$good" --level 3 --scratch scratch --confirm \
    --password-stdin --json >"$work/restore.json" || fail "L3: $(cat "$work/restore.json")"
jq -e '.files[-1] | .level == 3 and .verdict == "verified" and .ok and
    (.detail | test("row counts match the source"))' "$work/restore.json" \
    >/dev/null || fail "L3: $(cat "$work/restore.json")"
left=$(super "SELECT count(*) FROM pg_database WHERE datname LIKE 'opsdeck_restore_test_%'")
[ "$left" = 0 ] || fail "$left scratch databases left behind"
state="$XDG_DATA_HOME/OpsDeck/opsdeck/state.sqlite"
if grep -q -- "$password" "$state" 2>/dev/null; then fail "the password is in the state store"; fi
rows=$(sqlite3 "$state" "select count(*) from audit_log where command like '%backup.test-restore%' or command like '%test restore%'")
[ "$rows" -ge 1 ] || fail "no audit row for the test restore"

# --- retention: a dry run lists what the rules would delete, and deletes nothing ------------
backups retention rotating --json >"$work/retention.json" || fail "retention: exit $?"
jq -e --arg dir "$work/rotating" '
    .rules.keepDaily == 2 and (.delete | sort) == [$dir + "/day1-early.dump", $dir + "/day3.dump"] and
    (.decisions | length) == 4 and .bytesFreed > 0 and
    (.decisions[] | select(.path == $dir + "/day2.dump") | .keep and (.reasons | length) > 0)
' "$work/retention.json" >/dev/null || fail "retention: $(cat "$work/retention.json")"
[ "$(find "$work/rotating" -name '*.dump' | wc -l)" -eq 4 ] || fail "the dry run deleted files"
backups retention dbhost/rotating >"$work/retention.txt" || fail "retention table: exit $?"
grep -q "2 of 4 would be deleted" "$work/retention.txt" || fail "retention: $(cat "$work/retention.txt")"
status=0
backups retention nowhere 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "retention of an unknown location exits $status, not 2"

status=0
backups verify --level 9 "$good" 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "--level 9 exits $status, not 2"
echo "cli-backups: ok"
