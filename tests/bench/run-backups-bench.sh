#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release preset and prints the backup catalog listing a location over a real sshd
# (tests/scripts/sshd-fixture.sh, started and stopped by the bench): FILES real pg_dump custom
# dumps, the first listing, a re-list after CHANGED of them got a new mtime, a re-list with
# nothing changed, and `ls -l DIR | wc -l` through plain ssh for scale. The issue's target is
# under 2 s for 10,000 files.
#   tests/bench/run-backups-bench.sh [FILES] [CHANGED]   (10000 10 unless told)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
files=${1:-10000}
changed=${2:-10}
[ "$(id -u)" -eq 0 ] || {
    echo "bench: run as root (the sshd fixture adds its own user)" >&2
    exit 1
}
cmake --preset release >/dev/null
cmake --build --preset release --target bench_backups >/dev/null
exec build/release/tests/bench/bench_backups run "$files" "$changed"
