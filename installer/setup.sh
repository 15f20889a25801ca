#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# OpsDeck set-up on Debian 12: the two commands of the README, and CI's entry point.
#
#   installer/setup.sh run    install what is missing, build (release) and launch OpsDeck
#   installer/setup.sh test   install what is missing, build (dev) and run the whole suite
#   installer/setup.sh deps   only install what is missing (all roles)
#
# Idempotent: apt runs only when a package from installer/packages.txt is missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
packages_file="$here/packages.txt"

usage() {
    sed -n '3,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
}

packages_for() { # roles... -> package names, one per line
    local roles=" $* "
    awk -v roles="$roles" '!/^#/ && NF >= 2 && index(roles, " " $1 " ") { print $2 }' "$packages_file"
}

install_missing() { # roles...
    local missing=()
    local pkg
    for pkg in $(packages_for "$@"); do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "setup: all packages for $* are present; skipping apt"
        return
    fi
    echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() { # preset [target...]
    local preset=$1
    shift
    cmake --preset "$preset" -S "$top" >/dev/null
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}

case "${1:-}" in
run)
    shift
    install_missing build runtime
    # Only the program itself: a new user should not wait for the test suite to compile.
    build release opsdeck
    exec "$top/build/release/app/opsdeck" "$@"
    ;;
test)
    install_missing build runtime test
    build dev
    ctest --preset dev -j "$(nproc)"
    ;;
deps)
    install_missing build runtime test
    ;;
packages)
    shift
    packages_for "${@:-build runtime test}"
    ;;
*)
    usage
    ;;
esac
