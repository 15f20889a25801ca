#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the release preset and prints, for each size, the container list's figures on a
# generated PodList (tests/scripts/make-kube-pods.py) next to its targets and the peers reading
# the same file: python3's json.load, jq, and kubectl's own client-side decode
# (`kubectl label --local -f FILE -o name`, which needs no API server):
#   1. parse: the whole list and pages of 500, RSS growth;
#   2. show: the model's first load and the sorted filter model;
#   3. refresh: 1% of the pods changed, the GUI thread's time and the signals sent;
#   4. end to end: ContainerMonitor reading the pods from the fake kubectl in pages of 500.
#   tests/bench/run-containers-bench.sh [PODS...]     (5000 20000 unless told)
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 20000)
# Debian's python3 runs the generator, the fake kubectl and the json.load peer.
python=/usr/bin/python3
# The peer jq (OpsDeck itself needs none); kubectl is measured when it is installed.
if ! command -v jq >/dev/null; then
    echo "bench: installing the peer it compares with: jq"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq >/dev/null ||
        echo "bench: jq could not be installed; its column says so"
fi
cmake --preset release >/dev/null
cmake --build --preset release --target bench_containers >/dev/null
bench=build/release/tests/bench/bench_containers
data=${OPSDECK_BENCH_DIR:-/var/tmp}

now_ns() { date +%s%N; }

# python3: json.load and len(items), the median of 3 loads, and the peak RSS growth of the first.
python_peer() { # file -> "MS MB"
    "$python" - "$1" <<'EOF'
import json, resource, statistics, sys, time
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
seconds = []
for _ in range(3):
    start = time.perf_counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        count = len(json.load(f)["items"])
    seconds.append(time.perf_counter() - start)
    if len(seconds) == 1:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(f"{statistics.median(seconds) * 1e3:.0f} {peak / 1024:.1f}")
EOF
}

for pods in "${sizes[@]}"; do
    file=$data/opsdeck-pods-$pods.json
    [ -s "$file" ] || "$python" tests/scripts/make-kube-pods.py "$pods" "$file"
    peers=()
    read -r python_ms python_mb < <(python_peer "$file")
    peers+=("python_ms=$python_ms" "python_rss_mb=$python_mb")
    if command -v jq >/dev/null; then
        start=$(now_ns)
        count=$(jq '.items | length' "$file")
        end=$(now_ns)
        if [ "$count" = "$pods" ]; then
            peers+=("jq_ms=$(((end - start) / 1000000))")
        else
            peers+=("jq_ms=-" "jq_note=jq counted $count items")
        fi
    else
        peers+=("jq_ms=-" "jq_note=jq is not installed (apt-get install jq)")
    fi
    if command -v kubectl >/dev/null; then
        version=$(kubectl version --client 2>/dev/null | sed -n 's/^Client Version: //p')
        start=$(now_ns)
        # --local decodes and prints every object without asking an API server.
        count=$(KUBECONFIG=/dev/null timeout 600 kubectl label --local -f "$file" opsdeck-bench=1 -o name 2>/dev/null | wc -l) || true
        end=$(now_ns)
        if [ "$count" = "$pods" ]; then
            peers+=("kubectl_ms=$(((end - start) / 1000000))")
            peers+=("kubectl_note=")
        else
            peers+=("kubectl_ms=-" "kubectl_note=kubectl $version could not decode it offline ($count objects)")
        fi
        echo "== $pods pods (kubectl $version for its client-side decode)"
    else
        peers+=("kubectl_ms=-" "kubectl_note=kubectl is not installed; no offline decode to compare")
        echo "== $pods pods"
    fi
    "$bench" run "$file" "${peers[@]}" | sed "s|$data/||"
    echo
done
