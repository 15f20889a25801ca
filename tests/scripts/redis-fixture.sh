#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway Redis (Debian's redis-server, 7.0) on 127.0.0.1 for the tests.
#
#   redis-fixture.sh start DIR   start (or reuse) the server of DIR
#   redis-fixture.sh stop DIR    stop it
#
# start prints KEY=VALUE lines (also kept in DIR/fixture.env):
# HOST PORT TLS_PORT SOCKET PASSWORD MAXMEMORY CERTS LOG PIDFILE.
# The server wants PASSWORD (requirepass) on PORT, on TLS_PORT (TLS with CERTS/valid.pem, issued
# by CERTS/ca.pem, made by tls-certs.sh) and on the Unix socket SOCKET. maxmemory is MAXMEMORY
# bytes with noeviction, DEBUG is allowed from loopback (DEBUG POPULATE fills it). Nothing is
# saved to disk. The password is in DIR/redis.conf (mode 600), never on a command line.
set -euo pipefail
readonly fixture_name=redis
# shellcheck source=tests/scripts/fixture-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/fixture-common.sh"

readonly password='OpsDeck-redis-pw-1'
readonly maxmemory=$((8 * 1024 * 1024))
readonly first_port=56000
readonly last_port=56998

state_get() { # dir key -> value from DIR/fixture.env, empty if absent
    local file=$1/fixture.env
    [ -f "$file" ] || return 0
    sed -n "s/^$2=//p" "$file" | head -n 1
}

running_pid() { # dir -> pid of the server of DIR, or nothing
    local pid
    pid=$(head -n 1 "$1/redis.pid" 2>/dev/null) || return 0
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$1" ] || return 0
    echo "$pid"
}

ping() { # dir port -> 0 once the server answers PONG
    REDISCLI_AUTH=$password redis-cli --no-auth-warning -h 127.0.0.1 -p "$2" ping 2>/dev/null |
        grep -q PONG
}

cmd_start() {
    [ $# -eq 1 ] || usage
    command -v redis-server >/dev/null || die "redis-server is not installed (package redis-server)"
    local dir=$1
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    lock_fixture_dir "$dir"

    if [ -n "$(running_pid "$dir")" ] && [ -f "$dir/fixture.env" ]; then
        cat "$dir/fixture.env"
        return 0
    fi
    if [ ! -f "$dir/certs/valid.pem" ]; then
        bash "$(dirname "${BASH_SOURCE[0]}")/tls-certs.sh" "$dir/certs" >/dev/null
    fi

    local log=$dir/redis.log socket=$dir/redis.sock span port started='' offset attempt
    span=$(((last_port - first_port) / 2))
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$((first_port + 2 * (RANDOM % span)))
        (
            umask 077
            cat >"$dir/redis.conf" <<EOF
bind 127.0.0.1
port $port
tls-port $((port + 1))
tls-cert-file $dir/certs/valid.pem
tls-key-file $dir/certs/valid.key
tls-ca-cert-file $dir/certs/ca.pem
tls-auth-clients no
unixsocket $socket
unixsocketperm 700
requirepass $password
maxmemory $maxmemory
maxmemory-policy noeviction
enable-debug-command local
save ""
appendonly no
dir $dir
pidfile $dir/redis.pid
logfile $log
daemonize yes
EOF
        )
        offset=$(($(stat -c %s "$log" 2>/dev/null || echo 0) + 1))
        # cwd is DIR: running_pid recognises the server by it.
        (cd "$dir" && redis-server "$dir/redis.conf" 9>&-) || true
        local deadline=$((SECONDS + 10))
        while [ "$SECONDS" -lt "$deadline" ]; do
            if ping "$dir" "$port"; then
                started=$port
                break 2
            fi
            if tail -c +"$offset" "$log" 2>/dev/null | grep -q 'Address already in use'; then
                continue 2
            fi
            sleep 0.05
        done
        tail -c +"$offset" "$log" >&2 2>/dev/null || true
        die "redis-server did not start (log $log)"
    done
    [ -n "$started" ] || die "no free port pair among $first_port..$last_port"

    cat >"$dir/fixture.env.tmp" <<EOF
HOST=127.0.0.1
PORT=$started
TLS_PORT=$((started + 1))
SOCKET=$socket
PASSWORD=$password
MAXMEMORY=$maxmemory
CERTS=$dir/certs
LOG=$log
PIDFILE=$dir/redis.pid
EOF
    mv "$dir/fixture.env.tmp" "$dir/fixture.env"
    cat "$dir/fixture.env"
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no fixture directory $1"
    local dir pid
    dir=$(cd "$1" && pwd)
    lock_fixture_dir "$dir"
    pid=$(running_pid "$dir")
    [ -n "$pid" ] || return 0
    kill "$pid"
    wait_gone "$pid" 5 || die "redis-server $pid did not exit"
}

fixture_main start stop -- "$@"
