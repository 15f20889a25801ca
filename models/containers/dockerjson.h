// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerrow.h"

#include <QByteArrayView>

namespace OpsDeck {

// Readers for what docker and podman print. Pure functions: text in, values out.
// runtime says whose dialect it is (podman's JSON differs: one array, other field names and
// types); host is put on each row.

// `docker ps -a --no-trunc --format '{{json .}}'` (one object per line) or
// `podman ps -a --format json` (one array). Fills what the list gives: id, name, image,
// state, status ("Up 2 hours (unhealthy)", "Exited (137) 5 minutes ago"), exit code,
// ports, labels, created, and the compose project, service, working directory and files from
// the com.docker.compose.* (and io.podman.compose.*) labels.
ParsedList<ContainerRow> parseContainerList(QByteArrayView output, ContainerRuntime runtime,
                                            const QString &host);

// `docker inspect ID...` / `podman inspect ID...` (an array): the same fields as the list and
// what only inspect knows: OOMKilled (reason "OOMKilled"), the health check's status
// (reason "unhealthy", condition Failing), restart count, FinishedAt (last restart time, when
// it restarted), memory limit, the full labels. Rows whose inspect is present replace the list's.
ParsedList<ContainerRow> parseContainerInspect(QByteArrayView json, ContainerRuntime runtime,
                                               const QString &host);

// `docker stats --no-stream --no-trunc --format '{{json .}}'` (one object per line) or
// `podman stats --no-stream --format json` (one array): "12.5%" -> 125 millicores,
// "1.5MiB / 7.7GiB" -> used and limit bytes.
ParsedList<ContainerUsage> parseContainerStats(QByteArrayView output, ContainerRuntime runtime);

// The verdict over a container's state words, shared by both readers: running and healthy
// (or no check) -> Running; created, restarting, starting health -> Progressing; exited 0 ->
// Stopped; paused -> Stopped; exited non-zero, dead, OOM-killed, unhealthy -> Failing.
ContainerCondition containerConditionFor(QStringView state, int exitCode, bool oomKilled,
                                         QStringView health);

// A size as docker and podman print it: "448KiB", "1.5MiB", "23.54GiB" (binary, docker
// stats), "466.9kB", "25.28GB" (decimal, podman stats), "0B"; -1 when it is none.
qint64 parseContainerSize(QStringView text);

} // namespace OpsDeck
