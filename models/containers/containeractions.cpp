// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/containers/containeractions.h"

#include "models/core/idtable.h"
#include "models/remote/shellquote.h"

#include <QCoreApplication>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ContainerActions)
};

constexpr std::array actionIds = {
    std::pair{ContainerActionKind::Logs, u"logs"},
    std::pair{ContainerActionKind::PreviousLogs, u"previous-logs"},
    std::pair{ContainerActionKind::Restart, u"restart"},
    std::pair{ContainerActionKind::Stop, u"stop"},
    std::pair{ContainerActionKind::Start, u"start"},
    std::pair{ContainerActionKind::Delete, u"delete"},
    std::pair{ContainerActionKind::Scale, u"scale"},
    std::pair{ContainerActionKind::RestartService, u"restart-service"},
    std::pair{ContainerActionKind::ComposeUp, u"compose-up"},
    std::pair{ContainerActionKind::ComposeDown, u"compose-down"},
};

bool isEngine(const ContainerRow &row)
{
    return row.runtime != ContainerRuntime::Kubernetes;
}

bool isCompose(const ContainerRow &row)
{
    return isEngine(row) && !row.project.isEmpty();
}

// deployment/web, statefulset/db: what rollout restart and scale act on.
bool hasRolloutOwner(const ContainerRow &row)
{
    return row.project.startsWith(u"deployment/") || row.project.startsWith(u"statefulset/") ||
           row.project.startsWith(u"daemonset/");
}

// podman-compose 1.0.3 reads `up --scale` and then ignores it: it would report success and
// start nothing.
bool composeScales(const ContainerRow &row)
{
    return row.runtime != ContainerRuntime::Podman;
}

bool isScalable(const ContainerRow &row)
{
    return row.project.startsWith(u"deployment/") || row.project.startsWith(u"statefulset/");
}

QStringList engineProgram(const ContainerRow &row, const ContainerSettings &settings)
{
    if (row.runtime == ContainerRuntime::Docker) {
        if (settings.dockerHost.isEmpty())
            return {u"docker"_s};
        return {u"docker"_s, u"-H"_s, settings.dockerHost};
    }
    if (settings.podmanUrl.isEmpty())
        return {u"podman"_s};
    return {u"podman"_s, u"--url"_s, settings.podmanUrl};
}

QStringList kubectl(const ContainerRow &row)
{
    QStringList argv{u"kubectl"_s};
    if (!row.context.isEmpty())
        argv << u"--context"_s << row.context;
    if (!row.kubeNamespace.isEmpty())
        argv << u"-n"_s << row.kubeNamespace;
    return argv;
}

// The compose project's own arguments after "compose" (or docker-compose): its name, the files
// and the directory its labels name, so the project is found wherever the command runs.
QStringList composeProject(const ContainerRow &row)
{
    QStringList args{u"-p"_s, row.project};
    for (const QString &file : row.composeFiles) {
        // compose v1 labels name the files relative to the project's directory.
        const bool relative = !file.startsWith(u'/') && !row.composeWorkingDirectory.isEmpty();
        args << u"-f"_s << (relative ? row.composeWorkingDirectory + u'/' + file : file);
    }
    // podman-compose (1.0.3) has no --project-directory and refuses the whole command line for
    // it: it takes the first file's directory, which the labels' files are relative to anyway.
    if (!row.composeWorkingDirectory.isEmpty() && row.runtime != ContainerRuntime::Podman)
        args << u"--project-directory"_s << row.composeWorkingDirectory;
    return args;
}

// docker compose (v2) where the host has it, docker-compose (v1) otherwise; podman's compose
// is podman-compose. One script, so the host decides: both branches are judged by the gate.
CommandRequest composeRequest(const ContainerRow &row, const ContainerSettings &settings,
                              const QStringList &verbArgs)
{
    CommandRequest request;
    const QStringList project = composeProject(row);
    if (row.runtime == ContainerRuntime::Podman) {
        request.argv = QStringList{u"podman-compose"_s} + project + verbArgs;
        return request;
    }
    const QString v2 =
        shellJoin(engineProgram(row, settings) + QStringList{u"compose"_s} + project + verbArgs);
    QStringList v1Program{u"docker-compose"_s};
    if (!settings.dockerHost.isEmpty())
        v1Program << u"-H"_s << settings.dockerHost;
    const QString v1 = shellJoin(v1Program + project + verbArgs);
    request.script = u"if %1 compose version >/dev/null 2>&1; then\n  %2\nelse\n  %3\nfi\n"_s.arg(
        shellJoin(engineProgram(row, settings)), v2, v1);
    return request;
}

} // namespace

