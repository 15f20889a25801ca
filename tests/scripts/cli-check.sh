#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck check` as cron runs it: a workspace whose services a local HTTP server answers as
# healthy, degraded, broken or not at all; the exit status follows the monitoring-plugin
# convention (0 OK, 1 warning, 2 critical, 3 unknown), --json says the same as the table, each
# dependency of a health document is a row of its own,
# --env and --only choose checks, --report writes the morning check, a service's metrics:
# endpoint is scraped and parsed (--only metrics), and bad input is named.
#   cli-check.sh OPSDECK TEST_DATA_DIR
set -euo pipefail
opsdeck=$1
data=$2
work=$(mktemp -d /tmp/opsdeck-check.XXXXXX)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
mkdir -p "$HOME" "$work/www"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM LANGUAGE
fail() { echo "FAIL: $*" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The documents the seeds' services answer with.
echo '{"status":"healthy","checks":{"database":{"status":"healthy"},"redis":{"status":"healthy"}}}' \
    >"$work/www/healthy.json"
echo '{"status":"degraded","checks":{"database":{"status":"healthy"},"redis":{"status":"degraded"}}}' \
    >"$work/www/degraded.json"
printf '{"status": "healthy", "checks": {' >"$work/www/broken.json"
port=$(free_port)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
    sleep 0.1
done
refused=$(free_port) # nothing listens there
base="http://127.0.0.1:$port"

cat >"$work/estate.yaml" <<YAML
name: Lab
environments:
  - name: green
    hosts:
      - name: web-1
        connection: local
        metrics: false
        services:
          - {name: api, health: $base/healthy.json}
          - {name: wiki, health: $base/healthy.json, tcp: "127.0.0.1:$port"}
  - name: amber
    hosts:
      - name: web-2
        connection: local
        metrics: false
        services:
          - {name: api, health: $base/healthy.json}
          - {name: shop, health: $base/degraded.json}
  - name: red
    hosts:
      - name: web-3
        connection: local
        metrics: false
        services:
          - {name: api, health: $base/degraded.json}
          - {name: billing, health: "http://127.0.0.1:$refused/health", runbook: Billing outage}
  - name: grey
    hosts:
      - name: web-4
        connection: local
        metrics: false
        services:
          - {name: search, health: $base/broken.json}
YAML

run() { # expected-status args... ; output in $work/out, stderr in $work/err
    local expected=$1
    shift
    local status=0
    "$opsdeck" --workspace "$work/estate.yaml" check "$@" >"$work/out" 2>"$work/err" || status=$?
    [ "$status" -eq "$expected" ] ||
        fail "opsdeck check $* exited $status, expected $expected: $(cat "$work/out" "$work/err")"
}

run 0 --env green
grep -q '^OK  *green  *web-1  *http  *api health ' "$work/out" || fail "green table: $(cat "$work/out")"
grep -q '^OK  *green  *web-1  *tcp ' "$work/out" || fail "green tcp: $(cat "$work/out")"
grep -q '^OK  *green  *web-1  *http  *api health / redis  *healthy$' "$work/out" ||
    fail "green dependency: $(cat "$work/out")"
# Two services with two dependencies each, and a port.
grep -q '^7 checks: 7 OK, 0 warning, 0 critical, 0 unknown$' "$work/out" || fail "green total: $(cat "$work/out")"
echo "ok - a healthy environment exits 0"

run 1 --env amber
grep -q '^WARNING  *amber  *web-2  *http  *shop health  *200 OK in .*degraded' "$work/out" ||
    fail "amber table: $(cat "$work/out")"
# The dependency is a row of its own, right after its service; the service's row keeps the
# overall status its document gives.
grep -A2 '^WARNING  *amber  *web-2  *http  *shop health  ' "$work/out" >"$work/shop"
sed -n 2p "$work/shop" | grep -q '^OK  *amber  *web-2  *http  *shop health / database  *healthy$' ||
    fail "amber database row: $(cat "$work/out")"
sed -n 3p "$work/shop" | grep -q '^WARNING  *amber  *web-2  *http  *shop health / redis  *degraded$' ||
    fail "amber redis row: $(cat "$work/out")"
echo "ok - a degraded dependency exits 1, as a row of its own"

run 2 --env red --json
python3 - "$work/out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["status"] == "CRITICAL" and report["exit_code"] == 2, report
assert report["environment"] == "red" and report["workspace"] == "Lab", report
assert report["counts"] == {"ok": 1, "warning": 2, "critical": 1, "unknown": 0}, report["counts"]
checks = {check["title"]: check for check in report["checks"]}
ids = [check["id"] for check in report["checks"]]
assert ids == ["red/web-3/api:health", "red/web-3/api:health/database",
               "red/web-3/api:health/redis", "red/web-3/billing:health"], ids
redis = checks["api health / redis"]
assert redis["status"] == "WARNING" and redis["kind"] == "http" and redis["host"] == "web-3", redis
assert redis["parent"] == "red/web-3/api:health" and redis["summary"] == "degraded", redis
assert redis["values"][0]["name"] == "redis" and redis["values"][0]["status"] == "WARNING", redis
assert checks["api health / database"]["status"] == "OK", checks
assert checks["api health"]["parent"] == "", checks["api health"]
billing = checks["billing health"]
assert billing["status"] == "CRITICAL" and "refused" in billing["error"], billing
assert billing["values"] == [] and billing["kind"] == "http" and billing["host"] == "web-3", billing
api = checks["api health"]
values = {value["name"]: value for value in api["values"]}
assert values["redis"]["status"] == "WARNING", values
assert values["latency"]["unit"] == "ms" and values["latency"]["warning"] == 500, values
assert values["status"]["value"] == 200 and values["status"]["text"] == "200 OK", values
assert values["health"]["text"] == "degraded" and api["status"] == "WARNING", values
PY
echo "ok - an unreachable service exits 2, and --json says why"

run 3 --env grey
grep -q '^UNKNOWN  *grey ' "$work/out" || fail "grey table: $(cat "$work/out")"
echo "ok - a health document that is not JSON exits 3"

# Every environment at once: the worst wins, unknown counting worst.
run 3
grep -q '^18 checks: 12 OK, 4 warning, 1 critical, 1 unknown$' "$work/out" || fail "all: $(cat "$work/out")"
run 2 --only tcp,http --env red
run 0 --only tcp
[ "$(grep -c '^OK ' "$work/out")" -eq 1 ] || fail "--only tcp: $(cat "$work/out")"
echo "ok - --env and --only choose the checks"

run 2 --env red --report "$work/morning.md"
head -1 "$work/morning.md" | grep -qx '# Morning check: Lab / red' || fail "report title: $(head -3 "$work/morning.md")"
grep -q 'runbook: Billing outage' "$work/morning.md" || fail "report runbook"
grep -q '^### Services: api health / redis$' "$work/morning.md" || fail "report dependency: $(cat "$work/morning.md")"
grep -q '^- \*\*Warning\*\* red / api health / redis: degraded$' "$work/morning.md" ||
    fail "report dependency problem: $(cat "$work/morning.md")"
grep -q '| latency | [0-9]* ms | warning 500 ms, critical 1000 ms | OK |' "$work/morning.md" ||
    fail "report values: $(cat "$work/morning.md")"
run 1 --env amber --report "$work/morning.html"
grep -q '<td class="verdict warning">Warning</td>' "$work/morning.html" || fail "html report"
echo "ok - --report writes the morning check as Markdown and HTML"

# Metrics scrapes, from a workspace of their own: a real node_exporter capture, a body the
# parser rejects on line 3, and a path the server does not have.
cp "$data/health/prometheus/node-exporter-1.5.prom" "$work/www/node.prom"
printf '# TYPE up gauge\nup 1\nnode_load1{cpu="0" 0.5\n' >"$work/www/broken.prom"
cat >"$work/scrape.yaml" <<YAML
name: Lab
environments:
  - name: scrape
    hosts:
      - name: web-5
        connection: local
        metrics: false
        services:
          - {name: node, health: $base/healthy.json, metrics: $base/node.prom}
          - {name: batch, metrics: $base/broken.prom}
          - {name: gone, metrics: $base/missing.prom}
YAML
status=0
"$opsdeck" --workspace "$work/scrape.yaml" check --only metrics >"$work/out" 2>"$work/err" || status=$?
[ "$status" -eq 2 ] || fail "--only metrics exited $status: $(cat "$work/out" "$work/err")"
grep -q '^OK  *scrape  *web-5  *metrics  *node metrics  *200 OK in .*: 283 families, 514 samples$' "$work/out" ||
    fail "metrics table: $(cat "$work/out")"
grep -q '^3 checks: 1 OK, 0 warning, 2 critical, 0 unknown$' "$work/out" || fail "metrics total: $(cat "$work/out")"
status=0
"$opsdeck" --workspace "$work/scrape.yaml" check --only metrics --json >"$work/out" 2>"$work/err" || status=$?
[ "$status" -eq 2 ] || fail "--only metrics --json exited $status: $(cat "$work/err")"
python3 - "$work/out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
checks = {check["id"]: check for check in report["checks"]}
assert list(checks) == ["scrape/web-5/node:metrics", "scrape/web-5/batch:metrics",
                        "scrape/web-5/gone:metrics"], list(checks)
assert all(check["kind"] == "metrics" for check in checks.values()), checks
node = checks["scrape/web-5/node:metrics"]
values = {value["name"]: value for value in node["values"]}
assert node["status"] == "OK", node
assert values["families"]["value"] == 283 and values["samples"]["value"] == 514, values
assert values["scrape"]["unit"] == "ms" and values["scrape"]["warning"] == 500, values
assert values["resident memory"]["value"] == 18825216 and values["resident memory"]["unit"] == "B", values
broken = checks["scrape/web-5/batch:metrics"]
assert broken["status"] == "CRITICAL" and "broken.prom is not valid metrics text: line 3:20: " in broken["error"], broken
gone = checks["scrape/web-5/gone:metrics"]
assert gone["status"] == "CRITICAL" and "answered 404" in gone["error"], gone
PY
echo "ok - --only metrics scrapes each service's metrics: endpoint"

run 3 --env nowhere
grep -q "the workspace has no environment 'nowhere'" "$work/err" || fail "env: $(cat "$work/err")"
run 3 --only ping
grep -q "unknown kind 'ping'; use one of http, tcp, tls, host, redis, postgres, alerts, backup, metrics" "$work/err" ||
    fail "kind: $(cat "$work/err")"
printf 'environments:\n  - name: x\n    check-interval: soon\n' >"$work/broken.yaml"
status=0
"$opsdeck" --workspace "$work/broken.yaml" check >"$work/out" 2>"$work/err" || status=$?
[ "$status" -eq 3 ] || fail "broken workspace exited $status"
grep -q "broken.yaml:3:21: error: 'check-interval' must be an interval" "$work/err" ||
    fail "broken workspace: $(cat "$work/err")"
# A report that cannot be written is an error, not a silent loss.
run 3 --env green --report "$work/missing/dir/report.md"
grep -q 'report.md' "$work/err" || fail "unwritable report: $(cat "$work/err")"
echo "ok - bad input is named and exits 3"
echo "cli-check: all passed"
