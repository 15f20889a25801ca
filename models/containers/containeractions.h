// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/containers/containerrow.h"
#include "models/logs/livelogsource.h"
#include "models/remote/executor.h"
#include "models/workspace/workspace.h"

namespace OpsDeck {

// What an operator can do to a row. Every action is a command for the CommandRunner: the gate
// judges its text (so read-only mode refuses each for real, whatever a button shows), asks
// for confirmation, audits it and puts it on the incident's timeline.
enum class ContainerActionKind {
    Logs,           // follow the log in the log viewer (Read)
    PreviousLogs,   // Kubernetes: the crashed container's previous instance
    Restart,        // the container; a pod: its workload's rollout restart
    Stop,           // docker, podman
    Start,          // docker, podman
    Delete,         // the container (forced when running), or the pod
    Scale,          // deployment/statefulset replicas, or the compose service
    RestartService, // compose: the service's containers
    ComposeUp,      // compose: the project up (detached)
    ComposeDown,    // compose: the project down
};

QString containerActionId(ContainerActionKind kind); // "restart", "compose-down", ...
std::optional<ContainerActionKind> containerActionFromId(QStringView id);
QString containerActionName(ContainerActionKind kind); // translated, for menus

// The actions that make sense for row (its runtime, state, compose project, workload).
QList<ContainerActionKind> containerActionsFor(const ContainerRow &row);

struct ContainerActionInput {
    int replicas = -1; // Scale: the count wanted
};

// The command for kind on row, with the host's settings (docker -H, podman --url). nullopt
// with *whyNot set when the action does not apply (a bare pod has no rollout; scale without
// a count). Logs are not a command here: see containerLogSpec().
std::optional<CommandRequest> containerActionRequest(const ContainerRow &row,
                                                     ContainerActionKind kind,
                                                     const ContainerSettings &settings,
                                                     const ContainerActionInput &input = {},
                                                     QString *whyNot = nullptr);

// What the operator types to confirm a Destroy: the container, pod or project name.
QString containerActionTarget(const ContainerRow &row, ContainerActionKind kind);

// The log viewer's live spec for row (previous: the last crashed instance, Kubernetes).
LiveLogSpec containerLogSpec(const ContainerRow &row, const ContainerSettings &settings,
                             bool previous = false);

// The start of a command run inside the container (`docker exec NAME`, `kubectl exec -n NS
// POD -c C --`): the Run Command console appends the operator's command to it.
QStringList containerExecPrefix(const ContainerRow &row, const ContainerSettings &settings,
                                const QString &kubeContainer = {});

// Kubernetes: the containers exec can enter, the pod's own first, then its running init
// containers (sidecars). More than one: the operator is asked which. Docker, podman: empty.
QStringList containerExecChoices(const ContainerRow &row);
// Whether exec fits the row: a running container or pod, or a pod whose init container runs.
bool containerCanExec(const ContainerRow &row);

} // namespace OpsDeck
