# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the tests/scripts/*-fixture.sh scripts: what every fixture does the same way. The
# script sets fixture_name (its name without "-fixture.sh") before sourcing this, defines a
# cmd_NAME function per command, and ends with `fixture_main COMMAND... -- "$@"`.

die() {
    echo "$fixture_name-fixture: $*" >&2
    exit 1
}

usage() { # prints the calling script's header comment from its third line on
    awk 'NR < 3 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' \
        "${BASH_SOURCE[${#BASH_SOURCE[@]} - 1]}" >&2
    exit 2
}

lock_fixture_dir() { # dir -> holds DIR/.fixture.lock (fd 9) until the script ends
    exec 9>"$1/.fixture.lock"
    flock 9
}

alive() { # pid -> 0 while it runs (a zombie waiting for a slow init to reap it does not)
    local state
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

wait_gone() { # pid seconds -> 0 once the process ended, 1 if it still runs after SECONDS
    local deadline=$((SECONDS + $2))
    while alive "$1"; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.05
    done
}

wait_answers() { # pid seconds command... -> 0 once COMMAND succeeds; 1 when pid ended or at SECONDS
    local pid=$1 deadline=$((SECONDS + $2))
    shift 2
    until "$@" >/dev/null 2>&1; do
        alive "$pid" && [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

fixture_main() { # COMMAND... -- ARGS... -> runs cmd_<ARGS[0]> with the rest when it is a COMMAND
    local commands=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        commands+=("$1")
        shift
    done
    [ $# -gt 0 ] && shift
    local command=${1:-} known
    [ $# -gt 0 ] && shift
    for known in "${commands[@]}"; do
        if [ "$command" = "$known" ]; then
            "cmd_${command//-/_}" "$@"
            return
        fi
    done
    usage
}
