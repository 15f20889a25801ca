#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a PodList of N pods for the benchmarks, as the API server serves it:
#   make-kube-pods.py N OUT
# The pods cycle through the captured-style samples (tests/data/containers/kubectl/pods-page*.json:
# running, initialising, crash loops, OOM kills, image pulls, evicted, completed, terminating,
# pending, stateful and daemon set pods), each copy with its own name, uid, IP and namespace
# group, in the API server's namespace/name order.
import copy
import json
import os
import sys
import uuid

# The alphabet Kubernetes draws generated name suffixes from.
ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'


def suffix(number, length=5):
    text = ''
    for _ in range(length):
        number, digit = divmod(number, len(ALPHABET))
        text = ALPHABET[digit] + text
    return text


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: make-kube-pods.py N OUT')
    count = int(sys.argv[1])
    out = sys.argv[2]
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'containers', 'kubectl')
    samples = []
    for page in ('pods-page1.json', 'pods-page2.json'):
        with open(os.path.join(data, page), encoding='utf-8') as f:
            samples.extend(json.load(f)['items'])
    pods = []
    for i in range(count):
        pod = copy.deepcopy(samples[i % len(samples)])
        group = i // len(samples)
        metadata = pod['metadata']
        # Teams of about 250 pods each in their own namespace.
        metadata['namespace'] = '%s-%03d' % (metadata['namespace'], group // 14)
        owner = (metadata.get('ownerReferences') or [{}])[0]
        if owner.get('kind') == 'StatefulSet':
            metadata['name'] = '%s-%d' % (owner['name'], group)
        elif 'generateName' in metadata:
            metadata['name'] = metadata['generateName'] + suffix(i * 7919 + 13)
        else:
            metadata['name'] = '%s-%d' % (metadata['name'], group)
        metadata['uid'] = str(uuid.uuid5(uuid.NAMESPACE_URL, 'opsdeck-bench/%d' % i))
        metadata['resourceVersion'] = str(4830000 + i)
        if 'podIP' in pod.get('status', {}):
            address = '10.%d.%d.%d' % (64 + i // 65536, (i // 256) % 256, i % 256)
            pod['status']['podIP'] = address
            pod['status']['podIPs'] = [{'ip': address}]
        pods.append(pod)
    pods.sort(key=lambda pod: (pod['metadata']['namespace'], pod['metadata']['name']))
    document = {'kind': 'PodList', 'apiVersion': 'v1', 'metadata': {'resourceVersion': '4829915'}, 'items': pods}
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(document, f, separators=(',', ':'), ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
