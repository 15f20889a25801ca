#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway dockerd for the container tests (run as root): its own data root, exec root (with
# the containerd it starts), pid file and socket under DIR, no iptables and no bridge (containers
# run with --network none), and a busybox image imported from the busybox-static package (no
# registry is reachable).
#
#   docker-fixture.sh start DIR    start dockerd on DIR/docker.sock (or reuse it) and import the image
#   docker-fixture.sh stop DIR     remove its containers, stop it, unmount and empty DIR
#
# start prints KEY=VALUE lines (also kept in DIR/fixture.env): DOCKER_HOST IMAGE. Every docker
# and docker-compose call of a test must have DOCKER_HOST in its environment, so it never
# touches the machine's own daemon. Both commands are idempotent.
set -euo pipefail
readonly fixture_name=docker
# shellcheck source=tests/scripts/fixture-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/fixture-common.sh"
# shellcheck source=tests/scripts/fixture-mounts.sh
source "$(dirname "${BASH_SOURCE[0]}")/fixture-mounts.sh"

readonly image=localhost/opsdeck-busybox:1
# The applets the container scenarios use (tests/scripts/container-scenarios.sh).
readonly applets="sh echo printf sleep seq cat date true false head tail tr"

daemon_running() { # dir
    [ -f "$1/docker.pid" ] && kill -0 "$(cat "$1/docker.pid")" 2>/dev/null
}

start_daemon() { # dir driver -> 0 when the daemon answers
    local dir=$1 driver=$2
    dockerd --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
        -H "unix://$dir/docker.sock" --iptables=false --ip6tables=false --bridge=none \
        --storage-driver="$driver" >>"$dir/dockerd.log" 2>&1 </dev/null &
    local pid=$!
    wait_answers "$pid" 20 docker -H "unix://$dir/docker.sock" version && return 0
    kill "$pid" 2>/dev/null || true
    return 1
}

cmd_start() {
    [ $# -eq 1 ] || usage
    [ "$(id -u)" -eq 0 ] || die "run as root"
    command -v dockerd >/dev/null || die "dockerd is not installed (installer/packages.txt: docker.io, role test)"
    require_mounted_root docker
    [ -x /bin/busybox ] || die "busybox-static is not installed"
    mkdir -p "$1"
    local dir
    dir=$(cd "$1" && pwd)
    mkdir -p "$dir/data" "$dir/exec"
    export DOCKER_HOST=unix://$dir/docker.sock
    if ! daemon_running "$dir"; then
        # overlay2 needs a file system that carries overlay mounts; vfs works everywhere.
        if ! start_daemon "$dir" overlay2; then
            echo "docker-fixture: overlay2 failed, trying vfs" >>"$dir/dockerd.log"
            start_daemon "$dir" vfs || die "dockerd does not start: $(tail -n 5 "$dir/dockerd.log")"
        fi
    fi
    if ! docker image inspect "$image" >/dev/null 2>&1; then
        local rootfs=$dir/rootfs
        rm -rf "$rootfs"
        mkdir -p "$rootfs/bin"
        cp /bin/busybox "$rootfs/bin/busybox"
        local applet
        for applet in $applets; do
            ln -sf busybox "$rootfs/bin/$applet"
        done
        tar -C "$rootfs" -c . | docker import - "$image" >/dev/null ||
            die "docker cannot import the busybox image"
        rm -rf "$rootfs"
    fi
    cat >"$dir/fixture.env" <<EOF
DOCKER_HOST=$DOCKER_HOST
IMAGE=$image
EOF
    cat "$dir/fixture.env"
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || return 0
    local dir
    dir=$(cd "$1" && pwd)
    if daemon_running "$dir"; then
        local pid ids
        pid=$(cat "$dir/docker.pid")
        export DOCKER_HOST=unix://$dir/docker.sock
        ids=$(docker ps -aq 2>/dev/null || true)
        if [ -n "$ids" ]; then
            # shellcheck disable=SC2086 # one ID a word
            docker rm --force $ids >/dev/null 2>&1 || true
        fi
        kill "$pid" 2>/dev/null || true
        wait_gone "$pid" 20 || kill -9 "$pid" 2>/dev/null || true
    fi
    # The containerd dockerd started (and its shims) live as long as their sockets under DIR.
    local process
    for process in $(pgrep -f -- "$dir/exec/" || true); do
        kill -9 "$process" 2>/dev/null || true
    done
    unmount_under "$dir" || die "mounts under $dir remain after dockerd stopped"
    find "$dir" -mindepth 1 -delete
}

fixture_main start stop -- "$@"
