#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The test stand-in's verbs other than `logs` (tests/scripts/fake-kubectl/kubectl runs this):
# replays pods, workloads, events, top and contexts from files, pages pod lists the way the API
# server does (continue tokens, remainingItemCount), and answers the actions OpsDeck runs as
# kubectl prints them. See the kubectl script for the environment variables.
import base64
import json
import os
import sys
import tempfile
import urllib.parse

RESOURCE_VERSION = '4829915'
APPS_KINDS = {'deployment', 'statefulset', 'daemonset', 'replicaset'}


def fail(message, code=1):
    sys.stderr.write(message + '\n')
    sys.exit(code)


def parse(argv):
    """Global flags out of the way: (words, flags)."""
    flags = {}
    words = []
    takes_value = {'--context', '--kubeconfig', '--request-timeout', '-n', '--namespace', '-o',
                   '--output', '--replicas', '-c', '--container', '--raw', '--cluster', '--user'}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg.startswith('--') and '=' in arg:
            name, value = arg.split('=', 1)
            flags[name] = value
        elif arg in takes_value:
            if i + 1 >= len(argv):
                fail('error: flag needs an argument: %s' % arg)
            flags[arg] = argv[i + 1]
            i += 1
        elif arg.startswith('-'):
            flags[arg] = True
        else:
            words.append(arg)
        i += 1
    for short, long in (('-n', '--namespace'), ('-o', '--output'), ('-A', '--all-namespaces')):
        if short in flags:
            flags[long] = flags.pop(short)
    return words, flags


def need_file(variable, what):
    path = os.environ.get(variable, '')
    if not path:
        fail('error: the test stand-in needs %s for %s' % (variable, what))
    return path


def load_pods():
    path = need_file('OPSDECK_FAKE_KUBECTL_PODS', 'pods')
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    items = document.get('items', [])
    for item in items:
        item.pop('kind', None)
        item.pop('apiVersion', None)
    items.sort(key=key_of)
    return document, items


def key_of(pod):
    metadata = pod.get('metadata', {})
    return metadata.get('namespace', '') + '/' + metadata.get('name', '')


def encode_token(start):
    body = json.dumps({'v': 'meta.k8s.io/v1', 'rv': int(RESOURCE_VERSION), 'start': start + '\u0000'},
                      separators=(',', ':'))
    return base64.urlsafe_b64encode(body.encode()).decode().rstrip('=')


def decode_token(token):
    try:
        padded = token + '=' * (-len(token) % 4)
        body = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        return body['start'].rstrip('\u0000')
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        fail('Error from server (BadRequest): continue key is not valid: %s' % error)


def get_raw(path):
    parsed = urllib.parse.urlsplit(path)
    query = urllib.parse.parse_qs(parsed.query)
    parts = parsed.path.strip('/').split('/')
    namespace = None
    if parts == ['api', 'v1', 'pods']:
        pass
    elif len(parts) == 5 and parts[:3] == ['api', 'v1', 'namespaces'] and parts[4] == 'pods':
        namespace = parts[3]
    else:
        fail('Error from server (NotFound): the server could not find the requested resource')
    _, items = load_pods()
    if namespace is not None:
        items = [pod for pod in items if pod.get('metadata', {}).get('namespace') == namespace]
    if 'continue' in query:
        start = decode_token(query['continue'][0])
        items = [pod for pod in items if key_of(pod) > start]
    metadata = {'resourceVersion': RESOURCE_VERSION}
    if 'limit' in query:
        try:
            limit = int(query['limit'][0])
        except ValueError:
            fail('Error from server (BadRequest): limit: Invalid value: "%s"' % query['limit'][0])
        if 0 < limit < len(items):
            metadata['continue'] = encode_token(key_of(items[limit - 1]))
            metadata['remainingItemCount'] = len(items) - limit
            items = items[:limit]
    page = {'kind': 'PodList', 'apiVersion': 'v1', 'metadata': metadata, 'items': items}
    sys.stdout.write(json.dumps(page, separators=(',', ':'), ensure_ascii=False) + '\n')