QString containerActionId(ContainerActionKind kind)
{
    return idOf(actionIds, kind);
}

std::optional<ContainerActionKind> containerActionFromId(QStringView id)
{
    return fromId(actionIds, id);
}

QString containerActionName(ContainerActionKind kind)
{
    switch (kind) {
    case ContainerActionKind::Logs:
        return Text::tr("Logs");
    case ContainerActionKind::PreviousLogs:
        return Text::tr("Previous Logs");
    case ContainerActionKind::Restart:
        return Text::tr("Restart");
    case ContainerActionKind::Stop:
        return Text::tr("Stop");
    case ContainerActionKind::Start:
        return Text::tr("Start");
    case ContainerActionKind::Delete:
        return Text::tr("Delete");
    case ContainerActionKind::Scale:
        return Text::tr("Scale…");
    case ContainerActionKind::RestartService:
        return Text::tr("Restart Service");
    case ContainerActionKind::ComposeUp:
        return Text::tr("Compose Up");
    case ContainerActionKind::ComposeDown:
        return Text::tr("Compose Down");
    }
    return {};
}

QList<ContainerActionKind> containerActionsFor(const ContainerRow &row)
{
    QList<ContainerActionKind> actions{ContainerActionKind::Logs};
    if (isEngine(row)) {
        const bool running =
            row.state == u"running" || row.state == u"restarting" || row.state == u"paused";
        actions << ContainerActionKind::Restart
                << (running ? ContainerActionKind::Stop : ContainerActionKind::Start)
                << ContainerActionKind::Delete;
        if (isCompose(row)) {
            if (!row.service.isEmpty()) {
                actions << ContainerActionKind::RestartService;
                if (composeScales(row))
                    actions << ContainerActionKind::Scale;
            }
            actions << ContainerActionKind::ComposeUp << ContainerActionKind::ComposeDown;
        }
        return actions;
    }
    if (row.restarts > 0)
        actions << ContainerActionKind::PreviousLogs;
    if (hasRolloutOwner(row))
        actions << ContainerActionKind::Restart;
    if (isScalable(row))
        actions << ContainerActionKind::Scale;
    actions << ContainerActionKind::Delete;
    return actions;
}

std::optional<CommandRequest> containerActionRequest(const ContainerRow &row,
                                                     ContainerActionKind kind,
                                                     const ContainerSettings &settings,
                                                     const ContainerActionInput &input,
                                                     QString *whyNot)
{
    const auto refuse = [whyNot](const QString &reason) -> std::optional<CommandRequest> {
        if (whyNot)
            *whyNot = reason;
        return std::nullopt;
    };
    if (kind == ContainerActionKind::Scale && isCompose(row) && !composeScales(row))
        return refuse(Text::tr("Scale is not supported for podman-compose projects: "
                               "podman-compose ignores --scale. Set deploy.replicas for %1 in "
                               "the compose file and use Compose Up.")
                          .arg(row.service));
    if (!containerActionsFor(row).contains(kind))
        return refuse(
            Text::tr("%1 does not apply to %2")
                .arg(containerActionName(kind), row.name.isEmpty() ? row.project : row.name));
    if (kind == ContainerActionKind::Scale && input.replicas < 0)
        return refuse(Text::tr("Scale needs the number of replicas"));
    if (kind == ContainerActionKind::Logs || kind == ContainerActionKind::PreviousLogs)
        return refuse(Text::tr("Logs open in the log viewer"));

    CommandRequest request;
    // The least the action is; the gate judges the text and may find more.
    request.risk = Risk::Change;
    const QString replicas = QString::number(input.replicas);
    if (isEngine(row)) {
        const QStringList program = engineProgram(row, settings);
        // The full ID: a name can be reused by a new container between refresh and click.
        const QString target = row.id.isEmpty() ? row.name : row.id;
        switch (kind) {
        case ContainerActionKind::Restart:
            request.argv = program + QStringList{u"restart"_s, target};
            break;
        case ContainerActionKind::Stop:
            request.argv = program + QStringList{u"stop"_s, target};
            break;
        case ContainerActionKind::Start:
            request.argv = program + QStringList{u"start"_s, target};
            break;
        case ContainerActionKind::Delete:
            request.risk = Risk::Destroy;
            request.argv = program + QStringList{u"rm"_s};
            if (row.state == u"running" || row.state == u"restarting" || row.state == u"paused")
                request.argv << u"--force"_s;
            request.argv << target;
            break;
        case ContainerActionKind::RestartService:
            request = composeRequest(row, settings, {u"restart"_s, row.service});
            request.risk = Risk::Change;
            break;
        case ContainerActionKind::Scale:
            request = composeRequest(row, settings,
                                     {u"up"_s, u"-d"_s, u"--no-recreate"_s, u"--scale"_s,
                                      row.service + u'=' + replicas, row.service});
            request.risk = Risk::Change;
            break;
        case ContainerActionKind::ComposeUp:
            request = composeRequest(row, settings, {u"up"_s, u"-d"_s});
            request.risk = Risk::Change;
            break;
        case ContainerActionKind::ComposeDown:
            request = composeRequest(row, settings, {u"down"_s});
            request.risk = Risk::Destroy;
            break;
        case ContainerActionKind::Logs:
        case ContainerActionKind::PreviousLogs:
            break;
        }
        return request;
    }
    switch (kind) {
    case ContainerActionKind::Restart:
        request.argv = kubectl(row) + QStringList{u"rollout"_s, u"restart"_s, row.project};
        break;
    case ContainerActionKind::Scale:
        request.argv =
            kubectl(row) + QStringList{u"scale"_s, row.project, u"--replicas="_s + replicas};
        break;
    case ContainerActionKind::Delete:
        request.risk = Risk::Destroy;
        request.argv = kubectl(row) + QStringList{u"delete"_s, u"pod"_s, row.name};
        break;
    default:
        return refuse(Text::tr("%1 does not apply to pods").arg(containerActionName(kind)));
    }
    return request;
}

