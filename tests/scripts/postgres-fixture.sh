#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL 15 on 127.0.0.1 for the tests (run as root; the server runs as postgres).
#
#   postgres-fixture.sh start DIR [--port N] [--max-connections N]
#                                              start (or reuse) the cluster of DIR
#   postgres-fixture.sh standby PRIMARY_DIR DIR
#                                              start (or reuse) a streaming standby of the
#                                              running cluster of PRIMARY_DIR in DIR
#   postgres-fixture.sh stop DIR               stop it (a primary or a standby)
#
# --max-connections sets max_connections for this start (PostgreSQL's 100 otherwise; the
# benchmark holds 500 sessions). start refuses a cluster of DIR already running with another
# value: stop it first.
#
# start prints KEY=VALUE lines (also kept in DIR/fixture.env):
# HOST PORT USER PASSWORD DATABASE SOCKET_DIR DATA LOG PIDFILE SUPERUSER.
# USER owns DATABASE, logs in over TCP with PASSWORD (scram-sha-256) and is a member of
# pg_monitor; pg_stat_statements is preloaded and created in DATABASE. SUPERUSER connects
# without a password over the socket in SOCKET_DIR only. Every command is idempotent.
# standby prints the same lines for the standby (same USER, PASSWORD, DATABASE: a copy made by
# pg_basebackup -R as the superuser over the primary's socket, streaming under the
# application_name STANDBY_NAME), plus STANDBY_NAME and PRIMARY_PORT; `start DIR` restarts it
# as a standby again. Stop the standby before its primary.
# DIR is handed to the postgres user: use a directory under /tmp.
set -euo pipefail
readonly fixture_name=postgres
# shellcheck source=tests/scripts/fixture-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/fixture-common.sh"

readonly role=opsdeck
readonly password='OpsDeck-pg-pw-1'
readonly database=opsdeck
readonly first_port=55400
readonly last_port=55999

pg_bin() {
    local bin
    for bin in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$bin/pg_ctl" ]; then
            echo "$bin"
            return 0
        fi
    done
    die "PostgreSQL is not installed (package postgresql)"
}

state_get() { # dir key -> value from DIR/fixture.env, empty if absent
    local file=$1/fixture.env
    [ -f "$file" ] || return 0
    sed -n "s/^$2=//p" "$file" | head -n 1
}

as_postgres() { # dir command... -> runs it as postgres from DIR (never from root's home)
    local dir=$1
    shift
    (cd "$dir" && runuser -u postgres -- "$@" 9>&-)
}

running_pid() { # dir -> pid of the postmaster of DIR/data, or nothing
    local pid
    pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null) || return 0
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$1/data" ] || return 0
    echo "$pid"
}

