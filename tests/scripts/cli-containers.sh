#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck containers` as operators script it: kubectl replayed by tests/scripts/fake-kubectl
# (the 18 captured-style pods, their workloads and top), a docker that cannot be reached, and
# the checks a script relies on: the JSON's rows and errors, the table, --runtime, -n and
# --context narrowing, exit 1 when a source failed (the rest still printed), 2 for bad input.
#   cli-containers.sh OPSDECK
set -euo pipefail
opsdeck=$1
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data=$top/tests/data/containers/kubectl
work=$(mktemp -d /tmp/opsdeck-containers.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM LANGUAGE OPSDECK_FAKE_KUBECTL_FAIL
fail() { echo "FAIL: $*" >&2; exit 1; }

cp "$data/pods-list.json" "$work/pods.json"
export PATH="$top/tests/scripts/fake-kubectl:$PATH"
export OPSDECK_FAKE_KUBECTL_PODS="$work/pods.json" OPSDECK_FAKE_KUBECTL_WORKLOADS="$data/workloads.json"
export OPSDECK_FAKE_KUBECTL_TOP="$data/top-pods.txt" OPSDECK_FAKE_KUBECTL_CALLS="$work/calls"
cat >"$work/lab.yaml" <<YAML
environments:
  - name: lab
    hosts:
      - name: bastion
        connection: local
        containers:
          runtimes: [kubernetes, docker]
          docker-host: unix://$work/no-such-docker.sock
YAML
count() { # json -> "rows errors"
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["rows"]), len(d["errors"]))'
}

# Every pod, and docker's failure as an error: exit 1, the rows still there.
status=0
"$opsdeck" --workspace "$work/lab.yaml" containers --json >"$work/all.json" 2>"$work/all.err" || status=$?
[ "$status" -eq 1 ] || fail "a failed docker should exit 1, got $status"
[ "$(count <"$work/all.json")" = "18 1" ] || fail "expected 18 rows and 1 error: $(count <"$work/all.json")"
python3 - "$work/all.json" <<'PY' || fail "the JSON rows are not what kubectl served"
import json, sys
d = json.load(open(sys.argv[1]))
rows = {r["name"]: r for r in d["rows"]}
cart = rows["cart-84c6d5f9b-z8r4t"]
assert cart["runtime"] == "kubernetes" and cart["context"] == "kind-dev", cart
assert cart["namespace"] == "shop" and cart["project"] == "deployment/cart", cart
assert cart["status"] == "CrashLoopBackOff" and cart["reason"] == "CrashLoopBackOff", cart
assert cart["lastRestartReason"] == "OOMKilled" and cart["restarts"] == 7, cart
assert cart["condition"] == "failing" and cart["ready"] == "0/1", cart
web = rows["web-7c9f8d6b5-abcde"]
assert web["condition"] == "running" and isinstance(web["cpu"], (int, float)), web
assert isinstance(web["memory"], (int, float)) and web["age"] > 0, web
error = d["errors"][0]
assert error["host"] == "bastion" and error["runtime"] == "docker", error
assert "no-such-docker.sock" in error["message"] or "Cannot connect" in error["message"], error
PY

# --runtime narrows to the cluster: exit 0. -n narrows to one namespace.
"$opsdeck" --workspace "$work/lab.yaml" containers --runtime kubernetes --json >"$work/kube.json" ||
    fail "kubernetes only should exit 0"
[ "$(count <"$work/kube.json")" = "18 0" ] || fail "kubernetes only: $(count <"$work/kube.json")"
"$opsdeck" --workspace "$work/lab.yaml" containers bastion --runtime kubernetes -n shop --json >"$work/shop.json" ||
    fail "-n shop should exit 0"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); ns={r["namespace"] for r in d["rows"]}; assert ns == {"shop"}, ns; assert len(d["rows"]) > 3' "$work/shop.json" ||
    fail "-n shop should list only shop's pods"
grep -q -- '--context kind-dev get --raw /api/v1/namespaces/shop/pods?limit=500' "$work/calls" ||
    fail "-n should ask for the namespace's pods: $(cat "$work/calls")"

# The table has a header and one line per pod.
"$opsdeck" --workspace "$work/lab.yaml" containers --runtime kubernetes >"$work/table.txt"
head -1 "$work/table.txt" | grep -q '^HOST  *RUNTIME  *WHERE  *PROJECT  *NAME  *STATUS' || fail "table header: $(head -1 "$work/table.txt")"
[ "$(tail -n +2 "$work/table.txt" | wc -l)" -eq 18 ] || fail "the table should have 18 pods"
grep -q 'cart-84c6d5f9b-z8r4t.*CrashLoopBackOff (last: OOMKilled)' "$work/table.txt" || fail "cart's line"

# An unreachable cluster: exit 1 with kubectl's own words, on stderr for the table.
status=0
OPSDECK_FAKE_KUBECTL_FAIL=unreachable "$opsdeck" --workspace "$work/lab.yaml" containers --runtime kubernetes \
    >"$work/down.txt" 2>"$work/down.err" || status=$?
[ "$status" -eq 1 ] || fail "an unreachable cluster should exit 1, got $status"
grep -q 'kubernetes on bastion: Unable to connect to the server' "$work/down.err" || fail "the error: $(cat "$work/down.err")"

# A context the kubeconfig does not have.
status=0
"$opsdeck" --workspace "$work/lab.yaml" containers --runtime kubernetes --context nowhere --json \
    >"$work/ctx.json" 2>/dev/null || status=$?
[ "$status" -eq 1 ] || fail "an unknown context should exit 1, got $status"
grep -q 'nowhere' "$work/ctx.json" || fail "the unknown context should be named"

# Bad input: exit 2 and what was wrong.
status=0
"$opsdeck" --workspace "$work/lab.yaml" containers nohost 2>"$work/bad.err" >/dev/null || status=$?
[ "$status" -eq 2 ] && grep -q "no host 'nohost'" "$work/bad.err" || fail "an unknown host: $status $(cat "$work/bad.err")"
status=0
"$opsdeck" --workspace "$work/lab.yaml" containers --runtime lxc 2>"$work/bad.err" >/dev/null || status=$?
[ "$status" -eq 2 ] && grep -q "unknown runtime 'lxc'" "$work/bad.err" || fail "an unknown runtime: $status $(cat "$work/bad.err")"
echo "opsdeck containers: all checks passed"
