#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `opsdeck metrics parse --json` on a real node_exporter scrape (from the file, a file:// URL,
# over HTTP from a local server, and live from a running prometheus-node-exporter) gives the families, samples and values the file has; a
# broken file gives FILE:line:column on stderr and exit status 1; a missing one exit status 2.
#   cli-metrics.sh OPSDECK DATA_DIR
set -euo pipefail
opsdeck=$1
data=$2/health/prometheus
work=$(mktemp -d /tmp/opsdeck-metrics.XXXXXX)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LC_ALL=C.UTF-8
mkdir -p "$HOME"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM LANGUAGE
fail() { echo "FAIL: $*" >&2; exit 1; }

check_node() { # JSON file, what it came from
    python3 - "$1" "$2" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
where = sys.argv[2]
families = {family["name"]: family for family in document["families"]}
assert len(families) == 283, (where, len(families))
assert sum(len(f["samples"]) for f in families.values()) == 514, where
gc = families["go_gc_duration_seconds"]
assert gc["type"] == "summary" and gc["help"].startswith("A summary of the pause"), gc
names = [sample["name"] for sample in gc["samples"]]
assert names.count("go_gc_duration_seconds") == 5 and "go_gc_duration_seconds_count" in names
count = next(s for s in gc["samples"] if s["name"] == "go_gc_duration_seconds_count")
assert count["value"] == 1 and count["timestamp"] is None and count["labels"] == {}, count
load = families["node_load1"]["samples"][0]
assert load["value"] == 0.49, load
os = families["node_os_info"]["samples"][0]["labels"]
assert os["pretty_name"] == "Debian GNU/Linux 12 (bookworm)", os
PY
}

"$opsdeck" metrics parse --json "$data/node-exporter-1.5.prom" >"$work/file.json"
check_node "$work/file.json" file
"$opsdeck" metrics parse --json "file://$data/node-exporter-1.5.prom" >"$work/url.json"
check_node "$work/url.json" file-url

# Over HTTP from a throwaway server on a free loopback port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$data" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
    sleep 0.1
done
"$opsdeck" metrics parse --json "http://127.0.0.1:$port/node-exporter-1.5.prom" >"$work/http.json"
check_node "$work/http.json" http
status=0
"$opsdeck" metrics parse "http://127.0.0.1:$port/missing.prom" >/dev/null 2>"$work/404.err" || status=$?
[ "$status" = 2 ] || fail "HTTP 404: exit $status, want 2"
grep -q "HTTP 404" "$work/404.err" || fail "HTTP 404 message: $(cat "$work/404.err")"

# A live scrape of the real prometheus-node-exporter (a test package) on another free port:
# one counter sample per CPU and mode, as /proc/stat has CPUs; the load as /proc/loadavg says.
exporter_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
command -v prometheus-node-exporter >/dev/null || fail "prometheus-node-exporter is not installed"
prometheus-node-exporter --web.listen-address="127.0.0.1:$exporter_port" >"$work/exporter.log" 2>&1 &
exporter=$!
trap 'kill "$exporter" 2>/dev/null || true; cleanup' EXIT
live=
for _ in $(seq 100); do
    if "$opsdeck" metrics parse --json "http://127.0.0.1:$exporter_port/metrics" >"$work/live.json" 2>/dev/null; then
        live=yes
        break
    fi
    sleep 0.1
done
[ -n "$live" ] || fail "node exporter on port $exporter_port: $(cat "$work/exporter.log")"
python3 - "$work/live.json" "$(grep -c '^cpu[0-9]' /proc/stat)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
families = {f["name"]: f for f in json.load(open(sys.argv[1]))["families"]}
cpus, load = int(sys.argv[2]), float(sys.argv[3])
seconds = families["node_cpu_seconds_total"]
assert seconds["type"] == "counter", seconds["type"]
assert len({s["labels"]["cpu"] for s in seconds["samples"]}) == cpus, (cpus, len(seconds["samples"]))
assert {s["labels"]["mode"] for s in seconds["samples"]} >= {"idle", "system", "user", "iowait"}
assert all(s["value"] >= 0 for s in seconds["samples"])
scraped = families["node_load1"]["samples"][0]["value"]
assert abs(scraped - load) < 2, (scraped, load)
PY
kill "$exporter" 2>/dev/null || true

# OpenMetrics: +Inf, NaN and timestamps as the JSON says them.
"$opsdeck" metrics parse --json "$data/openmetrics-spec.om" >"$work/om.json"
python3 - "$work/om.json" <<'PY'
import json, sys
families = {f["name"]: f for f in json.load(open(sys.argv[1]))["families"]}
legacy = [s["value"] for s in families["legacy_value"]["samples"]]
assert legacy == ["NaN", "-Inf", "+Inf"], legacy
disk = families["disk_free_bytes"]["samples"][1]
assert disk["timestamp"] == 1700000000250 and disk["value"] == 3.5e9, disk
assert families["queue_wait_seconds"]["type"] == "gaugehistogram"
assert families["queue_wait_seconds"]["unit"] == "seconds"
PY

# A broken line: what parsed before it is printed, the error names file, line and column.
{ printf '# TYPE up gauge\nup 1\n'; printf 'up{job="a" 1\n'; printf 'up{job="b"} 0\n'; } >"$work/broken.prom"
status=0
"$opsdeck" metrics parse --json "$work/broken.prom" >"$work/broken.json" 2>"$work/broken.err" || status=$?
[ "$status" = 1 ] || fail "broken file: exit $status, want 1"
grep -q "^$work/broken.prom:3:12: error: expected ',' or '}'" "$work/broken.err" \
    || fail "broken file message: $(cat "$work/broken.err")"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["families"][0]["samples"]) == 2, d' "$work/broken.json"

status=0
"$opsdeck" metrics parse "$work/missing.prom" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "missing file: exit $status, want 2"
echo "metrics parse reads node_exporter and OpenMetrics as they are; errors say line:column"
