// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace OpsDeck {

// What runs a row: the tool OpsDeck calls on the host.
enum class ContainerRuntime { Docker, Podman, Kubernetes };

// "docker", "podman", "kubernetes": the workspace's and the command line's names.
QString containerRuntimeId(ContainerRuntime runtime);
std::optional<ContainerRuntime> containerRuntimeFromId(QStringView id);
// "Docker", "Podman", "Kubernetes", translated.
QString containerRuntimeName(ContainerRuntime runtime);

// How a row is doing, for colour, sorting by trouble and the status filter. The tools' own
// words stay in ContainerRow::status and ::reason; this is the verdict over them.
enum class ContainerCondition {
    Running,     // up (and healthy or without a health check; pods: every container ready)
    Progressing, // created, pending, starting, restarting, init containers running, terminating
    Stopped,     // exited 0, completed, paused by the operator
    Failing,     // exited non-zero, crash loop, OOM-killed, unhealthy, image pull, evicted, error
    Unknown,
};

QString containerConditionId(ContainerCondition condition); // "running", "failing", ...
std::optional<ContainerCondition> containerConditionFromId(QStringView id);
QString containerConditionName(ContainerCondition condition); // translated

// One container (docker, podman) or one pod (Kubernetes), as the list shows it. Whatever a
// tool did not say stays at its "unknown" value (empty, -1, invalid time).
struct ContainerRow {
    // Where it lives.
    QString host; // the workspace's host name
    ContainerRuntime runtime = ContainerRuntime::Docker;
    QString context;       // Kubernetes: the kubeconfig context
    QString kubeNamespace; // Kubernetes: the namespace
    // What it belongs to: the compose project (docker, podman), or the owning workload as
    // KIND/NAME ("deployment/web", "statefulset/db", "job/backup-28450"; a bare pod: empty).
    QString project;
    QString service;                 // compose: the service; Kubernetes: empty
    QString composeWorkingDirectory; // compose: the project's directory, for up/down/--scale
    QStringList composeFiles;        // compose: its files, as the labels name them

    // What it is.
    QString name;           // container name, or pod name
    QString id;             // full container ID, or pod UID
    QString image;          // pods: every container's image, ", "-joined
    QStringList containers; // pods: the containers' names (logs -c, exec -c); else empty
    // Pods: init containers running when listed (native sidecars, an init step under way),
    // which exec -c can enter too.
    QStringList runningInitContainers;
    QMap<QString, QString> labels;

    // How it is doing.
    QString state;  // the tool's state word: running, exited, Running, Pending, ...
    QString status; // what the list shows: "Up 2 hours (unhealthy)", "Exited (137)",
                    // "CrashLoopBackOff", "Init:1/2", "Completed", "Terminating"
    QString reason; // the real reason when there is one: OOMKilled, CrashLoopBackOff, Evicted,
                    // ImagePullBackOff, Error, unhealthy; empty when running fine
    ContainerCondition condition = ContainerCondition::Unknown;
    int exitCode = -1;   // the last exit code, when it exited
    int ready = -1;      // pods: ready containers; docker, podman: 1 when running (and healthy)
    int readyTotal = -1; // pods: containers (sidecars included); docker, podman: 1
    int restarts = -1;   // restart count (pods: summed over containers)
    QString lastRestartReason; // why the last restart happened (OOMKilled, Error, ...)
    QDateTime lastRestartTime; // when the previous instance ended

    // Resources: from stats/top, when they answered.
    double cpuMillicores = -1;      // 1000 = one core busy
    qint64 memoryBytes = -1;        // in use
    qint64 memoryLimitBytes = -1;   // limit (docker, podman: the limit or the host's memory)
    qint64 memoryRequestBytes = -1; // Kubernetes: summed requests

    QString ports; // "0.0.0.0:8080->80/tcp, 443/tcp"; pods: container ports
    QString node;  // Kubernetes: the node
    QString podIp;
    QDateTime created; // for the age

    // A stable identity across refreshes: rows update in place by it.
    QString key() const;

    friend bool operator==(const ContainerRow &, const ContainerRow &) = default;
};

// A Kubernetes controller that owns pods: what `kubectl scale` and `rollout restart` act on.
struct KubeWorkload {
    QString context;
    QString kubeNamespace;
    QString kind; // deployment, statefulset, daemonset, job, cronjob, replicaset
    QString name;
    int desired = -1;   // spec.replicas (daemonset: desiredNumberScheduled; job: completions)
    int ready = -1;     // readyReplicas / numberReady / succeeded
    int updated = -1;   // updatedReplicas
    int available = -1; // availableReplicas
    QMap<QString, QString> selector; // spec.selector.matchLabels
    QString images;
    QDateTime created;

    QString qualifiedName() const { return kind + u'/' + name; } // "deployment/web"

    friend bool operator==(const KubeWorkload &, const KubeWorkload &) = default;
};

// One event about an object (`kubectl get events`, docker/podman die/oom/health events).
struct ContainerEvent {
    QDateTime time; // the last time it was seen
    QString type;   // Normal, Warning
    QString reason; // BackOff, OOMKilling, Pulled, Unhealthy, ...
    QString object; // KIND/NAME: "pod/web-7c9f-abcde"
    QString kubeNamespace;
    QString message;
    int count = 1;

    friend bool operator==(const ContainerEvent &, const ContainerEvent &) = default;
};

// Resource use of one container or pod, from `docker stats`, `podman stats` or `kubectl top`.
struct ContainerUsage {
    QString id;   // docker, podman: the container ID (as long as the tool gives it)
    QString name; // container name, or pod name
    QString kubeNamespace;
    double cpuMillicores = -1;
    qint64 memoryBytes = -1;
    qint64 memoryLimitBytes = -1;

    friend bool operator==(const ContainerUsage &, const ContainerUsage &) = default;
};

// A parser's answer: what it read, and what it could not read, each saying where.
template<typename T>
struct ParsedList {
    QList<T> items;
    QStringList errors; // "line 3: ...", "items[4].status: ..."; the rest was still read
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::ContainerRow)