QString containerActionTarget(const ContainerRow &row, ContainerActionKind kind)
{
    switch (kind) {
    case ContainerActionKind::ComposeUp:
    case ContainerActionKind::ComposeDown:
        return row.project;
    case ContainerActionKind::Scale:
    case ContainerActionKind::RestartService:
        return row.runtime == ContainerRuntime::Kubernetes ? row.project : row.service;
    case ContainerActionKind::Restart:
        return row.runtime == ContainerRuntime::Kubernetes ? row.project : row.name;
    default:
        return row.name;
    }
}

LiveLogSpec containerLogSpec(const ContainerRow &row, const ContainerSettings &settings,
                             bool previous)
{
    LiveLogSpec spec;
    spec.host = row.host;
    spec.name = row.name;
    spec.container = row.runtime == ContainerRuntime::Kubernetes ? row.name
                     : row.id.isEmpty()                          ? row.name
                                                                 : row.id;
    switch (row.runtime) {
    case ContainerRuntime::Docker:
        spec.kind = LiveLogSpec::Kind::Docker;
        spec.engineEndpoint = settings.dockerHost;
        break;
    case ContainerRuntime::Podman:
        spec.kind = LiveLogSpec::Kind::Podman;
        spec.engineEndpoint = settings.podmanUrl;
        break;
    case ContainerRuntime::Kubernetes:
        spec.kind = LiveLogSpec::Kind::Kubernetes;
        spec.kubeNamespace = row.kubeNamespace;
        spec.kubeContext = row.context;
        spec.previous = previous;
        // The first container: the app, in the usual pod; a sidecar is one click away.
        spec.kubeContainer = row.containers.value(0);
        break;
    }
    return spec;
}

QStringList containerExecPrefix(const ContainerRow &row, const ContainerSettings &settings,
                                const QString &kubeContainer)
{
    if (isEngine(row))
        return engineProgram(row, settings) +
               QStringList{u"exec"_s, row.id.isEmpty() ? row.name : row.id};
    QStringList argv = kubectl(row) + QStringList{u"exec"_s, row.name};
    const QString container = kubeContainer.isEmpty() ? row.containers.value(0) : kubeContainer;
    if (!container.isEmpty())
        argv << u"-c"_s << container;
    argv << u"--"_s;
    return argv;
}

QStringList containerExecChoices(const ContainerRow &row)
{
    if (row.runtime != ContainerRuntime::Kubernetes)
        return {};
    QStringList choices = row.containers;
    for (const QString &name : row.runningInitContainers) {
        if (!choices.contains(name))
            choices.append(name);
    }
    return choices;
}

bool containerCanExec(const ContainerRow &row)
{
    return row.condition == ContainerCondition::Running ||
           (row.runtime == ContainerRuntime::Kubernetes && !row.runningInitContainers.isEmpty());
}

} // namespace OpsDeck
