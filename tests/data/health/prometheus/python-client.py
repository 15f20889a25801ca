# Real OpenMetrics output of the Python client (python3-prometheus-client 0.16, Debian 12).
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Summary, Info, Enum
from prometheus_client.openmetrics.exposition import generate_latest as om
from prometheus_client.exposition import generate_latest as text
r = CollectorRegistry()
c = Counter('http_requests', 'HTTP requests served.', ['method', 'code'], registry=r)
c.labels('GET', '200').inc(1027)
c.labels('POST', '500').inc(3, exemplar={'trace_id': 'a1b2c3d4'})
g = Gauge('queue_depth', 'Jobs waiting, by "queue".\nSecond line with a back\\slash.', ['queue'], unit='jobs', registry=r)
g.labels('mail').set(12)
g.labels('path "quoted" \\ and\nnewline').set(-3.5e-3)
h = Histogram('request_latency_seconds', 'Request latency.', ['handler'], registry=r, buckets=(0.005, 0.05, 0.5, 5))
for v in (0.001, 0.02, 0.02, 0.3, 7):
    h.labels('/api').observe(v)
h.labels('/api').observe(0.04, exemplar={'trace_id': 'f00ba4'})
s = Summary('payload_bytes', 'Payload size.', registry=r)
s.observe(512); s.observe(2048)
i = Info('build', 'Build information.', registry=r)
i.info({'version': '1.4.2', 'revision': 'deadbeef'})
e = Enum('service_state', 'Service state.', states=['starting', 'running', 'stopped'], registry=r)
e.state('running')
import sys
open(sys.argv[1], 'wb').write(om(r))
open(sys.argv[2], 'wb').write(text(r))
