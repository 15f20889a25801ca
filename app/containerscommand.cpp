// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/containerscommand.h"

#include "app/commandword.h"
#include "app/services.h"
#include "models/containers/containermonitor.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspaceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace OpsDeck::CommandLine {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ContainersCommand)
};

constexpr int usageExit = 2;

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        Text::tr("Every container and pod of the workspace's hosts (or the HOSTs named), read "
                 "once: docker, podman and kubectl on each host. Exit status 1 when a host or "
                 "runtime could not be read."));
    parser.addHelpOption();
    parser.addOption(
        {u"workspace"_s, Text::tr("Read the hosts of the workspace FILE."), Text::tr("FILE")});
    parser.addOption({u"runtime"_s,
                      Text::tr("Only this runtime (docker, podman, kubernetes); repeatable."),
                      Text::tr("RUNTIME")});
    parser.addOption(
        {u"context"_s, Text::tr("Kubernetes: this context; repeatable."), Text::tr("CONTEXT")});
    parser.addOption({{u"n"_s, u"namespace"_s},
                      Text::tr("Kubernetes: this namespace; repeatable."),
                      Text::tr("NAMESPACE")});
    parser.addOption({u"json"_s, Text::tr("Print JSON.")});
    parser.addOption({u"accept-unknown-host-key"_s,
                      Text::tr("Accept a host key that no known_hosts file has.")});
    parser.addPositionalArgument(u"containers"_s, Text::tr("The command."), u"containers"_s);
    parser.addPositionalArgument(u"host"_s, Text::tr("Hosts to read (default: every host)."),
                                 Text::tr("[HOST...]"));
}

QJsonValue numberOrNull(double value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

QString pad(const QString &text, qsizetype width)
{
    return text.leftJustified(width);
}

} // namespace

bool isContainersCommand(const QStringList &arguments)
{
    static const QStringList valued = {u"--workspace"_s, u"--runtime"_s, u"--context"_s, u"-n"_s,
                                       u"--namespace"_s};
    return commandWord(arguments, valued) == u"containers"_s;
}

int runContainersCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(arguments); // --help exits here
    QStringList hosts = parser.positionalArguments();
    if (hosts.isEmpty() || hosts.front() != u"containers") {
        err << parser.helpText();
        return usageExit;
    }
    hosts.removeFirst();

    QStringList runtimes;
    for (const QString &runtime : parser.values(u"runtime"_s)) {
        if (!containerRuntimeFromId(runtime)) {
            err << Text::tr("opsdeck containers: unknown runtime '%1'; use docker, podman or "
                            "kubernetes")
                       .arg(runtime)
                << '\n';
            return usageExit;
        }
        runtimes.append(runtime);
    }

    Workspace workspace = builtInWorkspace();
    if (const QString file = parser.value(u"workspace"_s); !file.isEmpty()) {
        const WorkspaceLoadResult loaded = loadWorkspaceFile(file);
        if (!loaded.ok()) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                err << diagnostic.toString() << '\n';
            return usageExit;
        }
        workspace = loaded.workspace;
    }
    addSshConfigHosts(workspace);
    // The options narrow each host's own settings; named hosts are read even when their
    // workspace entry turns containers off.
    QStringList known;
    for (Environment &environment : workspace.environments) {
        for (Host &host : environment.hosts) {
            known.append(host.name);
            ContainerSettings &settings = host.containers;
            if (hosts.contains(host.name))
                settings.enabled = true;
            if (!runtimes.isEmpty())
                settings.runtimes = runtimes;
            if (parser.isSet(u"context"_s))
                settings.kubeContexts = parser.values(u"context"_s);
            if (parser.isSet(u"n"_s))
                settings.kubeNamespaces = parser.values(u"n"_s);
        }
    }
    for (const QString &host : std::as_const(hosts)) {
        if (!known.contains(host)) {
            err << Text::tr("opsdeck containers: the workspace has no host '%1'").arg(host) << '\n';
            return usageExit;
        }
    }

    ServiceOptions serviceOptions;
    serviceOptions.keychain = false;
    serviceOptions.acceptUnknownHostKeys = parser.isSet(u"accept-unknown-host-key"_s);
    Services services(serviceOptions);
    if (const StoreResult<QString> opened = services.waitUntilOpen(); !opened) {
        err << Text::tr("opsdeck containers: the audit log cannot be opened: %1")
                   .arg(opened.error())
            << '\n';
        return usageExit;
    }
    services.hosts()->setWorkspace(workspace);
    ContainerMonitor *monitor = services.containers();
    ContainerPollOptions options;
    options.once = true;
    monitor->setPollOptions(options);
    monitor->setWorkspace(workspace, hosts);
    QEventLoop loop;
    QObject::connect(monitor, &ContainerMonitor::finished, &loop, &QEventLoop::quit);
    monitor->setActive(true);
    if (monitor->isActive() && !monitor->hosts().isEmpty())
        loop.exec();

    ContainerListModel *list = monitor->list();
    QJsonArray rows;
    QJsonArray errors;
    bool failed = false;
    QList<ContainerSource> sources = list->sources();
    std::sort(sources.begin(), sources.end(),
              [](const auto &a, const auto &b) { return a.key() < b.key(); });
    for (const ContainerSource &source : std::as_const(sources)) {
        const bool named = runtimes.contains(containerRuntimeId(source.runtime));
        if (source.state == ContainerSource::State::Failed ||
            (source.state == ContainerSource::State::Absent && named) ||
            source.state == ContainerSource::State::Waiting ||
            source.state == ContainerSource::State::Loading) {
            failed = true;
            errors.append(QJsonObject{
                {u"host"_s, source.host},
                {u"runtime"_s, containerRuntimeId(source.runtime)},
                {u"context"_s, source.context},
                {u"message"_s, source.error.isEmpty() ? Text::tr("no answer") : source.error}});
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QStringList> table;
    for (int index = 0; index < list->rowCount(); ++index) {
        if (list->isPlaceholder(index))
            continue;
        const ContainerRow &row = list->rowAt(index);
        rows.append(QJsonObject{
            {u"host"_s, row.host},
            {u"runtime"_s, containerRuntimeId(row.runtime)},
            {u"context"_s, row.context},
            {u"namespace"_s, row.kubeNamespace},
            {u"project"_s, row.project},
            {u"service"_s, row.service},
            {u"name"_s, row.name},
            {u"image"_s, row.image},
            {u"status"_s, row.status},
            {u"condition"_s, containerConditionId(row.condition)},
            {u"reason"_s, row.reason},
            {u"ready"_s, ContainerListModel::readyText(row)},
            {u"restarts"_s, row.restarts < 0 ? QJsonValue() : QJsonValue(row.restarts)},
            {u"lastRestartReason"_s, row.lastRestartReason},
            {u"cpu"_s, numberOrNull(row.cpuMillicores)},
            {u"memory"_s, numberOrNull(double(row.memoryBytes))},
            {u"memoryLimit"_s, numberOrNull(double(row.memoryLimitBytes))},
            {u"ports"_s, row.ports},
            {u"node"_s, row.node},
            {u"age"_s,
             row.created.isValid() ? QJsonValue(double(row.created.secsTo(now))) : QJsonValue()},
        });
        table.append(
            {row.host, containerRuntimeId(row.runtime),
             row.runtime == ContainerRuntime::Kubernetes ? row.context + u'/' + row.kubeNamespace
                                                         : QString(),
             row.project, row.name, ContainerListModel::statusText(row),
             ContainerListModel::readyText(row), ContainerListModel::restartsText(row, now),
             ContainerListModel::cpuText(row.cpuMillicores),
             ContainerListModel::memoryText(row.memoryBytes, row.memoryLimitBytes),
             ContainerListModel::ageText(row.created, now)});
    }
    if (parser.isSet(u"json"_s)) {
        out << QJsonDocument(QJsonObject{{u"rows"_s, rows}, {u"errors"_s, errors}})
                   .toJson(QJsonDocument::Indented);
    } else {
        const QStringList header = {Text::tr("HOST"),    Text::tr("RUNTIME"),  Text::tr("WHERE"),
                                    Text::tr("PROJECT"), Text::tr("NAME"),     Text::tr("STATUS"),
                                    Text::tr("READY"),   Text::tr("RESTARTS"), Text::tr("CPU"),
                                    Text::tr("MEMORY"),  Text::tr("AGE")};
        QList<qsizetype> widths;
        for (const QString &title : header)
            widths.append(title.size());
        for (const QStringList &line : std::as_const(table)) {
            for (qsizetype column = 0; column < line.size(); ++column)
                widths[column] = std::max(widths[column], line.at(column).size());
        }
        const auto print = [&](const QStringList &line) {
            QString text;
            for (qsizetype column = 0; column < line.size(); ++column)
                text += pad(line.at(column), widths.at(column) + 2);
            out << text.trimmed() << '\n';
        };
        print(header);
        for (const QStringList &line : std::as_const(table))
            print(line);
        for (const QJsonValue &error : std::as_const(errors)) {
            const QJsonObject object = error.toObject();
            err << Text::tr("opsdeck containers: %1 on %2: %3")
                       .arg(object.value(u"runtime"_s).toString(),
                            object.value(u"host"_s).toString(),
                            object.value(u"message"_s).toString())
                << '\n';
        }
    }
    out.flush();
    return failed ? 1 : 0;
}

} // namespace OpsDeck::CommandLine