def as_list(items, kind, api_version):
    for item in items:
        item.setdefault('kind', kind)
        item.setdefault('apiVersion', api_version)
    # kubectl's own JSON printer: four spaces, keys sorted.
    document = {'apiVersion': 'v1', 'items': items, 'kind': 'List', 'metadata': {'resourceVersion': ''}}
    sys.stdout.write(json.dumps(document, indent=4, sort_keys=True, ensure_ascii=False) + '\n')


def replay(variable, what, namespace):
    path = need_file(variable, what)
    with open(path, encoding='utf-8') as f:
        document = json.load(f)
    items = document.get('items', [])
    if namespace:
        items = [item for item in items if item.get('metadata', {}).get('namespace') == namespace]
    document['items'] = items
    sys.stdout.write(json.dumps(document, indent=4, sort_keys=True, ensure_ascii=False) + '\n')


def namespace_of(flags):
    if flags.get('--all-namespaces'):
        return None
    return flags.get('--namespace', 'default')


def get(words, flags):
    if '--raw' in flags:
        get_raw(flags['--raw'])
        return
    if not words:
        fail('error: You must specify the type of resource to get.')
    resource = words[0]
    namespace = namespace_of(flags)
    if resource in ('pods', 'pod', 'po'):
        _, items = load_pods()
        if namespace:
            items = [pod for pod in items if pod.get('metadata', {}).get('namespace') == namespace]
        if len(words) > 1:
            # `get pod NAME`: the one Pod, as kubectl prints it (the details' Inspect tab).
            found = [pod for pod in items if pod.get('metadata', {}).get('name') == words[1]]
            if not found:
                fail('Error from server (NotFound): pods "%s" not found' % words[1])
            pod = found[0]
            pod.setdefault('kind', 'Pod')
            pod.setdefault('apiVersion', 'v1')
            sys.stdout.write(json.dumps(pod, indent=4, sort_keys=True, ensure_ascii=False) + '\n')
            return
        as_list(items, 'Pod', 'v1')
    elif resource in ('events', 'event', 'ev'):
        replay('OPSDECK_FAKE_KUBECTL_EVENTS', 'events', namespace)
    elif all(kind in ('deployments', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'replicasets')
             for kind in resource.split(',')):
        replay('OPSDECK_FAKE_KUBECTL_WORKLOADS', 'workloads', namespace)
    else:
        fail('error: the server doesn\'t have a resource type "%s"' % resource)


def top(words, flags):
    if words[:1] not in (['pods'], ['pod'], ['po']):
        fail('error: the test stand-in only replays `top pods`')
    path = os.environ.get('OPSDECK_FAKE_KUBECTL_TOP', '')
    if not path or not os.path.exists(path):
        fail('error: Metrics API not available')
    namespace = namespace_of(flags)
    with open(path, encoding='utf-8') as f:
        rows = [line.split() for line in f if line.strip()]
    if namespace:
        rows = [row[1:] for row in rows if row[0] == namespace]
    if not rows:
        fail('No resources found in %s namespace.' % namespace if namespace else 'No resources found')
    if not flags.get('--no-headers'):
        header = ['NAME', 'CPU(cores)', 'MEMORY(bytes)']
        rows.insert(0, header if namespace else ['NAMESPACE'] + header)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(widths[i]) if i < len(row) - 1 else cell for i, cell in enumerate(row)]
        sys.stdout.write('   '.join(cells) + '\n')


def contexts():
    path = os.environ.get('OPSDECK_FAKE_KUBECTL_CONTEXTS', '')
    if not path:
        return ['kind-dev']
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip()]


def config(words, flags):
    if words[:1] == ['get-contexts']:
        for name in contexts():
            sys.stdout.write(name + '\n')
    elif words[:1] == ['current-context']:
        current = os.environ.get('OPSDECK_FAKE_KUBECTL_CURRENT_CONTEXT') or (contexts() or [''])[0]
        if not current:
            fail('error: current-context is not set')
        sys.stdout.write(current + '\n')
    else:
        fail('error: the test stand-in does not replay `config %s`' % ' '.join(words))


