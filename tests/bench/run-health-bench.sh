#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release preset and prints the dashboard's figures next to a named peer (run as
# root: the SSH part starts a throwaway sshd through tests/scripts/sshd-fixture.sh):
#   1. CHECKS HTTP checks at once through CheckBatch, and `opsdeck check --only http` on a
#      workspace of CHECKS services, next to a curl loop over the same URLs;
#   2. HOSTS hosts polled every 5 s over SSH by HealthMonitor for SECONDS, next to one ssh
#      process per host per poll;
#   3. the Prometheus parser on node_exporter's scrape and a 100k-sample one, next to Python's
#      prometheus_client.parser.
#   tests/bench/run-health-bench.sh [CHECKS] [HOSTS] [SECONDS]     (200 50 60 unless told)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
checks=${1:-200}
hosts=${2:-50}
seconds=${3:-60}
# The peers: curl and ssh, and Python's own Prometheus parser (OpsDeck itself needs none).
# Debian's python3, not whichever python3 comes first on PATH, is the one with the package.
python=/usr/bin/python3
missing=()
command -v curl >/dev/null || missing+=(curl)
command -v ssh >/dev/null || missing+=(openssh-client)
"$python" -c 'import prometheus_client.parser' 2>/dev/null || missing+=(python3-prometheus-client)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing the peers it compares with: ${missing[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
cmake --preset release >/dev/null
cmake --build --preset release --target bench_health opsdeck >/dev/null
bench=build/release/tests/bench/bench_health

work=$(mktemp -d /tmp/opsdeck-health-bench.XXXXXX)
chmod 755 "$work"
trap 'bash tests/scripts/sshd-fixture.sh stop "$work/sshd" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "== 1. HTTP checks: CheckBatch and opsdeck check next to a curl loop"
"$bench" http "$checks" build/release/app/opsdeck
echo

echo "== 2. Host metrics over SSH: HealthMonitor next to one ssh process per poll"
# The fixture's MaxSessions 64 and MaxStartups 100:30:200 already take 50 connections at once.
eval "$(bash tests/scripts/sshd-fixture.sh start "$work/sshd" | grep -E '^(PORT|USER|KEY|KNOWN_HOSTS)=')"
"$bench" ssh "$hosts" "$seconds" "$PORT" "$USER" "$KEY" "$KNOWN_HOSTS"
bash tests/scripts/sshd-fixture.sh stop "$work/sshd" >/dev/null
echo

echo "== 3. Prometheus parser next to Python's prometheus_client.parser"
python_parse() { # file -> one line in bench_health parse's format
    "$python" - "$1" <<'EOF'
import statistics, sys, time
from prometheus_client.parser import text_string_to_metric_families
text = open(sys.argv[1], encoding="utf-8").read()
size = len(text.encode())
rounds = max(3, min(50, 20_000_000 // max(size, 1)))
seconds, samples = [], 0
for _ in range(rounds):
    start = time.perf_counter()
    samples = sum(len(family.samples) for family in text_string_to_metric_families(text))
    seconds.append(time.perf_counter() - start)
median = statistics.median(seconds)
print(f"  Python prometheus_client: {median * 1e3:.3f} ms "
      f"(median of {rounds}, best {min(seconds) * 1e3:.3f} ms), {size / median / 1e6:.1f} MB/s, "
      f"{samples / median / 1e6:.2f} M samples/s, {samples} samples")
EOF
}
"$bench" generate "$work/100k.prom" 100000 >/dev/null
# node_exporter on a 64-CPU server (about 1.3k samples): the real capture's per-CPU series
# repeated for cpu 0 to 63, each family still in one piece as the exporter writes it.
awk '/^#/ { print; next }
     /cpu="0"/ { for (c = 0; c < 64; c++) { line = $0; sub(/cpu="0"/, "cpu=\"" c "\"", line); print line }; next }
     /cpu="[0-9]+"/ { next }
     { print }' tests/data/health/prometheus/node-exporter-1.5.prom >"$work/node-exporter-64cpu.prom"
for file in tests/data/health/prometheus/node-exporter-1.5.prom "$work/node-exporter-64cpu.prom" \
    "$work/100k.prom"; do
    ours=$("$bench" parse "$file")
    theirs=$(python_parse "$file")
    sed -e "s|$work/||" -e 's/^  parse:/  OpsDeck parseExposition:/' <<<"$ours"
    echo "$theirs"
    awk -v a="$(sed -n 's/^  parse: \([0-9.]*\) ms.*/\1/p' <<<"$ours")" \
        -v b="$(sed -n 's/^.*prometheus_client: \([0-9.]*\) ms.*/\1/p' <<<"$theirs")" \
        'BEGIN { if (a > 0) printf "  OpsDeck is %.0fx faster\n", b / a }'
done
