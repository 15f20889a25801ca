// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerrow.h"

#include <QByteArrayView>

namespace OpsDeck {

// Readers for what kubectl prints. Pure functions: text in, values out; nothing here runs a
// command.

// One page of pods: `kubectl get --raw '/api/v1/pods?limit=N[&continue=T]'` (a PodList), or
// `kubectl get pods -A -o json` (a List), or one Pod.
struct KubePodPage {
    QList<ContainerRow> rows;       // runtime Kubernetes, host and context as given
    QString continueToken;          // metadata.continue: more pages follow when not empty
    qint64 remainingItemCount = -1; // metadata.remainingItemCount, when the server says
    QStringList errors;             // "items[3]: ..." for what could not be read; the rest was read
};

// Status, reason and condition follow what `kubectl get pods` shows: a pod's own reason
// (Evicted, NodeLost), "Init:N/M" or the init container's waiting/terminated reason
// ("Init:CrashLoopBackOff"), the last container's waiting or terminated reason
// (CrashLoopBackOff, ImagePullBackOff, ErrImagePull, OOMKilled, Error, Completed),
// "Terminating" when deletionTimestamp is set, else the phase. Sidecars (init containers with
// restartPolicy Always) count in ready x/y and restarts. project is the owning workload
// (a ReplicaSet owned by a Deployment becomes "deployment/NAME" by its pod-template-hash).
KubePodPage parseKubePodList(QByteArrayView json, const QString &host, const QString &context);

// `kubectl get deployments,statefulsets,daemonsets,jobs,cronjobs -A -o json` (a List of mixed
// kinds), or one kind's list.
ParsedList<KubeWorkload> parseKubeWorkloads(QByteArrayView json, const QString &context);

// `kubectl get events -A -o json` (core/v1 Events; events.k8s.io fields also read), newest
// first.
ParsedList<ContainerEvent> parseKubeEvents(QByteArrayView json);

// `kubectl top pods -A --no-headers` (NAMESPACE NAME CPU MEMORY) or, without -A, NAME CPU
// MEMORY: "250m" and "1" cores, "64Mi" and "1Gi" bytes.
ParsedList<ContainerUsage> parseKubeTop(QByteArrayView text);

// `kubectl config get-contexts -o name`: one context per line.
QStringList parseKubeContexts(QByteArrayView text);

// Kubernetes quantities: "250m" -> 250 millicores, "2" -> 2000, "128974848n" (nanocores);
// "64Mi", "1G", "129e6", "1.5Gi" -> bytes. nullopt when not a quantity.
std::optional<double> parseKubeCpuMillicores(QStringView quantity);
std::optional<qint64> parseKubeBytes(QStringView quantity);

// What went wrong, from kubectl's standard error: for the message on the source's rows.
struct KubectlFailure {
    enum class Kind {
        Forbidden,          // RBAC: "is forbidden: User ... cannot list resource"
        Unreachable,        // "Unable to connect to the server", "connection refused", timeouts
        CredentialsExpired, // "You must be logged in", "Unauthorized", expired tokens/certs
        NotFound,           // "(NotFound)", unknown context
        MetricsUnavailable, // top: "Metrics API not available", metrics-server missing
        Other,
    };
    Kind kind = Kind::Other;
    QString message; // the tool's first error line, "error: " and "Error from server" kept
};
KubectlFailure classifyKubectlFailure(QByteArrayView standardError);

} // namespace OpsDeck
