#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Self-test of the service fixtures the remote-execution tests use: two sshd, an ssh-agent and
# PostgreSQL in a scratch directory, each checked with the real clients, then all stopped.
# Run as root (ctest label "remote").
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sshd_fixture=$here/sshd-fixture.sh
pg_fixture=$here/postgres-fixture.sh

passed=0
failed=0
skipped=0
pass() {
    echo "ok - $1"
    passed=$((passed + 1))
}
fail() {
    echo "not ok - $1" >&2
    failed=$((failed + 1))
}
skip() {
    echo "skip - $1"
    skipped=$((skipped + 1))
}
check() { # description command... -> pass when the command succeeds
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

[ "$(id -u)" -eq 0 ] || { echo "test-fixtures: run as root" >&2; exit 1; }

scratch=$(mktemp -d /tmp/opsdeck-fixtures.XXXXXX)
chmod 755 "$scratch" # the test user and postgres go inside
s1=$scratch/ssh1
s2=$scratch/ssh2
pg=$scratch/pg
pids_file=$scratch/pids

# Every process of this run: the listeners and their children, the agent, the postmaster
# and its children. Read before stopping, since stopping removes the pid files.
record_pids() {
    local file pid
    for file in "$s1/sshd.pid" "$s2/sshd.pid" "$s1/agent.pid" "$pg/data/postmaster.pid"; do
        pid=$(head -n 1 "$file" 2>/dev/null) || continue
        [[ $pid =~ ^[0-9]+$ ]] || continue
        echo "$pid"
        pgrep -P "$pid" || true
    done >>"$pids_file"
}

stop_all() {
    "$sshd_fixture" agent-stop "$s1" 2>/dev/null || true
    [ ! -d "$s1" ] || "$sshd_fixture" stop "$s1" || true
    [ ! -d "$s2" ] || "$sshd_fixture" stop "$s2" || true
    [ ! -d "$pg" ] || "$pg_fixture" stop "$pg" || true
}

# Runs on every exit: nothing of this run may outlive it, even when a check failed.
# shellcheck disable=SC2317 # invoked by the trap
cleanup() {
    local status=$?
    trap - EXIT
    record_pids
    stop_all
    if [ "$failed" -gt 0 ] || [ "$status" -ne 0 ]; then
        local log
        for log in "$s1/sshd.log" "$s2/sshd.log" "$pg/postgres.log"; do
            [ -f "$log" ] || continue
            echo "--- last lines of $log" >&2
            tail -n 20 "$log" >&2
        done
    fi
    rm -rf "$scratch"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP # through cleanup

env_get() { # env-file key
    sed -n "s/^$2=//p" "$1" | head -n 1
}

started=$SECONDS
"$sshd_fixture" start "$s1" >"$scratch/ssh1.env"
"$sshd_fixture" start "$s2" >"$scratch/ssh2.env"
"$sshd_fixture" agent "$s1" >"$scratch/agent.env"
"$pg_fixture" start "$pg" >"$scratch/pg.env"
echo "# fixtures up in $((SECONDS - started)) s"

for key in PORT USER PASSWORD KEY KEY_WITH_PASSPHRASE PASSPHRASE WRONG_KEY KNOWN_HOSTS \
    HOST_KEY_ED25519_PUB HOST_KEY_RSA_PUB PIDFILE LOG; do
    [ -n "$(env_get "$scratch/ssh1.env" "$key")" ] || fail "sshd-fixture prints $key"
done
for key in PORT USER PASSWORD DATABASE SOCKET_DIR DATA; do
    [ -n "$(env_get "$scratch/pg.env" "$key")" ] || fail "postgres-fixture prints $key"
done

user=$(env_get "$scratch/ssh1.env" USER)
port1=$(env_get "$scratch/ssh1.env" PORT)
port2=$(env_get "$scratch/ssh2.env" PORT)
key1=$(env_get "$scratch/ssh1.env" KEY)
key2=$(env_get "$scratch/ssh2.env" KEY)
check "two servers on two ports" [ "$port1" != "$port2" ]

# -F /dev/null: nothing from root's or the system's ssh configuration. ssh keeps the first
# value given for an option, so the per-check options come before these.
ssh1=(-F /dev/null -o UserKnownHostsFile="$s1/known_hosts" -o StrictHostKeyChecking=yes
    -o ConnectTimeout=5 -o LogLevel=ERROR -p "$port1")
out=$(ssh -o BatchMode=yes -o IdentitiesOnly=yes -i "$key1" "${ssh1[@]}" "$user@127.0.0.1" 'echo ok') || true
check "public key login, host key checked" [ "$out" = ok ]

if ssh -o BatchMode=yes -o IdentitiesOnly=yes -i "$(env_get "$scratch/ssh1.env" WRONG_KEY)" \
    "${ssh1[@]}" "$user@127.0.0.1" 'echo ok' >/dev/null 2>&1; then
    fail "the wrong key is refused"
else
    pass "the wrong key is refused"
fi

out=$(ssh -o BatchMode=yes -o IdentitiesOnly=yes -o HostKeyAlgorithms=rsa-sha2-512 -i "$key1" \
    "${ssh1[@]}" "$user@127.0.0.1" 'echo ok') || true
check "the RSA host key is served and known" [ "$out" = ok ]

out=$(ssh -o BatchMode=yes -o IdentitiesOnly=yes -i "$key1" "${ssh1[@]}" "$user@127.0.0.1" \
    'printf "%s %s " "$HOME" "$(id -un)"; test -w "$HOME" && test -w "$PWD" && echo writable') || true
check "the test user has a writable home" [ "$out" = "/home/$user $user writable" ]

if command -v sshpass >/dev/null; then
    out=$(sshpass -p "$(env_get "$scratch/ssh1.env" PASSWORD)" ssh -o BatchMode=no \
        -o PubkeyAuthentication=no -o PreferredAuthentications=password "${ssh1[@]}" \
        "$user@127.0.0.1" 'echo ok') || true
    check "password login" [ "$out" = ok ]
    out=$(sshpass -P passphrase -p "$(env_get "$scratch/ssh1.env" PASSPHRASE)" ssh -o BatchMode=no \
        -o IdentitiesOnly=yes -o PreferredAuthentications=publickey \
        -i "$(env_get "$scratch/ssh1.env" KEY_WITH_PASSPHRASE)" "${ssh1[@]}" \
        "$user@127.0.0.1" 'echo ok') || true
    check "login with the key that has a passphrase" [ "$out" = ok ]
else
    skip "password login: sshpass is not installed"
    skip "login with the key that has a passphrase: sshpass is not installed"
fi

out=$(env SSH_AUTH_SOCK="$(env_get "$scratch/agent.env" SSH_AUTH_SOCK)" ssh -o BatchMode=yes \
    -o IdentitiesOnly=no "${ssh1[@]}" "$user@127.0.0.1" 'echo ok') || true
check "login through the agent" [ "$out" = ok ]
check "agent is idempotent" cmp -s "$scratch/agent.env" <("$sshd_fixture" agent "$s1")

# ProxyJump: options given on the command line do not reach the jump host, so a config file.
cat "$s1/known_hosts" "$s2/known_hosts" >"$scratch/known_hosts"
cat >"$scratch/ssh_config" <<EOF
Host jump
    HostName 127.0.0.1
    Port $port1
    IdentityFile $key1
Host target
    HostName 127.0.0.1
    Port $port2
    IdentityFile $key2
Host *
    User $user
    IdentitiesOnly yes
    BatchMode yes
    UserKnownHostsFile $scratch/known_hosts
    StrictHostKeyChecking yes
    ConnectTimeout 5
    LogLevel ERROR
EOF
jumps_before=$(grep -c 'Accepted publickey' "$s1/sshd.log" || true)
out=$(ssh -F "$scratch/ssh_config" -J jump target 'echo ok') || true
jumps_after=$(grep -c 'Accepted publickey' "$s1/sshd.log" || true)
if [ "$out" = ok ] && [ "$jumps_after" -gt "$jumps_before" ]; then
    pass "ProxyJump through the first server to the second"
else
    fail "ProxyJump through the first server to the second"
fi

"$sshd_fixture" restart "$s1" >"$scratch/ssh1.restarted.env"
check "restart keeps port and host keys" cmp -s "$scratch/ssh1.env" "$scratch/ssh1.restarted.env"
out=$(ssh -o BatchMode=yes -o IdentitiesOnly=yes -i "$key1" "${ssh1[@]}" "$user@127.0.0.1" 'echo ok') || true
check "login after restart with the old known_hosts" [ "$out" = ok ]

"$sshd_fixture" rotate-hostkey "$s2" >"$scratch/ssh2.rotated.env"
check "rotate-hostkey keeps the port" \
    [ "$(env_get "$scratch/ssh2.rotated.env" PORT)" = "$port2" ]
ssh2=(-F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -i "$key2" -o StrictHostKeyChecking=yes
    -o ConnectTimeout=5 -p "$port2")
if out=$(ssh -o UserKnownHostsFile="$s2/known_hosts" "${ssh2[@]}" "$user@127.0.0.1" 'echo ok' 2>&1); then
    fail "a rotated host key fails verification"
else
    check "a rotated host key fails verification" grep -q 'Host key verification failed' <<<"$out"
fi
out=$(ssh -o UserKnownHostsFile="$s2/known_hosts.current" -o LogLevel=ERROR "${ssh2[@]}" \
    "$user@127.0.0.1" 'echo ok') || true
check "the new host key is in known_hosts.current" [ "$out" = ok ]

out=$(PGPASSWORD=$(env_get "$scratch/pg.env" PASSWORD) PGCONNECT_TIMEOUT=5 psql -X -At \
    -h 127.0.0.1 -p "$(env_get "$scratch/pg.env" PORT)" -U "$(env_get "$scratch/pg.env" USER)" \
    -d "$(env_get "$scratch/pg.env" DATABASE)" -c 'select 1' \
    -c 'select count(*) >= 0 from pg_stat_statements') || true
check "psql over TCP with the password; pg_stat_statements readable" [ "$out" = $'1\nt' ]
if out=$(PGPASSWORD=wrong PGCONNECT_TIMEOUT=5 psql -X -At -h 127.0.0.1 \
    -p "$(env_get "$scratch/pg.env" PORT)" -U "$(env_get "$scratch/pg.env" USER)" \
    -d "$(env_get "$scratch/pg.env" DATABASE)" -c 'select 1' 2>&1); then
    fail "a wrong database password is refused"
else
    check "a wrong database password is refused" grep -q 'password authentication failed' <<<"$out"
fi

# --max-connections: refused while the cluster runs with another value, set by a fresh start.
pg_show() {
    psql -X -At -h "$(env_get "$scratch/pg.env" SOCKET_DIR)" -p "$(env_get "$scratch/pg.env" PORT)" \
        -U postgres -d postgres -c "SHOW $1" 2>/dev/null || true
}
if out=$("$pg_fixture" start "$pg" --max-connections 150 2>&1); then
    fail "a running cluster with another max_connections is not reused"
else
    check "a running cluster with another max_connections is not reused" \
        grep -q 'max_connections 100: stop it first' <<<"$out"
fi
record_pids
"$pg_fixture" stop "$pg"
"$pg_fixture" start "$pg" --max-connections 150 >"$scratch/pg.env"
check "--max-connections sets max_connections" [ "$(pg_show max_connections)" = 150 ]
check "--max-connections is reused as it runs" \
    cmp -s "$scratch/pg.env" <("$pg_fixture" start "$pg" --max-connections 150)

# Stop everything and make sure nothing of this run is left.
record_pids
stop_all
leftover=()
while read -r pid; do
    if [ -d "/proc/$pid" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null; then
        leftover+=("$pid")
    fi
done < <(sort -u "$pids_file")
check "no process of this run is left (${leftover[*]:-none})" [ ${#leftover[@]} -eq 0 ]
check "no process mentions the scratch directory" [ -z "$(pgrep -f "$scratch" || true)" ]

echo "# $((SECONDS - started)) s in all"
echo "fixtures: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
