// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"

#include "app/backupscommand.h"
#include "app/checkcommand.h"
#include "app/containerscommand.h"
#include "app/dbcommand.h"
#include "app/logcommand.h"
#include "app/metricscommand.h"
#include "app/services.h"
#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/persistence/statestore.h"
#include "models/remote/commandrisk.h"
#include "models/remote/commandrunner.h"
#include "models/remote/hostregistry.h"
#include "models/remote/shellquote.h"
#include "models/runbooks/runbookparser.h"
#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspaceloader.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <cstring>

namespace OpsDeck::CommandLine {

namespace {

// The translation context of the command line's texts.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

int validateWorkspaces(const QStringList &files)
{
    QTextStream out(stdout);
    bool anyErrors = false;
    for (const QString &file : files) {
        const WorkspaceLoadResult result = loadWorkspaceFile(file);
        for (const Diagnostic &diagnostic : result.diagnostics)
            out << diagnostic.toString() << '\n';
        const qsizetype errors = countErrors(result.diagnostics);
        const qsizetype warnings = result.diagnostics.size() - errors;
        if (errors > 0) {
            anyErrors = true;
            out << Text::tr("%1: invalid; errors: %2, warnings: %3")
                       .arg(file)
                       .arg(errors)
                       .arg(warnings)
                << '\n';
        } else {
            out << Text::tr("%1: valid; environments: %2, hosts: %3, warnings: %4")
                       .arg(file)
                       .arg(result.workspace.environments.size())
                       .arg(result.workspace.hostCount())
                       .arg(warnings)
                << '\n';
        }
    }
    return anyErrors ? 1 : 0;
}

// `opsdeck run HOST -- COMMAND...`: one command on one host, audited like the console's.
int runOnHost(const QCommandLineParser &parser, const QStringList &words)
{
    QTextStream err(stderr);
    if (words.size() < 3) {
        err << Text::tr("usage: opsdeck [--workspace FILE] run HOST [options] -- COMMAND...")
            << '\n';
        return 2;
    }
    const QString hostName = words[1];
    const QStringList command = words.mid(2);
    Workspace workspace = builtInWorkspace();
    if (parser.isSet(QStringLiteral("workspace"))) {
        const WorkspaceLoadResult loaded =
            loadWorkspaceFile(parser.value(QStringLiteral("workspace")));
        if (!loaded.ok()) {
            for (const Diagnostic &diagnostic : loaded.diagnostics)
                err << diagnostic.toString() << '\n';
            return 2;
        }
        workspace = loaded.workspace;
    }
    addSshConfigHosts(workspace);
    if (!workspace.findHost(hostName)) {
        err << Text::tr("opsdeck: the workspace has no host '%1'").arg(hostName) << '\n';
        return 2;
    }

    // A single word is a command line as typed; several words are a program and its arguments.
    const QString text = command.size() == 1 ? command.front() : shellJoin(command);
    CommandRequest request;
    if (command.size() == 1)
        request.script = text;
    else
        request.argv = command;
    request.sudo = parser.isSet(QStringLiteral("sudo"));
    request.timeoutMs = parser.value(QStringLiteral("timeout")).toInt() * 1000;
    const RiskAssessment risk = CommandRunner::assess(request);
    const bool readOnly = parser.isSet(QStringLiteral("read-only"));
    // Refused before anything is built: a refused command does not even create the database.
    if (const QString refusal = ReadOnlyMode(readOnly).refusal(risk.risk); !refusal.isEmpty()) {
        err << refusal << ' ' << risk.reason << '\n';
        return 255;
    }
    if (risk.risk == Risk::Change && !parser.isSet(QStringLiteral("yes"))) {
        err << Text::tr("opsdeck: this command changes %1 (%2); add --yes to run it.")
                   .arg(hostName, risk.reason)
            << '\n';
        return 255;
    }
    if (risk.risk == Risk::Unknown && !parser.isSet(QStringLiteral("yes"))) {
        err << Text::tr("opsdeck: OpsDeck cannot tell what this command does on %1 (%2); add "
                        "--yes to run it.")
                   .arg(hostName, risk.reason)
            << '\n';
        return 255;
    }
    if (risk.risk == Risk::Destroy && parser.value(QStringLiteral("confirm")) != hostName) {
        err << Text::tr("opsdeck: this command can destroy data on %1 (%2); confirm with "
                        "--confirm %1.")
                   .arg(hostName, risk.reason)
            << '\n';
        return 255;
    }

    ServiceOptions options;
    options.readOnly = readOnly;
    options.keychain = false; // nobody to unlock one, and no password prompt either
    options.acceptUnknownHostKeys = parser.isSet(QStringLiteral("accept-unknown-host-key"));
    Services services(options);
    if (const StoreResult<QString> opened = services.waitUntilOpen(); !opened) {
        err << Text::tr("opsdeck: not run, the audit log cannot be opened: %1").arg(opened.error())
            << '\n';
        return 255;
    }
    // The command's own exit status stays the answer; a lost audit write is said on stderr.
    QObject::connect(services.auditLog(), &AuditLog::writeFailed, services.auditLog(),
                     [&](const QString &message) {
                         err << Text::tr("opsdeck: %1").arg(message) << '\n';
                         err.flush();
                     });
    services.hosts()->setWorkspace(workspace);
    // What the flags confirmed; the runner checks it against its own judgement again.
    if (parser.isSet(QStringLiteral("yes")))
        request.confirmedRisk = Risk::Unknown;
    if (parser.value(QStringLiteral("confirm")) == hostName) {
        request.confirmedRisk = Risk::Destroy;
        request.confirmedHosts = {hostName};
    }
    QEventLoop loop;
    CommandRun *run = services.runner()->run(services.hosts()->executor(hostName), request, &loop);
    QFile out;
    out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered);
    QFile errors;
    errors.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    QObject::connect(run, &CommandRun::standardOutput, &loop,
                     [&](const QByteArray &data) { out.write(data); });
    QObject::connect(run, &CommandRun::standardError, &loop,
                     [&](const QByteArray &data) { errors.write(data); });
    QObject::connect(run, &CommandRun::finished, &loop, [&] { loop.quit(); });
    loop.exec();
    // Until the end of the command is in the audit log (or reported as lost): the answer comes
    // behind the audit log's write, and with it writeFailed() if that write failed.
    (void)services.waitUntilOpen();
    const CommandResult &result = run->result();
    if (result.outcome == CommandResult::Outcome::Exited)
        return result.exitCode;
    err << Text::tr("opsdeck: %1: %2").arg(hostName, result.summary()) << '\n';
    return 255;
}

// `opsdeck audit verify [--json]`: walks the audit log's hash chain.
int verifyAuditLog(bool json)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    ServiceOptions options;
    options.keychain = false;
    Services services(options);
    if (const StoreResult<QString> opened = services.waitUntilOpen(); !opened) {
        err << Text::tr("opsdeck: the audit log cannot be opened: %1").arg(opened.error()) << '\n';
        return 2;
    }
    QEventLoop loop;
    std::optional<StoreResult<AuditChainReport>> answer;
    services.auditLog()->verify(&loop, [&](const StoreResult<AuditChainReport> &report) {
        answer = report;
        loop.quit();
    });
    loop.exec();
    if (!answer->ok()) {
        err << Text::tr("opsdeck: %1").arg(answer->error()) << '\n';
        return 2;
    }
    const AuditChainReport &report = answer->value();
    if (json)
        out << QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    else if (report.intact() && report.rows > 0)
        out << Text::tr("%1; head %2").arg(report.summary(), report.headHash) << '\n';
    else if (report.intact())
        out << report.summary() << '\n';
    else
        out << Text::tr("audit log: %1").arg(report.summary()) << '\n';
    return report.intact() ? 0 : 1;
}

