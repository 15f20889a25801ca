// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/checkcommand.h"

#include "app/services.h"
#include "models/core/filewriter.h"
#include "models/health/checkbatch.h"
#include "models/health/checkreport.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace OpsDeck::CommandLine {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)
};

constexpr int unknownExit = 3;

} // namespace

int runChecks(const CheckCommandOptions &options)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    Workspace workspace = builtInWorkspace();
    if (!options.workspaceFile.isEmpty()) {
        const WorkspaceLoadResult loaded = loadWorkspaceFile(options.workspaceFile);
        if (!loaded.ok()) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                err << diagnostic.toString() << '\n';
            return unknownExit;
        }
        workspace = loaded.workspace;
    }
    addSshConfigHosts(workspace);

    CheckPlanFilter filter;
    filter.environment = options.environment;
    for (const QString &word : options.only) {
        for (const QString &id : word.split(u',', Qt::SkipEmptyParts)) {
            const std::optional<CheckKind> kind = checkKindFromId(id.trimmed());
            if (!kind) {
                err << Text::tr("opsdeck check: unknown kind '%1'; use one of %2")
                           .arg(id, checkKindIds().join(u", "))
                    << '\n';
                return unknownExit;
            }
            filter.only.insert(*kind);
        }
    }
    if (!options.environment.isEmpty()) {
        const bool known =
            std::any_of(workspace.environments.cbegin(), workspace.environments.cend(),
                        [&](const Environment &environment) {
                            return environment.name == options.environment;
                        });
        if (!known) {
            err << Text::tr("opsdeck check: the workspace has no environment '%1'")
                       .arg(options.environment)
                << '\n';
            return unknownExit;
        }
    }
    const QList<CheckSpec> plan = planChecks(workspace, filter);

    ServiceOptions serviceOptions;
    serviceOptions.keychain = false; // cron has nobody to unlock one
    serviceOptions.acceptUnknownHostKeys = options.acceptUnknownHostKeys;
    Services services(serviceOptions);
    if (const StoreResult<QString> opened = services.waitUntilOpen(); !opened) {
        // Commands on hosts are audited: without the log they do not run.
        err << Text::tr("opsdeck check: the audit log cannot be opened: %1").arg(opened.error())
            << '\n';
        return unknownExit;
    }
    services.hosts()->setWorkspace(workspace);
    QNetworkAccessManager network;
    CheckExecutor executor(services.checkServices(&network, workspace));
    CheckBatch batch(&executor);
    QEventLoop loop;
    QObject::connect(&batch, &CheckBatch::finished, &loop, &QEventLoop::quit);
    batch.start(plan);
    if (batch.isRunning())
        loop.exec();

    CheckReport report;
    report.workspace = workspace.name;
    report.environment = options.environment;
    report.startedAt = batch.startedAt();
    report.finishedAt = batch.finishedAt();
    report.plan = batch.plan(); // with the dependency rows the answers reported
    report.results = batch.results();

    if (!options.reportFile.isEmpty()) {
        const bool html = options.reportFile.endsWith(u".html", Qt::CaseInsensitive) ||
                          options.reportFile.endsWith(u".htm", Qt::CaseInsensitive);
        const QString text = html ? checkReportHtml(report) : checkReportMarkdown(report);
        const FileWriteResult written = FileWriter::save(options.reportFile, text.toUtf8());
        if (!written.ok()) {
            err << Text::tr("opsdeck check: %1").arg(written.errorMessage()) << '\n';
            return unknownExit;
        }
    }
    if (options.json)
        out << QJsonDocument(checkReportJson(report)).toJson(QJsonDocument::Indented);
    else
        out << checkReportTable(report);
    out.flush();
    return exitCodeFor(report.overall());
}

} // namespace OpsDeck::CommandLine
