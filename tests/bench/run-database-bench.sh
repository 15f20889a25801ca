#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release preset and prints the DBA views' refresh on a busy PostgreSQL 15 next to
# its targets and to pg_activity reading the same server:
#   1. a throwaway cluster (tests/scripts/postgres-fixture.sh, directory /tmp/opsdeck-bench-pg,
#      max_connections raised to SESSIONS + 100);
#   2. `bench_database hold` keeps SESSIONS sessions open, WAITERS of them waiting for row locks
#      (a few holders, chains through two middle sessions), the rest running pg_sleep, idle in a
#      transaction or idle;
#   3. the peer: pg_activity's own data layer (pgactivity.data.Data, Debian's pg-activity) run
#      headless, its three process lists read ROUNDS times; its curses UI has no headless mode;
#   4. `bench_database run`: a real DatabaseSession refreshing the Activity view (its lock tree
#      included) ROUNDS times, with the GUI thread's stalls measured.
# Every session, the cluster and its directory are gone when it ends, however it ends.
#   tests/bench/run-database-bench.sh [SESSIONS] [WAITERS] [ROUNDS]   (500 50 20 unless told)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
sessions=${1:-500}
waiters=${2:-50}
rounds=${3:-20}
[ "$(id -u)" -eq 0 ] || {
    echo "bench: run as root (the PostgreSQL fixture runs its server as postgres)" >&2
    exit 1
}
cmake --preset release >/dev/null
cmake --build --preset release --target bench_database >/dev/null
bench=build/release/tests/bench/bench_database
fixture=tests/scripts/postgres-fixture.sh
dir=/tmp/opsdeck-bench-pg
holder=''

cleanup() {
    [ -z "$holder" ] || kill "$holder" 2>/dev/null || true
    [ -z "$holder" ] || wait "$holder" 2>/dev/null || true
    # Stopping the server ends every session still open on it.
    [ ! -d "$dir" ] || bash "$fixture" stop "$dir" || true
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A cluster left behind by an interrupted run may have another max_connections: start afresh.
cleanup
bash "$fixture" start "$dir" --max-connections $((sessions + 100)) >/dev/null
env_file=$dir/fixture.env
value() { sed -n "s/^$1=//p" "$env_file"; }

"$bench" hold "$env_file" "$sessions" "$waiters" >"$dir/hold.out" 2>"$dir/hold.err" &
holder=$!
for ((second = 0; second < 300; second++)); do
    grep -q '^ready' "$dir/hold.out" && break
    if ! kill -0 "$holder" 2>/dev/null; then
        echo "bench: the sessions could not be held:" >&2
        cat "$dir/hold.err" >&2
        exit 1
    fi
    sleep 1
done
grep -q '^ready' "$dir/hold.out" || {
    echo "bench: the sessions were not all open after 300 s" >&2
    exit 1
}
sed 's/^ready /held: /' "$dir/hold.out"

# pg_activity 3.0.3 has no batch mode (--output still draws its curses UI), so its own data
# layer is timed: what each refresh of its running, waiting and blocking lists reads, rows
# made into its process objects, and in its local mode the /proc figures of every backend.
peers=()
if /usr/bin/python3 -c 'import pgactivity.data' 2>/dev/null; then
    version=$(pg_activity --version 2>/dev/null | sed -n 's/^pg_activity //p' | head -n 1)
    peer_figures=$(PGPASSWORD=$(value PASSWORD) /usr/bin/python3 - "$(value HOST)" "$(value PORT)" \
        "$(value USER)" "$(value DATABASE)" "$rounds" <<'EOF'
import sys, time
from pgactivity import activities
from pgactivity.data import Data

host, port, user, database, rounds = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
# The password comes from PGPASSWORD, as libpq reads it; never argv.
data = Data.pg_connect(host=host, port=port, user=user, database=database)
processes = {}

def timed(read):
    start = time.perf_counter()
    rows = read()
    return (time.perf_counter() - start) * 1e3, rows

def percentile(values, fraction):  # nearest rank, as bench_database prints its own
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(fraction * len(values) - 1e-9)))]

both, running, waiting, blocking, local = [], [], [], [], []
for round in range(rounds + 2):  # the first two warm up, as bench_database does
    a, procs = timed(data.pg_get_activities)
    w, waits = timed(data.pg_get_waiting)
    b, blocks = timed(data.pg_get_blocking)
    p, _ = timed(lambda: activities.ps_complete(procs, processes, 4096))
    if round < 2:
        continue
    both.append(a + w + b)
    running.append(a)
    waiting.append(w)
    blocking.append(b)
    local.append(a + p)
print(f"pga_ms={percentile(both, 0.5):.1f}")
print(f"pga_p95_ms={percentile(both, 0.95):.1f}")
print(f"pga_activities_ms={percentile(running, 0.5):.1f}")
print(f"pga_waiting_ms={percentile(waiting, 0.5):.1f}")
print(f"pga_blocking_ms={percentile(blocking, 0.5):.1f}")
print(f"pga_local_ms={percentile(local, 0.5):.1f}")
print(f"pga_rows={len(procs)} running, {len(waits)} waiting, {len(blocks)} blocking")
EOF
    ) || peer_figures=''
    if [ -n "$peer_figures" ]; then
        while IFS= read -r line; do peers+=("$line"); done <<<"$peer_figures"
        rows=$(sed -n 's/^pga_rows=//p' <<<"$peer_figures")
        peers+=("pga_title=pg_activity $version, its data layer (not its UI)")
        peers+=("pga_about=pg_activity's figures are its queries and row objects, timed in Python through pgactivity.data.Data, not its curses UI; it read $rows.")
    else
        peers+=("pga_ms=-" "pga_ms_note=pg_activity's data layer failed (see above)")
    fi
else
    peers+=("pga_ms=-" "pga_ms_note=pg_activity is not installed (apt-get install pg-activity)")
fi

"$bench" run "$env_file" "$rounds" "${peers[@]}"