// `opsdeck runbook show FILE [--json]`: what OpsDeck reads from a runbook, as an outline.
int showRunbook(const QString &file, bool json)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const Runbook runbook = loadRunbookFile(file);
    if (hasErrors(runbook.diagnostics)) {
        for (const Diagnostic &diagnostic : runbook.diagnostics)
            err << diagnostic.toString() << '\n';
        return 1;
    }
    if (json) {
        out << QString::fromUtf8(QJsonDocument(toJson(runbook)).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (!runbook.title.isEmpty())
        out << Text::tr("runbook: %1").arg(runbook.title) << '\n';
    for (const QString &repair : runbook.repairs)
        out << Text::tr("note: %1").arg(repair) << '\n';
    for (const Diagnostic &diagnostic : runbook.diagnostics)
        out << diagnostic.toString() << '\n';
    int runnable = 0;
    int references = 0;
    int outputs = 0;
    int checks = 0;
    int streaming = 0;
    int terminal = 0;
    QStringList placeholders;
    for (const RunbookSection &section : runbook.sections) {
        const QString indent(qMax(0, section.level - 1) * 2, u' ');
        if (section.level > 0)
            out << indent << QString(section.level, u'#') << u' ' << section.title << '\n';
        for (const RunbookBlock &block : section.blocks) {
            QString tag;
            switch (block.kind) {
            case RunbookBlock::Prose:
                continue;
            case RunbookBlock::Command:
                tag = Text::tr("command");
                break;
            case RunbookBlock::Sql:
                tag = Text::tr("sql");
                break;
            case RunbookBlock::Reference:
                tag = Text::tr("reference");
                break;
            case RunbookBlock::ManualCheck:
                tag = Text::tr("check");
                break;
            case RunbookBlock::ExpectedOutput:
                tag = Text::tr("output");
                break;
            }
            if (block.isRunnable())
                ++runnable;
            else if (block.kind == RunbookBlock::Reference)
                ++references;
            else if (block.kind == RunbookBlock::ExpectedOutput)
                ++outputs;
            else if (block.kind == RunbookBlock::ManualCheck)
                ++checks;
            QString first = block.text.section(u'\n', 0, 0).trimmed();
            if (first.size() > 60 || block.text.contains(u'\n'))
                first = first.left(60) + u'\u2026';
            QString entry =
                Text::tr("%1  [%2] line %3: %4").arg(indent, tag).arg(block.line).arg(first);
            if (block.isRunnable()) {
                const QString risk = riskName(block.risk).toLower();
                entry += block.riskReason.isEmpty()
                             ? Text::tr(" (risk: %1)").arg(risk)
                             : Text::tr(" (risk: %1 \u2014 %2)").arg(risk, block.riskReason);
            }
            if (!block.placeholders.isEmpty())
                entry += Text::tr(" placeholders: %1").arg(block.placeholders.join(u", "));
            if (block.unterminatedHeredoc)
                entry += Text::tr(" (unterminated here-document)");
            if (!block.streams.isEmpty()) {
                entry += Text::tr(" (streams until Stop)");
                ++streaming;
            }
            if (block.isTerminalOnly()) {
                entry += Text::tr(" (for a terminal: %1)").arg(block.terminalReason());
                ++terminal;
            }
            out << entry << '\n';
            for (const RunbookContextSwitch &contextSwitch : block.contextSwitches) {
                if (!contextSwitch.runsInside)
                    continue;
                const int innerLast = contextSwitch.exitLine >= 0 ? contextSwitch.exitLine - 1
                                                                  : contextSwitch.lastLine;
                out << Text::tr("%1      lines %2-%3 run inside: %4 '…'")
                           .arg(indent)
                           .arg(block.fileLineOf(contextSwitch.openerEnd + 1))
                           .arg(block.fileLineOf(innerLast))
                           .arg(contextSwitch.runInside)
                    << '\n';
            }
            for (const QString &placeholder : block.placeholders) {
                if (!placeholders.contains(placeholder))
                    placeholders.append(placeholder);
            }
        }
    }
    out << Text::tr("sections: %1, runnable steps: %2, reference blocks: %3, manual checks: %4, "
                    "placeholders: %5")
               .arg(runbook.sections.size())
               .arg(runnable)
               .arg(references)
               .arg(checks)
               .arg(placeholders.size())
        << '\n';
    out << Text::tr("output blocks: %1, streaming steps: %2, steps for a terminal: %3, "
                    "warnings: %4")
               .arg(outputs)
               .arg(streaming)
               .arg(terminal)
               .arg(runbook.diagnostics.size())
        << '\n';
    return 0;
}

} // namespace

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        Text::tr("OpsDeck, the operations console.\n\n"
                 "Commands that need no display:\n"
                 "  workspace validate FILE...  check workspace files and print problems as\n"
                 "                              file:line:column; exit status 1 on errors\n"
                 "  run HOST -- COMMAND...      run a command on a host of the workspace (or\n"
                 "                              this computer), audited; exit status is the\n"
                 "                              command's, 255 when it could not run\n"
                 "  runbook show FILE [--json]  print the sections, steps, risks and\n"
                 "                              placeholders OpsDeck reads from a runbook\n"
                 "  audit verify [--json]       check that no audit log row was edited,\n"
                 "                              removed or reordered; exit status 1 names\n"
                 "                              the first bad row\n"
                 "  logs stats FILE... [--json] lines, format, levels, first and last time\n"
                 "  logs grep [-E|-F] [-i] [-w] [-v] [-c] PATTERN FILE...\n"
                 "                              the log viewer's filter, printed as grep -n\n"
                 "                              does; --level, --since, --until, --json\n"
                 "  check [--env E] [--only KIND,...] [--json] [--report FILE]\n"
                 "                              run every health check of the workspace once;\n"
                 "                              exit status 0 OK, 1 warning, 2 critical,\n"
                 "                              3 unknown; --report writes the morning check\n"
                 "                              (.md or .html)\n"
                 "  metrics parse FILE|URL [--json]\n"
                 "                              what OpsDeck reads from a Prometheus or\n"
                 "                              OpenMetrics exposition (a file or a scrape);\n"
                 "                              exit status 1 on errors, with line:column\n"
                 "  containers [HOST...] [--runtime R] [--context C] [-n NS] [--json]\n"
                 "                              every container and pod of the workspace's\n"
                 "                              hosts; exit status 1 when one could not be\n"
                 "                              read (opsdeck containers --help)\n"
                 "  db overview|activity|locks|slow|tables|replication DATABASE [--json]\n"
                 "                              one DBA view of a workspace database; also\n"
                 "                              db cancel, terminate and terminate-idle\n"
                 "                              through the safety gate (opsdeck db --help)\n"
                 "  backups list [LOCATION...] [--json]\n"
                 "  backups verify FILE|LOCATION --level 0..3 [--json]\n"
                 "                              the backup catalog and the verification\n"
                 "                              ladder; exit status 1 when a location is\n"
                 "                              stale or a verification failed\n"
                 "                              (opsdeck backups --help)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("workspace"), Text::tr("Open the workspace FILE."), Text::tr("FILE")});
    parser.addOption({QStringLiteral("read-only"),
                      Text::tr("Start in read-only mode: nothing that changes a system runs.")});
    parser.addOption({QStringLiteral("screenshot"),
                      Text::tr("Save a picture of the main window to FILE once it is shown, "
                               "then quit."),
                      Text::tr("FILE")});
    parser.addOption({QStringLiteral("accept-unknown-host-key"),
                      Text::tr("run: accept a host key that no known_hosts file has (changed or "
                               "revoked keys are still refused).")});
    parser.addOption({QStringLiteral("sudo"), Text::tr("run: run the command through sudo -n.")});
    parser.addOption({QStringLiteral("timeout"),
                      Text::tr("run: stop the command after SECONDS; metrics parse: give up a "
                               "scrape after SECONDS (10 when not given)."),
                      Text::tr("SECONDS"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("yes"), Text::tr("run: allow a command that changes the host.")});
    parser.addOption({QStringLiteral("confirm"),
                      Text::tr("run: allow a destructive command by naming the HOST it runs on."),
                      Text::tr("HOST")});
    parser.addOption({QStringLiteral("json"),
                      Text::tr("runbook show, audit verify, metrics parse, check: print JSON.")});
    parser.addOption({QStringLiteral("env"), Text::tr("check: only the checks of environment ENV."),
                      Text::tr("ENV")});
    parser.addOption({QStringLiteral("only"),
                      Text::tr("check: only checks of these kinds (http, tcp, tls, host, redis, "
                               "postgres, alerts, metrics), comma-separated."),
                      Text::tr("KINDS")});
    parser.addOption({QStringLiteral("report"),
                      Text::tr("check: also write the report to FILE (Markdown, or HTML when "
                               "FILE ends in .html)."),
                      Text::tr("FILE")});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 Text::tr("A headless command, such as 'workspace validate'."),
                                 Text::tr("[command]"));
}

