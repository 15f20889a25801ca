#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The containers every container test looks at, created in a fixture's daemon (run as root,
# after tests/scripts/docker-fixture.sh or podman-fixture.sh started DIR):
#
#   container-scenarios.sh docker|podman DIR
#
#   web      running (sleep)                      job      exited with code 3
#   flapper  --restart always, exits 1: restarts  sick     running, its health check fails
#   hog      --memory 8m, allocates past it: killed by the kernel (docker: State.OOMKilled)
#   shop     a compose project with the services api and worker, brought up by docker-compose
#            1.29 or podman-compose 1.0.3
#
# It waits until each has come where it is going (flapper restarted, sick unhealthy, hog and
# job exited) and prints the containers' names, one a line. Nothing gets a network interface
# but loopback: the fixtures have no bridge. docker's shop runs with `network_mode: none`;
# podman-compose 1.0.3 adds its project network even then (and podman refuses the pair), so
# podman's shop is on the fixture's loopback-only network NETWORK, named as an external one.
set -euo pipefail

die() {
    echo "container-scenarios: $*" >&2
    exit 1
}

[ $# -eq 2 ] || {
    sed -n '3,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
runtime=$1
dir=$(cd "$2" && pwd)
[ -f "$dir/fixture.env" ] || die "$dir has no fixture.env: start the $runtime fixture first"
set -a
# shellcheck disable=SC1091 # written by the fixture
. "$dir/fixture.env"
set +a
case $runtime in
docker | podman) ;;
*) die "unknown runtime '$runtime' (docker or podman)" ;;
esac
tool=$runtime
# conmon 2.1.6 sees hog's OOM kill but writes its "oom" marker into its working directory (the
# caller's), where podman 4.3 does not look: it is kept inside DIR, which stop empties.
cd "$dir"

run() { # name args... -> starts a detached container
    local name=$1
    shift
    "$tool" rm --force "$name" >/dev/null 2>&1 || true
    local said
    # podman says, on stderr, that it has no systemd for the health check timer: kept quiet
    # unless the run fails.
    said=$("$tool" run --detach --name "$name" --network none "$@" 2>&1 >/dev/null) ||
        die "$tool cannot start '$name': $said"
}

run web --init "$IMAGE" sleep 3600
run job "$IMAGE" sh -c 'exit 3'
run flapper --restart always "$IMAGE" sh -c 'sleep 0.5; exit 1'
run sick --init --health-cmd false --health-interval 1s --health-retries 1 "$IMAGE" sleep 3600
# tail keeps every line it reads, and /dev/zero has no line end: it grows until the kernel kills it.
run hog --memory 8m "$IMAGE" tail /dev/zero

shop=$dir/shop
mkdir -p "$shop"
service() { # name -> its lines in the compose file
    printf '  %s:\n    image: %s\n    command: sleep 3600\n    init: true\n' "$1" "$IMAGE"
    if [ "$runtime" = docker ]; then
        printf '    network_mode: none\n'
    fi
}
{
    printf '# Written by tests/scripts/container-scenarios.sh.\nversion: "2.4"\nservices:\n'
    service api
    service worker
    if [ "$runtime" = podman ]; then
        printf 'networks:\n  default:\n    external: true\n    name: %s\n' "$NETWORK"
    fi
} >"$shop/docker-compose.yml"
if [ "$runtime" = docker ]; then
    (cd "$shop" && docker-compose --project-name shop up --detach >/dev/null 2>&1) ||
        die "docker-compose cannot bring up the project shop"
else
    command -v podman-compose >/dev/null ||
        die "podman-compose is not installed (installer/packages.txt, role test)"
    for name in shop_api_1 shop_worker_1; do
        podman rm --force "$name" >/dev/null 2>&1 || true
    done
    # From the project's directory, so its labels name the file relative to it as docker's do.
    # podman-compose 1.0.3 exits 0 whatever podman said: the containers are checked below.
    said=$(cd "$shop" && podman-compose --project-name shop up --detach 2>&1) || true
    for name in shop_api_1 shop_worker_1; do
        [ "$(podman inspect --format '{{.State.Status}}' "$name" 2>/dev/null)" = running ] ||
            die "podman-compose did not bring up $name: $said"
    done
fi

field() { # name template -> the value, or empty while the container is not there
    "$tool" inspect --format "$2" "$1" 2>/dev/null || true
}

# Wait (up to 30 s) for every scenario to have come where it is going.
for _ in $(seq 1 150); do
    if [ "$runtime" = podman ] && [ "$(field sick '{{.State.Health.Status}}')" != unhealthy ]; then
        # podman runs health checks from systemd timers; without systemd they run only when asked.
        podman healthcheck run sick >/dev/null 2>&1 || true
    fi
    if [ "$(field job '{{.State.Status}}')" = exited ] &&
        [ "$(field hog '{{.State.Status}}')" = exited ] &&
        [ "$(field flapper '{{.RestartCount}}')" -gt 0 ] 2>/dev/null &&
        [ "$(field sick '{{.State.Health.Status}}')" = unhealthy ]; then
        "$tool" ps --all --format '{{.Names}}'
        exit 0
    fi
    sleep 0.2
done
die "the scenarios did not settle in 30 s: $("$tool" ps --all --format '{{.Names}} {{.Status}}' | tr '\n' ';')"
