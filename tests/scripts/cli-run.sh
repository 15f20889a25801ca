#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck run` against a real sshd: an unknown host key is refused headless unless
# --accept-unknown-host-key is given, and both attempts are in the audit log.
#   cli-run.sh OPSDECK SOURCE_DIR
set -euo pipefail
opsdeck=$1
source_dir=$2
work=$(mktemp -d /tmp/opsdeck-cli.XXXXXX)
chmod 755 "$work"
trap 'bash "$source_dir/tests/scripts/sshd-fixture.sh" stop "$work" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$(bash "$source_dir/tests/scripts/sshd-fixture.sh" start "$work" | grep -E '^(PORT|USER|KEY)=')"
cat >"$work/workspace.yaml" <<YAML
environments:
  - name: lab
    hosts:
      - name: lab-host
        address: 127.0.0.1
        port: $PORT
        user: $USER
        auth: key
        key: $KEY
YAML
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM

fail() { echo "FAIL: $*" >&2; exit 1; }

status=0
output=$("$opsdeck" --workspace "$work/workspace.yaml" run lab-host -- echo hello 2>&1) || status=$?
[ "$status" -eq 255 ] || fail "unknown host key: exit $status, expected 255: $output"
grep -q "cannot be established" <<<"$output" || fail "no host-key message: $output"

output=$("$opsdeck" --workspace "$work/workspace.yaml" run lab-host --accept-unknown-host-key -- echo hello)
[ "$output" = "hello" ] || fail "accepted run printed: $output"

status=0
"$opsdeck" --workspace "$work/workspace.yaml" run lab-host --accept-unknown-host-key -- sh -c 'exit 7' || status=$?
[ "$status" -eq 7 ] || fail "exit status not passed through: $status"

rows=$(sqlite3 "$XDG_DATA_HOME/OpsDeck/opsdeck/state.sqlite" \
    "select status || ':' || ifnull(exit_code, '-') from audit_log order by id")
[ "$rows" = $'failed:-\nfinished:0\nfinished:7' ] || fail "audit log holds: $rows"

# The safety gate headless: a canary next to the sshd user, and commands that want it gone.
mkdir -m 777 "$work/canaries"
canary="$work/canaries/canary"
echo alive >"$canary"
chmod 666 "$canary"
run() { status=0; output=$("$opsdeck" --workspace "$work/workspace.yaml" run lab-host --accept-unknown-host-key "$@" 2>&1) || status=$?; }
run -- rm -f "$canary"
[ "$status" -eq 255 ] && [ -f "$canary" ] || fail "rm without --confirm: exit $status: $output"
grep -q -- "--confirm lab-host" <<<"$output" || fail "no --confirm hint: $output"
run --yes -- rm -f "$canary"
[ "$status" -eq 255 ] && [ -f "$canary" ] || fail "rm with only --yes: exit $status: $output"
run --confirm other-host -- rm -f "$canary"
[ "$status" -eq 255 ] && [ -f "$canary" ] || fail "rm confirmed for another host: exit $status"
run --read-only --yes --confirm lab-host -- "X=rm; \$X -f $canary"
[ "$status" -eq 255 ] && [ -f "$canary" ] || fail "read-only computed rm: exit $status: $output"
grep -q "Read-only mode is on" <<<"$output" || fail "no read-only refusal: $output"
run -- python3 -c "import os; os.remove('$canary')"
[ "$status" -eq 255 ] && [ -f "$canary" ] || fail "python3 without --yes: exit $status: $output"
grep -q "not known to be read-only" <<<"$output" || fail "no unknown reason: $output"
run --confirm lab-host -- rm -f "$canary"
[ "$status" -eq 0 ] && [ ! -e "$canary" ] || fail "rm with --confirm lab-host: exit $status: $output"
echo "ok: refused without the flag, ran with it, exit status passed through, all audited;" \
    "destroy needs --confirm HOST, unknown needs --yes, read-only refuses both"
