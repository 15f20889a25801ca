#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release preset, starts a throwaway sshd on loopback and prints OpsDeck's SSH
# executor next to plain ssh and ssh with ControlMaster.
#   tests/bench/run-remote-bench.sh [COUNT]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
cmake --preset release >/dev/null
cmake --build --preset release --target bench_remote >/dev/null
work=$(mktemp -d /tmp/opsdeck-bench.XXXXXX)
chmod 755 "$work"
trap 'bash tests/scripts/sshd-fixture.sh stop "$work" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
eval "$(bash tests/scripts/sshd-fixture.sh start "$work" | grep -E '^(PORT|USER|KEY|KNOWN_HOSTS)=')"
build/release/tests/bench/bench_remote "$PORT" "$USER" "$KEY" "$KNOWN_HOSTS" "${1:-100}"
