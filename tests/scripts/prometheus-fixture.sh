#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway Prometheus, node exporter and Alertmanager on 127.0.0.1 for the tests.
#
#   prometheus-fixture.sh start DIR   start (or reuse) the three servers of DIR
#   prometheus-fixture.sh stop DIR    stop them
#
# start prints KEY=VALUE lines (also kept in DIR/fixture.env): HOST PROMETHEUS_PORT
# PROMETHEUS_URL NODE_EXPORTER_PORT NODE_EXPORTER_URL ALERTMANAGER_PORT ALERTMANAGER_URL.
# Prometheus scrapes the node exporter (job "node") and itself (job "prometheus") every second
# and sends its alerts to the Alertmanager. start returns once every server answers and the
# first scrape of both targets is in. Every command is idempotent.
set -euo pipefail
readonly fixture_name=prometheus
# shellcheck source=tests/scripts/fixture-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/fixture-common.sh"

readonly first_port=56000
readonly last_port=56999

need() { # program package
    command -v "$1" >/dev/null || die "$1 is not installed (package $2)"
}

state_get() { # dir key -> value from DIR/fixture.env, empty if absent
    local file=$1/fixture.env
    [ -f "$file" ] || return 0
    sed -n "s/^$2=//p" "$file" | head -n 1
}

running_pid() { # dir name -> pid from DIR/NAME.pid while that process runs, or nothing
    local pid
    pid=$(cat "$1/$2.pid" 2>/dev/null) || return 0
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    alive "$pid" || return 0
    echo "$pid"
}

port_free() { # port -> 0 when nothing listens on 127.0.0.1:PORT
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

random_free_port() {
    local p tries=0
    while [ $tries -lt 200 ]; do
        p=$((first_port + RANDOM % (last_port - first_port + 1)))
        if port_free "$p"; then
            echo "$p"
            return 0
        fi
        tries=$((tries + 1))
    done
    die "no free port among $first_port..$last_port"
}

wait_ready() { # name pid url log -> 0 once url answers 200, dies when the process ends
    local name=$1 pid=$2 url=$3 log=$4 deadline=$((SECONDS + 30))
    while ! curl -fsS -o /dev/null "$url" 2>/dev/null; do
        if ! alive "$pid"; then
            return 1
        fi
        [ "$SECONDS" -lt "$deadline" ] || die "$name did not answer $url within 30 s (log $log)"
        sleep 0.1
    done
}

start_server() { # dir name readyPath port command... (@PORT@ replaced) -> 0 once it answers
    local dir=$1 name=$2 ready=$3 port=$4
    shift 4
    local args=() a pid
    for a in "$@"; do args+=("${a//@PORT@/$port}"); done
    setsid "${args[@]}" >"$dir/$name.log" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$dir/$name.pid"
    wait_ready "$name" "$pid" "http://127.0.0.1:$port$ready" "$dir/$name.log" && return 0
    # Lost a race for the port: the caller tries another one.
    grep -q 'address already in use' "$dir/$name.log" && return 1
    cat "$dir/$name.log" >&2
    die "$name failed to start (log $dir/$name.log)"
}

start_on_free_port() { # dir name readyPath command... -> prints the port
    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(random_free_port)
        if start_server "$1" "$2" "$3" "$port" "${@:4}"; then
            echo "$port"
            return 0
        fi
    done
    die "$2 found no free port"
}

cmd_start() {
    [ $# -eq 1 ] || usage
    need prometheus prometheus
    need prometheus-node-exporter prometheus-node-exporter
    need prometheus-alertmanager prometheus-alertmanager
    need curl curl
    mkdir -p "$1"
    local dir
    dir=$(cd "$1" && pwd)
    lock_fixture_dir "$dir"

    if [ -f "$dir/fixture.env" ] && [ -n "$(running_pid "$dir" prometheus)" ] &&
        [ -n "$(running_pid "$dir" node-exporter)" ] &&
        [ -n "$(running_pid "$dir" alertmanager)" ]; then
        cat "$dir/fixture.env"
        return 0
    fi
    cmd_stop_locked "$dir"

    local node_port alert_port prom_port
    node_port=$(start_on_free_port "$dir" node-exporter /metrics prometheus-node-exporter \
        --web.listen-address=127.0.0.1:@PORT@ --collector.disable-defaults \
        --collector.cpu --collector.meminfo --collector.loadavg --collector.filesystem \
        --collector.netdev --collector.time)

    mkdir -p "$dir/alertmanager-data"
    cat >"$dir/alertmanager.yml" <<CONF
route:
  receiver: none
  group_wait: 1s
receivers:
  - name: none
CONF
    alert_port=$(start_on_free_port "$dir" alertmanager /-/ready prometheus-alertmanager \
        --config.file="$dir/alertmanager.yml" --storage.path="$dir/alertmanager-data" \
        --web.listen-address=127.0.0.1:@PORT@ --cluster.listen-address=)

    # Prometheus' own port is only known once chosen: the config names it as "self".
    mkdir -p "$dir/prometheus-data"
    local attempt
    for attempt in 1 2 3 4 5; do
        prom_port=$(random_free_port)
        cat >"$dir/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['127.0.0.1:$alert_port']
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:$prom_port']
  - job_name: node
    static_configs:
      - targets: ['127.0.0.1:$node_port']
CONF
        if start_server "$dir" prometheus /-/ready "$prom_port" prometheus \
            --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prometheus-data" \
            --web.listen-address=127.0.0.1:@PORT@; then
            break
        fi
        prom_port=''
    done
    [ -n "$prom_port" ] || die "prometheus failed to start (log $dir/prometheus.log)"

    # The first scrape of both targets, so a test's first query finds them.
    local deadline=$((SECONDS + 30))
    until [ "$(curl -fsS "http://127.0.0.1:$prom_port/api/v1/query?query=count(up==1)" |
        sed -n 's/.*"value":\[[^,]*,"\([0-9]*\)"\].*/\1/p')" = 2 ]; do
        [ "$SECONDS" -lt "$deadline" ] || die "prometheus scraped nothing within 30 s"
        sleep 0.2
    done

    cat >"$dir/fixture.env.tmp" <<ENV
HOST=127.0.0.1
PROMETHEUS_PORT=$prom_port
PROMETHEUS_URL=http://127.0.0.1:$prom_port
NODE_EXPORTER_PORT=$node_port
NODE_EXPORTER_URL=http://127.0.0.1:$node_port
ALERTMANAGER_PORT=$alert_port
ALERTMANAGER_URL=http://127.0.0.1:$alert_port
ENV
    mv "$dir/fixture.env.tmp" "$dir/fixture.env"
    cat "$dir/fixture.env"
}

cmd_stop_locked() { # dir (lock held)
    local name pid
    for name in prometheus alertmanager node-exporter; do
        pid=$(running_pid "$1" "$name")
        [ -n "$pid" ] || continue
        kill -TERM "$pid" 2>/dev/null || true
        if ! wait_gone "$pid" 10; then
            kill -KILL "$pid" 2>/dev/null || true
            wait_gone "$pid" 10 || true
        fi
        rm -f "$1/$name.pid"
    done
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no fixture directory $1"
    local dir
    dir=$(cd "$1" && pwd)
    lock_fixture_dir "$dir"
    cmd_stop_locked "$dir"
}

fixture_main start stop -- "$@"
