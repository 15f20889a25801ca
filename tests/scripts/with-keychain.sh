#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command against a real, unlocked GNOME Keyring on a private D-Bus session bus, in a fresh
# temporary HOME, and exits with the command's status. Afterwards (also on failure or SIGINT /
# SIGTERM) the keyring daemon is stopped and the temporary HOME deleted.
#   with-keychain.sh COMMAND [ARGS...]
#
# The command sees HOME, XDG_RUNTIME_DIR (mode 0700), XDG_CONFIG_HOME, XDG_DATA_HOME and
# XDG_CACHE_HOME all inside the temporary HOME, DBUS_SESSION_BUS_ADDRESS of the private bus, no
# DISPLAY and no desktop variables (so QtKeychain picks libsecret, never KWallet), and
# OPSDECK_KEYCHAIN_SANDBOX=the temporary HOME. Your own keyring and HOME are never touched.
# Needs gnome-keyring and dbus (installer/packages.txt). Standard input is not passed on.
set -euo pipefail

keyring_password=opsdeck-test-keyring

if [ "${1:-}" = --inside-session ]; then
    # Second half, run by dbus-run-session below: start the keyring, run the command.
    state=$2
    shift 2
    printf '%s' "$keyring_password" |
        gnome-keyring-daemon --foreground --unlock --components=secrets \
            >"$state/gnome-keyring.log" 2>&1 &
    daemon=$!
    echo "$daemon" >"$state/gnome-keyring.pid"
    trap 'kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true' EXIT

    owned() {
        dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q true
    }
    # The daemon owns org.freedesktop.secrets once it is ready: a few tens of milliseconds.
    for ((i = 0; i < 200; ++i)); do
        owned && break
        if ! kill -0 "$daemon" 2>/dev/null; then
            echo "with-keychain: gnome-keyring-daemon exited early:" >&2
            cat "$state/gnome-keyring.log" >&2
            exit 1
        fi
        sleep 0.05
    done
    if ! owned; then
        echo "with-keychain: gnome-keyring-daemon did not register on the session bus" >&2
        cat "$state/gnome-keyring.log" >&2
        exit 1
    fi
    echo "with-keychain: HOME=$HOME, gnome-keyring-daemon $daemon unlocked" >&2
    set +e
    "$@"
    exit $?
fi

if [ $# -eq 0 ]; then
    sed -n '3,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
        echo "with-keychain: $tool is missing; install the packages gnome-keyring and dbus" \
             "(installer/setup.sh deps)" >&2
        exit 1
    fi
done

state=$(mktemp -d "${TMPDIR:-/tmp}/opsdeck-keychain.XXXXXX")
session=""
cleanup() {
    local pid
    # The whole process group: dbus-run-session, its bus, the keyring, the command.
    if [ -n "$session" ] && kill -0 "$session" 2>/dev/null; then
        kill -TERM -- "-$session" 2>/dev/null || true
    fi
    # Normally gone already (the session's shell stops it, and it quits with its bus).
    if [ -s "$state/gnome-keyring.pid" ]; then
        pid=$(<"$state/gnome-keyring.pid")
        if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = gnome-keyring-d ]; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

home="$state/home"
mkdir -p "$home/.config" "$home/.local/share" "$home/.cache"
mkdir -m 0700 "$home/run"
chmod 0700 "$home"

unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS XDG_CURRENT_DESKTOP XDG_SESSION_DESKTOP \
    DESKTOP_SESSION GNOME_DESKTOP_SESSION_ID KDE_FULL_SESSION KDE_SESSION_VERSION \
    GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
export HOME="$home" \
    XDG_RUNTIME_DIR="$home/run" \
    XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" \
    OPSDECK_KEYCHAIN_SANDBOX="$home"

# In the background, so that a signal reaches the traps above without waiting for the command,
# and in a process group of its own (job control), so that cleanup can stop all of it.
set -m
dbus-run-session -- bash "$0" --inside-session "$state" "$@" </dev/null &
session=$!
status=0
wait "$session" || status=$?
session=""
exit "$status"