def describe(words, flags):
    """`describe pod NAME`: the hand-written text in describe/pod-NAMESPACE-NAME.txt, for a pod
    the pods file still lists (a deleted one is not found, as on a cluster)."""
    if len(words) != 2 or words[0] not in ('pod', 'pods', 'po'):
        fail('error: the test stand-in only describes one pod')
    namespace = flags.get('--namespace', 'default')
    _, items = load_pods()
    if not any(pod.get('metadata', {}).get('name') == words[1]
               and pod.get('metadata', {}).get('namespace') == namespace for pod in items):
        fail('Error from server (NotFound): pods "%s" not found' % words[1])
    here = os.path.dirname(os.path.abspath(__file__))
    directory = os.environ.get('OPSDECK_FAKE_KUBECTL_DESCRIBE') or os.path.join(
        here, '..', '..', 'data', 'containers', 'kubectl', 'describe')
    path = os.path.join(directory, 'pod-%s-%s.txt' % (namespace, words[1]))
    if not os.path.exists(path):
        fail('error: the test stand-in has no describe text for pod %s/%s' % (namespace, words[1]))
    with open(path, encoding='utf-8') as f:
        lines = f.readlines()
    while lines and lines[0].startswith('#'):
        lines.pop(0)
    sys.stdout.write(''.join(lines))


def qualified(target):
    if '/' not in target:
        fail('error: expected TYPE/NAME, got "%s"' % target)
    kind, name = target.split('/', 1)
    kind = {'deploy': 'deployment', 'sts': 'statefulset', 'ds': 'daemonset', 'rs': 'replicaset'}.get(kind, kind)
    if kind.endswith('s'):
        kind = kind[:-1]
    return (kind + '.apps' if kind in APPS_KINDS else kind) + '/' + name


def delete(words, flags):
    if len(words) == 1 and words[0].startswith(('pod/', 'pods/')):
        names = [words[0].split('/', 1)[1]]
    elif len(words) >= 2 and words[0] in ('pod', 'pods', 'po'):
        names = words[1:]
    else:
        fail('error: the test stand-in only deletes pods')
    namespace = flags.get('--namespace', 'default')
    path = need_file('OPSDECK_FAKE_KUBECTL_PODS', 'pods')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    document = json.loads(text)
    items = document.get('items', [])
    status = 0
    for name in names:
        kept = [pod for pod in items
                if not (pod.get('metadata', {}).get('name') == name
                        and pod.get('metadata', {}).get('namespace') == namespace)]
        if len(kept) == len(items):
            sys.stderr.write('Error from server (NotFound): pods "%s" not found\n' % name)
            status = 1
            continue
        items = kept
        sys.stdout.write('pod "%s" deleted\n' % name)
    document['items'] = items
    # Written in the file's own style (a List pretty, a PodList compact) and replaced in one step.
    pretty = text.lstrip().startswith('{\n')
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)))
    with os.fdopen(handle, 'w', encoding='utf-8') as f:
        if pretty:
            json.dump(document, f, indent=4, sort_keys=True, ensure_ascii=False)
        else:
            json.dump(document, f, separators=(',', ':'), ensure_ascii=False)
        f.write('\n')
    os.replace(temporary, path)
    sys.exit(status)


def main():
    words, flags = parse(sys.argv[1:])
    wanted = flags.get('--context')
    if wanted and wanted not in contexts():
        fail('error: context "%s" does not exist' % wanted)
    if not words:
        fail('error: the test stand-in needs a command')
    verb, rest = words[0], words[1:]
    if verb == 'get':
        get(rest, flags)
    elif verb == 'top':
        top(rest, flags)
    elif verb == 'config':
        config(rest, flags)
    elif verb == 'rollout' and rest[:1] == ['restart'] and len(rest) == 2:
        sys.stdout.write(qualified(rest[1]) + ' restarted\n')
    elif verb == 'scale' and len(rest) == 1 and '--replicas' in flags:
        sys.stdout.write(qualified(rest[0]) + ' scaled\n')
    elif verb == 'delete':
        delete(rest, flags)
    elif verb == 'describe':
        describe(rest, flags)
    else:
        fail('error: unknown command "%s" for "kubectl" (this is the test stand-in)' % verb)


if __name__ == '__main__':
    main()