bool isHeadless(int argc, char **argv)
{
    // Options that take a value: their value is not a command word.
    static const char *const valued[] = {"--workspace", "--screenshot", "--timeout",
                                         "--confirm",   "-platform",    "--platform",
                                         "--env",       "--only",       "--report"};
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        if (std::strcmp(argument, "--help") == 0 || std::strcmp(argument, "-h") == 0 ||
            std::strcmp(argument, "--help-all") == 0 || std::strcmp(argument, "--version") == 0 ||
            std::strcmp(argument, "-v") == 0)
            return true;
        if (argument[0] != '-')
            return true; // a command word such as "workspace" or "run"
        if (std::strchr(argument, '=') == nullptr &&
            std::ranges::any_of(
                valued, [&](const char *option) { return std::strcmp(argument, option) == 0; }))
            ++i;
    }
    return false;
}

int runHeadless(const QStringList &arguments)
{
    // `logs grep` takes grep's own short options (-E, -i, -c…): it parses its words itself.
    const auto logs = std::find(arguments.cbegin() + std::min<qsizetype>(1, arguments.size()),
                                arguments.cend(), QStringLiteral("logs"));
    if (logs != arguments.cend() &&
        std::all_of(arguments.cbegin() + 1, logs,
                    [](const QString &word) { return word.startsWith(u'-'); }))
        return runLogCommand(QStringList(logs + 1, arguments.cend()));
    if (isContainersCommand(arguments))
        return runContainersCommand(arguments);
    if (isDbCommand(arguments))
        return runDbCommand(arguments);
    if (isBackupsCommand(arguments))
        return runBackupsCommand(arguments);
    QCommandLineParser parser;
    describe(parser);
    parser.process(arguments); // handles --help and --version and exits
    const QStringList words = parser.positionalArguments();
    QTextStream err(stderr);
    if (words.size() >= 2 && words[0] == u"workspace" && words[1] == u"validate") {
        if (words.size() < 3) {
            err << Text::tr("usage: opsdeck workspace validate FILE...") << '\n';
            return 2;
        }
        return validateWorkspaces(words.mid(2));
    }
    if (!words.isEmpty() && words[0] == u"run")
        return runOnHost(parser, words);
    if (words.size() >= 2 && words[0] == u"runbook" && words[1] == u"show") {
        if (words.size() != 3) {
            err << Text::tr("usage: opsdeck runbook show FILE [--json]") << '\n';
            return 2;
        }
        return showRunbook(words[2], parser.isSet(QStringLiteral("json")));
    }
    if (words.size() >= 2 && words[0] == u"audit" && words[1] == u"verify") {
        if (words.size() != 2) {
            err << Text::tr("usage: opsdeck audit verify [--json]") << '\n';
            return 2;
        }
        return verifyAuditLog(parser.isSet(QStringLiteral("json")));
    }
    if (!words.isEmpty() && words[0] == u"check") {
        if (words.size() != 1) {
            err << Text::tr("usage: opsdeck [--workspace FILE] check [--env ENV] [--only KINDS] "
                            "[--json] [--report FILE]")
                << '\n';
            return 3;
        }
        CheckCommandOptions options;
        options.workspaceFile = parser.value(QStringLiteral("workspace"));
        options.environment = parser.value(QStringLiteral("env"));
        options.only = parser.values(QStringLiteral("only"));
        options.json = parser.isSet(QStringLiteral("json"));
        options.reportFile = parser.value(QStringLiteral("report"));
        options.acceptUnknownHostKeys = parser.isSet(QStringLiteral("accept-unknown-host-key"));
        return runChecks(options);
    }
    if (words.size() >= 2 && words[0] == u"metrics" && words[1] == u"parse") {
        if (words.size() != 3) {
            err << Text::tr("usage: opsdeck metrics parse FILE|URL [--json] [--timeout SECONDS]")
                << '\n';
            return 2;
        }
        return parseMetrics(words[2], parser.isSet(QStringLiteral("json")),
                            parser.value(QStringLiteral("timeout")).toInt());
    }
    err << Text::tr("opsdeck: unknown command '%1'; see opsdeck --help").arg(words.join(u' '))
        << '\n';
    return 2;
}

QString noDisplayMessage()
{
    return Text::tr("opsdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                    "OpsDeck is a desktop application. To run it without a screen, use one of:\n"
                    "  xvfb-run -a opsdeck                  (a virtual X server)\n"
                    "  QT_QPA_PLATFORM=offscreen opsdeck    (no window at all, for tests)\n"
                    "Headless commands such as 'opsdeck workspace validate FILE' need no "
                    "display.");
}

} // namespace OpsDeck::CommandLine
