// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerpoller.h"
#include "models/containers/dockerjson.h"
#include "models/containers/kubernetesjson.h"
#include "testfiles.h"

#include <QList>
#include <QTimeZone>

// Container sources built from the captured tool output in tests/data/containers/ with the real
// parsers: what the Containers page's tests show, for two hosts in mixed states.
namespace ContainerSources {

inline QString dataPath(const QString &name)
{
    return QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/containers/") + name;
}

inline QDateTime updatedAt()
{
    return QDateTime(QDate(2026, 12, 6), QTime(14, 40), Qt::UTC);
}

// Docker 28.2 on host: seven containers (running, exited, restarting, unhealthy, OOM-killed and a
// compose project).
inline OpsDeck::ContainerSource docker(const QString &host)
{
    OpsDeck::ContainerSource source;
    source.host = host;
    source.runtime = OpsDeck::ContainerRuntime::Docker;
    source.state = OpsDeck::ContainerSource::State::Ready;
    source.updated = updatedAt();
    source.rows = OpsDeck::parseContainerInspect(
                      readFile(dataPath(QStringLiteral("docker/inspect-28.2.json"))),
                      OpsDeck::ContainerRuntime::Docker, host)
                      .items;
    return source;
}

// Podman 4.3 on host; failed: its last rows stay, stale, with the error.
inline OpsDeck::ContainerSource stalePodman(const QString &host)
{
    OpsDeck::ContainerSource source;
    source.host = host;
    source.runtime = OpsDeck::ContainerRuntime::Podman;
    source.state = OpsDeck::ContainerSource::State::Failed;
    source.error = QStringLiteral("Cannot connect to Podman: connection refused");
    source.rows = OpsDeck::parseContainerInspect(
                      readFile(dataPath(QStringLiteral("podman/inspect-4.3.json"))),
                      OpsDeck::ContainerRuntime::Podman, host)
                      .items;
    return source;
}

// A cluster's pods and workloads through context on host.
inline OpsDeck::ContainerSource kubernetes(const QString &host, const QString &context)
{
    OpsDeck::ContainerSource source;
    source.host = host;
    source.runtime = OpsDeck::ContainerRuntime::Kubernetes;
    source.context = context;
    source.state = OpsDeck::ContainerSource::State::Ready;
    source.updated = updatedAt();
    source.rows = OpsDeck::parseKubePodList(
                      readFile(dataPath(QStringLiteral("kubectl/pods-list.json"))), host, context)
                      .rows;
    source.workloads = OpsDeck::parseKubeWorkloads(
                           readFile(dataPath(QStringLiteral("kubectl/workloads.json"))), context)
                           .items;
    return source;
}

// A source that never answered: one placeholder row with the error.
inline OpsDeck::ContainerSource failedDocker(const QString &host)
{
    OpsDeck::ContainerSource source;
    source.host = host;
    source.runtime = OpsDeck::ContainerRuntime::Docker;
    source.state = OpsDeck::ContainerSource::State::Failed;
    source.error = QStringLiteral("permission denied while trying to connect to the Docker daemon "
                                  "socket");
    return source;
}

inline OpsDeck::ContainerSource absent(const QString &host, OpsDeck::ContainerRuntime runtime)
{
    OpsDeck::ContainerSource source;
    source.host = host;
    source.runtime = runtime;
    source.state = OpsDeck::ContainerSource::State::Absent;
    return source;
}

} // namespace ContainerSources
