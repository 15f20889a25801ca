#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release preset, generates a mixed log (fixed seed; 1024 MiB unless told) and prints
# OpsDeck's log engines next to read()+memchr, wc -l, grep -c, grep -cE and lnav, then the
# search engines against each other.
#   tests/bench/run-log-bench.sh [MIB]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
# The peers: lnav, and RE2 for the engine comparison (OpsDeck itself needs neither).
missing=()
command -v lnav >/dev/null || missing+=(lnav)
dpkg-query -W -f='${db:Status-Status}' libre2-dev 2>/dev/null | grep -q '^installed$' || missing+=(libre2-dev)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing the peers it compares with: ${missing[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
cmake --preset release >/dev/null
cmake --build --preset release --target bench_logs >/dev/null
mib=${1:-1024}
file=${OPSDECK_BENCH_DIR:-/var/tmp}/opsdeck-bench-${mib}.log
if [ ! -s "$file" ]; then
    build/release/tests/bench/bench_logs generate "$file" "$mib"
fi
build/release/tests/bench/bench_logs compare "$file"
echo
build/release/tests/bench/bench_logs engines "$file"