launch() { # dir bin port max_connections -> starts DIR/data on PORT (or a free one), prints it
    local dir=$1 bin=$2 port=$3 max_connections=$4
    local data=$dir/data sock=$dir/sock log=$dir/postgres.log
    local candidates=()
    if [ -n "$port" ]; then
        candidates=("$port")
    else
        port=$(state_get "$dir" PORT)
        if [ -n "$port" ]; then
            candidates=("$port")
        else
            local span=$((last_port - first_port + 1)) start p
            start=$((first_port + RANDOM % span))
            for ((p = start; p <= last_port; p++)); do candidates+=("$p"); done
            for ((p = first_port; p < start; p++)); do candidates+=("$p"); done
        fi
    fi
    # pg_ctl -w returns once the server accepts connections, or fails when it could not bind.
    local offset err extra=''
    [ -z "$max_connections" ] || extra=" -c max_connections=$max_connections"
    for port in "${candidates[@]}"; do
        offset=$(($(stat -c %s "$log" 2>/dev/null || echo 0) + 1))
        if err=$(as_postgres "$dir" "$bin/pg_ctl" -D "$data" -l "$log" -s -w -t 30 -o "-p $port \
-c listen_addresses=127.0.0.1 -c unix_socket_directories=$sock \
-c shared_preload_libraries=pg_stat_statements -c fsync=off -c full_page_writes=off \
-c synchronous_commit=off$extra" start 2>&1); then
            echo "$port"
            return 0
        fi
        if ! tail -c +"$offset" "$log" 2>/dev/null | grep -q 'Address already in use'; then
            echo "$err" >&2
            tail -c +"$offset" "$log" >&2 2>/dev/null || true
            die "PostgreSQL failed to start (log $log)"
        fi
    done
    [ ${#candidates[@]} -gt 1 ] || die "port ${candidates[0]} is in use"
    die "no free port among ${candidates[0]}..${candidates[-1]}"
}

write_env() { # dir port -> writes and prints DIR/fixture.env (a standby's lines kept in standby.env)
    local dir=$1
    cat >"$dir/fixture.env.tmp" <<EOF
HOST=127.0.0.1
PORT=$2
USER=$role
PASSWORD=$password
DATABASE=$database
SOCKET_DIR=$dir/sock
DATA=$dir/data
LOG=$dir/postgres.log
PIDFILE=$dir/data/postmaster.pid
SUPERUSER=postgres
EOF
    [ ! -f "$dir/standby.env" ] || cat "$dir/standby.env" >>"$dir/fixture.env.tmp"
    mv "$dir/fixture.env.tmp" "$dir/fixture.env"
    cat "$dir/fixture.env"
}

own_dir() { # dir -> makes DIR (absolute on stdout) the postgres user's
    mkdir -p "$1"
    local dir
    dir=$(cd "$1" && pwd)
    chown postgres: "$dir"
    chmod 755 "$dir"
    runuser -u postgres -- test -w "$dir" ||
        die "$dir is not writable by postgres: its parents must be traversable (use /tmp)"
    echo "$dir"
}

cmd_start() {
    [ $# -ge 1 ] || usage
    local dir=$1 port='' max_connections=''
    shift
    while [ $# -gt 0 ]; do
        case $1 in
        --port) port=${2:?--port needs a value}; shift 2 ;;
        --max-connections) max_connections=${2:?--max-connections needs a value}; shift 2 ;;
        *) usage ;;
        esac
    done
    [[ -z $max_connections || $max_connections =~ ^[0-9]+$ ]] ||
        die "--max-connections needs a number, not '$max_connections'"
    [ "$(id -u)" -eq 0 ] || die "must run as root (the server runs as postgres)"
    local bin
    bin=$(pg_bin)
    dir=$(own_dir "$dir")
    lock_fixture_dir "$dir"

    if [ -n "$(running_pid "$dir")" ] && [ -f "$dir/fixture.env" ]; then
        if [ -n "$port" ] && [ "$port" != "$(state_get "$dir" PORT)" ]; then
            die "$dir already runs on another port: stop it first"
        fi
        if [ -n "$max_connections" ]; then
            local running
            running=$(as_postgres "$dir" "$bin/psql" -X -At -h "$(state_get "$dir" SOCKET_DIR)" \
                -p "$(state_get "$dir" PORT)" -U postgres -d postgres -c 'SHOW max_connections')
            [ "$running" = "$max_connections" ] ||
                die "$dir already runs with max_connections $running: stop it first"
        fi
        cat "$dir/fixture.env"
        return 0
    fi

    local data=$dir/data sock=$dir/sock
    if [ ! -f "$data/PG_VERSION" ]; then
        rm -rf "$data"
        as_postgres "$dir" "$bin/initdb" -D "$data" -U postgres --auth-local=trust \
            --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions \
            >/dev/null
        rm -f "$dir/.created"
    fi
    as_postgres "$dir" mkdir -p "$sock"

    port=$(launch "$dir" "$bin" "$port" "$max_connections")

    if [ ! -f "$dir/.created" ]; then
        as_postgres "$dir" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" \
            -U postgres -d postgres >/dev/null <<EOF
CREATE ROLE $role LOGIN PASSWORD '$password';
GRANT pg_monitor TO $role;
CREATE DATABASE $database OWNER $role;
\\connect $database
CREATE EXTENSION pg_stat_statements;
EOF
        touch "$dir/.created"
    fi

    write_env "$dir" "$port"
}

cmd_standby() {
    [ $# -eq 2 ] || usage
    [ "$(id -u)" -eq 0 ] || die "must run as root (the server runs as postgres)"
    [ -d "$1" ] || die "no fixture directory $1"
    local primary dir bin
    primary=$(cd "$1" && pwd)
    [ -n "$(running_pid "$primary")" ] || die "the cluster of $primary is not running: start it first"
    bin=$(pg_bin)
    dir=$(own_dir "$2")
    [ "$dir" != "$primary" ] || die "the standby needs a directory of its own"
    lock_fixture_dir "$dir"
    if [ -n "$(running_pid "$dir")" ] && [ -f "$dir/fixture.env" ]; then
        cat "$dir/fixture.env"
        return 0
    fi

    # What pg_stat_replication shows as its application_name.
    local name primary_port primary_sock
    name=$(basename "$dir")
    name=standby_${name//[^A-Za-z0-9_]/_}
    primary_port=$(state_get "$primary" PORT)
    primary_sock=$(state_get "$primary" SOCKET_DIR)
    if [ ! -f "$dir/data/standby.signal" ]; then
        rm -rf "$dir/data"
        # The superuser may replicate over the socket without a password (initdb's pg_hba).
        as_postgres "$dir" "$bin/pg_basebackup" -h "$primary_sock" -p "$primary_port" \
            -U postgres -D "$dir/data" -R -X stream -c fast --no-sync >/dev/null
        # Read last, so it wins over the line -R wrote: the same, with the name.
        echo "primary_conninfo = 'host=$primary_sock port=$primary_port user=postgres \
application_name=$name'" >>"$dir/data/postgresql.auto.conf"
    fi
    as_postgres "$dir" mkdir -p "$dir/sock"
    touch "$dir/.created" # a copy: the role and database came with it
    printf 'STANDBY_NAME=%s\nPRIMARY_PORT=%s\n' "$name" "$primary_port" >"$dir/standby.env"
    local port
    port=$(launch "$dir" "$bin" "" "")
    write_env "$dir" "$port"
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no fixture directory $1"
    local dir pid
    dir=$(cd "$1" && pwd)
    lock_fixture_dir "$dir"
    pid=$(running_pid "$dir")
    [ -n "$pid" ] || return 0
    as_postgres "$dir" "$(pg_bin)/pg_ctl" -D "$dir/data" -s -w -t 30 -m fast stop
    wait_gone "$pid" 5 || die "postmaster $pid did not exit"
}

fixture_main start standby stop -- "$@"
