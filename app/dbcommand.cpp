// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dbcommand.h"

#include "app/commandword.h"
#include "app/services.h"
#include "models/core/units.h"
#include "models/database/databasejson.h"
#include "models/database/databasequeries.h"
#include "models/database/databasesession.h"
#include "models/remote/hostregistry.h"
#include "models/workspace/sshconfigimport.h"
#include "models/workspace/workspaceloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTimer>

#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace OpsDeck::CommandLine {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DbCommand)
};

constexpr int failedExit = 1;
constexpr int usageExit = 2;

const QStringList &viewCommands()
{
    static const QStringList commands = {u"overview"_s, u"activity"_s, u"locks"_s,
                                         u"slow"_s,     u"tables"_s,   u"replication"_s};
    return commands;
}

const QStringList &actionCommands()
{
    static const QStringList commands = {u"cancel"_s, u"terminate"_s, u"terminate-idle"_s};
    return commands;
}

DatabaseView viewFor(const QString &command)
{
    if (command == u"overview")
        return DatabaseView::Overview;
    if (command == u"slow")
        return DatabaseView::Statements;
    if (command == u"tables")
        return DatabaseView::Tables;
    if (command == u"replication")
        return DatabaseView::Replication;
    // activity, locks, and the actions: they need Activity to know OpsDeck's own sessions.
    return DatabaseView::Activity;
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Text::tr(
        "The DBA views of a workspace database, read once, and its actions through the safety "
        "gate.\n\n"
        "  db overview|locks|slow|tables|replication DATABASE [--json]\n"
        "  db activity DATABASE [--hide-idle] [--min-duration SECONDS] [--json]\n"
        "  db cancel DATABASE PID --yes\n"
        "  db terminate DATABASE PID --confirm PID\n"
        "  db terminate-idle DATABASE --older-than MIN [--confirm DATABASE]\n\n"
        "A database whose workspace entry has a keychain password needs it on standard input "
        "(--password-stdin): the command line opens no keychain. Exit status 1 when the "
        "database could not be read or an action was refused or failed, 2 on a usage error."));
    parser.addHelpOption();
    parser.addOption(
        {u"workspace"_s, Text::tr("Read the databases of the workspace FILE."), Text::tr("FILE")});
    parser.addOption({u"json"_s, Text::tr("Print JSON.")});
    parser.addOption({u"hide-idle"_s, Text::tr("activity: leave out idle sessions.")});
    parser.addOption({u"min-duration"_s,
                      Text::tr("activity: only sessions busy for at least SECONDS: an active "
                               "one by its query's age, any other by how long it has been in its "
                               "state (idle, idle in transaction)."),
                      Text::tr("SECONDS")});
    parser.addOption(
        {u"password-stdin"_s, Text::tr("Read the database password from the first line of standard "
                                       "input.")});
    parser.addOption({u"read-only"_s, Text::tr("Read-only mode: every action is refused.")});
    parser.addOption({u"yes"_s, Text::tr("cancel: confirm the change.")});
    parser.addOption({u"confirm"_s,
                      Text::tr("terminate: the PID typed again; terminate-idle: the DATABASE "
                               "name typed again."),
                      Text::tr("TARGET")});
    parser.addOption({u"older-than"_s,
                      Text::tr("terminate-idle: sessions idle for more than MINUTES."),
                      Text::tr("MINUTES")});
    parser.addOption({u"timeout"_s,
                      Text::tr("Give up when the database has not answered after SECONDS (30 "
                               "when not given)."),
                      Text::tr("SECONDS"), u"30"_s});
    parser.addOption({u"accept-unknown-host-key"_s,
                      Text::tr("Accept a host key that no known_hosts file has (for a database "
                               "reached through an SSH tunnel).")});
    parser.addPositionalArgument(u"db"_s, Text::tr("The command."), u"db"_s);
    parser.addPositionalArgument(u"what"_s, Text::tr("The view or the action."),
                                 Text::tr("VIEW|ACTION"));
    parser.addPositionalArgument(u"database"_s, Text::tr("A database of the workspace."),
                                 Text::tr("DATABASE"));
    parser.addPositionalArgument(u"pid"_s, Text::tr("cancel, terminate: the session."),
                                 Text::tr("[PID]"));
}

// Trailing blanks only: the lock tree's first column is indented.
QString rightTrimmed(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    return text.left(end);
}

void printTable(QTextStream &out, const QStringList &header, const QList<QStringList> &lines)
{
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths.append(title.size());
    for (const QStringList &line : lines) {
        for (qsizetype column = 0; column < line.size() && column < widths.size(); ++column)
            widths[column] = std::max(widths[column], line.at(column).size());
    }
    const auto print = [&](const QStringList &line) {
        QString text;
        for (qsizetype column = 0; column < line.size() && column < widths.size(); ++column)
            text += line.at(column).leftJustified(widths.at(column) + 2);
        out << rightTrimmed(text) << '\n';
    };
    print(header);
    for (const QStringList &line : lines)
        print(line);
}

// The rows of a model as the page shows them: titles from headerData, cells from DisplayRole;
// a tree depth first, its first column indented by depth.
using RowFilter = std::function<bool(int row)>;

void collectRows(const QAbstractItemModel *model, const QModelIndex &parent, int depth,
                 QList<QStringList> &lines, const RowFilter &keep)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        if (keep && !parent.isValid() && !keep(row))
            continue;
        QStringList line;
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QString cell = model->index(row, column, parent).data().toString();
            line.append(column == 0 ? QString(depth * 2, u' ') + cell : cell);
        }
        lines.append(line);
        const QModelIndex child = model->index(row, 0, parent);
        if (model->hasChildren(child))
            collectRows(model, child, depth + 1, lines, keep);
    }
}

void printModel(QTextStream &out, const QAbstractItemModel *model, const RowFilter &keep = {})
{
    QStringList header;
    for (int column = 0; column < model->columnCount(); ++column)
        header.append(model->headerData(column, Qt::Horizontal).toString());
    QList<QStringList> lines;
    collectRows(model, {}, 0, lines, keep);
    printTable(out, header, lines);
}

QString percentText(double percent)
{
    return percent < 0 ? Text::tr("n/a")
                       : Text::tr("%1 %").arg(QLocale().toString(percent, 'f', 1));
}

void printOverview(QTextStream &out, DatabaseSession *session, const DatabaseSnapshot &snapshot)
{
    const OverviewFigures figures = overviewFigures(snapshot, session->thresholds());
    const ServerInfo &server = snapshot.server;
    out << Text::tr("Server: PostgreSQL %1").arg(server.version) << '\n';
    if (server.startedAt.isValid() && snapshot.takenAt.isValid())
        out << Text::tr("Up: %1 (since %2)")
                   .arg(formatDuration(server.startedAt.msecsTo(snapshot.takenAt)),
                        server.startedAt.toUTC().toString(Qt::ISODate))
            << '\n';
    QStringList states;
    for (const ConnectionCount &count : snapshot.connections)
        states.append(Text::tr("%1 %2").arg(count.state).arg(count.count));
    static const QStringList verdicts = {Text::tr("fine"), Text::tr("warning"),
                                         Text::tr("critical")};
    out << Text::tr("Connections: %1 of %2 usable (max_connections %3): %4, %5")
               .arg(figures.clientConnections)
               .arg(figures.usableConnections)
               .arg(server.maxConnections)
               .arg(percentText(figures.connectionsPercent),
                    verdicts.value(figures.connectionsVerdict))
        << '\n';
    if (!states.isEmpty())
        out << Text::tr("By state: %1").arg(states.join(u", "_s)) << '\n';
    out << Text::tr("Cache hit ratio: %1").arg(percentText(figures.cacheHitPercent)) << '\n';
    out << Text::tr("Rollbacks: %1, deadlocks: %2, temp files: %3 (%4)")
               .arg(figures.rollbacks)
               .arg(figures.deadlocks)
               .arg(figures.tempFiles)
               .arg(formatBytes(figures.tempBytes))
        << '\n'
        << '\n';
    printModel(out, session->databaseStats());
}

void printReplication(QTextStream &out, DatabaseSession *session, const DatabaseSnapshot &snapshot)
{
    out << Text::tr("Replicas") << '\n';
    if (snapshot.replicas.isEmpty())
        out << Text::tr("(no standby streams from this server)") << '\n';
    else
        printModel(out, session->replicas());
    out << '\n' << Text::tr("Replication slots") << '\n';
    if (snapshot.slots.isEmpty())
        out << Text::tr("(none)") << '\n';
    else
        printModel(out, session->slots());
    for (const SlotRow &slot : snapshot.slots) {
        if (!slot.active)
            out << Text::tr("warning: slot %1 is inactive and keeps %2 of WAL")
                       .arg(slot.name, slot.retainedBytes < 0 ? Text::tr("an unknown amount")
                                                              : formatBytes(slot.retainedBytes))
                << '\n';
    }
    out << '\n';
    if (const std::optional<ArchiverStatus> &archiver = snapshot.archiver) {
        out << Text::tr("Archiver: archive_mode %1, %2 archived (last %3), %4 failed (last %5)")
                   .arg(archiver->mode)
                   .arg(archiver->archivedCount)
                   .arg(archiver->lastArchivedWal.isEmpty() ? Text::tr("none")
                                                            : archiver->lastArchivedWal)
                   .arg(archiver->failedCount)
                   .arg(archiver->lastFailedWal.isEmpty() ? Text::tr("none")
                                                          : archiver->lastFailedWal)
            << '\n';
    } else {
        out << Text::tr("Archiver: not readable here") << '\n';
    }
}

// Waits in a local event loop until done() was called or the time is up; false on timeout.
bool waitFor(const std::function<bool()> &done, QEventLoop &loop, int timeoutMs)
{
    if (done())
        return true;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    while (!done() && timer.isActive())
        loop.exec();
    return done();
}

// The first line of standard input, without its line end; nullopt when there is none.
std::optional<QString> passwordFromStdin()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

} // namespace

bool isDbCommand(const QStringList &arguments)
{
    static const QStringList valued = {u"--workspace"_s, u"--confirm"_s, u"--older-than"_s,
                                       u"--timeout"_s, u"--min-duration"_s};
    return commandWord(arguments, valued) == u"db"_s;
}

int runDbCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(arguments); // --help exits here
    const QStringList words = parser.positionalArguments();
    const QString command = words.value(1);
    const bool isAction = actionCommands().contains(command);
    const qsizetype expectedWords = command == u"cancel" || command == u"terminate" ? 4 : 3;
    if (words.value(0) != u"db" || (!viewCommands().contains(command) && !isAction) ||
        words.size() != expectedWords) {
        err << parser.helpText();
        return usageExit;
    }
    const QString name = words.at(2);
    const bool json = parser.isSet(u"json"_s);

    int pid = 0;
    if (expectedWords == 4) {
        bool ok = false;
        pid = words.at(3).toInt(&ok);
        if (!ok || pid <= 0) {
            err << Text::tr("opsdeck db %1: '%2' is not a process id").arg(command, words.at(3))
                << '\n';
            return usageExit;
        }
    }
    int olderThan = 0;
    if (command == u"terminate-idle") {
        bool ok = false;
        olderThan = parser.value(u"older-than"_s).toInt(&ok);
        if (!ok || olderThan < 1) {
            err << Text::tr("opsdeck db terminate-idle: give the idle time in whole minutes, "
                            "at least 1: --older-than MINUTES")
                << '\n';
            return usageExit;
        }
    }
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(u"timeout"_s).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds < 1) {
        err << Text::tr("opsdeck db: --timeout takes whole seconds, at least 1") << '\n';
        return usageExit;
    }
    const int timeoutMs = timeoutSeconds * 1000;
    qint64 minimumMs = 0;
    if (parser.isSet(u"min-duration"_s)) {
        bool ok = false;
        minimumMs = qint64(parser.value(u"min-duration"_s).toDouble(&ok) * 1000);
        if (!ok || minimumMs < 0) {
            err << Text::tr("opsdeck db: --min-duration takes seconds, such as 30 or 0.5") << '\n';
            return usageExit;
        }
    }
    const bool hideIdle = parser.isSet(u"hide-idle"_s);
    // The Activity page's filters, with the page's meaning of a duration.
    const auto shownActivity = [hideIdle, minimumMs](const ActivityRow &row) {
        return activityRowShown(row, hideIdle, minimumMs);
    };

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

    ServiceOptions serviceOptions;
    serviceOptions.keychain = false; // as `opsdeck check`: nobody to unlock one here
    serviceOptions.readOnly = parser.isSet(u"read-only"_s);
    serviceOptions.acceptUnknownHostKeys = parser.isSet(u"accept-unknown-host-key"_s);
    Services services(serviceOptions);
    if (const StoreResult<QString> opened = services.waitUntilOpen(); !opened) {
        // Actions are audited, and the views share the services: without the log nothing runs.
        err << Text::tr("opsdeck db: the audit log cannot be opened: %1").arg(opened.error())
            << '\n';
        return failedExit;
    }
    services.hosts()->setWorkspace(workspace);
    DatabaseMonitor *monitor = services.databases();
    monitor->setWorkspace(workspace);
    DatabaseSession *session = monitor->session(name);
    if (!session) {
        QStringList known;
        for (const DatabaseMonitor::Entry &entry : monitor->databases())
            known.append(entry.database.name);
        err << (known.isEmpty()
                    ? Text::tr("opsdeck db: the workspace has no database '%1', and no database "
                               "at all (give the workspace with --workspace FILE)")
                          .arg(name)
                    : Text::tr("opsdeck db: the workspace has no database '%1'; it has: %2")
                          .arg(name, known.join(u", "_s)))
            << '\n';
        return usageExit;
    }

    std::optional<QString> password;
    if (parser.isSet(u"password-stdin"_s)) {
        password = passwordFromStdin();
        if (!password) {
            err << Text::tr("opsdeck db: --password-stdin: standard input has no line with the "
                            "password of database %1")
                       .arg(name)
                << '\n';
            return usageExit;
        }
    } else if (!session->database().password.isEmpty()) {
        err << Text::tr("opsdeck db: database %1 needs the password of keychain entry '%2', and "
                        "the command line opens no keychain: give the password on standard "
                        "input with --password-stdin")
                   .arg(name, session->database().password.entry)
            << '\n';
        return usageExit;
    }

    // One refresh of the view (connecting first); a connection that fails ends the wait too.
    const DatabaseView view = viewFor(command);
    bool refreshed = false;
    bool failed = false;
    QString failure;
    QEventLoop loop;
    QObject::connect(session, &DatabaseSession::refreshed, &loop, [&](DatabaseView done) {
        if (done == view) {
            refreshed = true;
            loop.quit();
        }
    });
    QObject::connect(session, &DatabaseSession::stateChanged, &loop, [&] {
        // Kept as it is now: a queued retry of the other view may clear the session's error.
        if (session->state() == DatabaseConnectionState::Failed && !failed) {
            failed = true;
            failure = session->error();
            loop.quit();
        }
    });
    session->setPaused(true);
    session->setActiveView(view);
    if (password)
        session->providePassword(*password, false);
    else
        session->refresh(view);
    if (!waitFor([&] { return refreshed || failed; }, loop, timeoutMs)) {
        err << Text::tr("opsdeck db: database %1 (%2) did not answer within %3")
                   .arg(name, session->title(), formatDuration(timeoutMs))
            << '\n';
        return failedExit;
    }
    const DatabaseSnapshot snapshot = session->lastSnapshot(view);
    QString error = refreshed ? snapshot.error : failure;
    if (failed && error.isEmpty())
        error = Text::tr("the connection failed");
    if (!error.isEmpty()) {
        if (!error.contains(name))
            error = Text::tr("database %1: %2").arg(name, error);
        err << Text::tr("opsdeck db: %1").arg(error) << '\n';
        return failedExit;
    }

    if (!isAction) {
        QJsonObject document;
        if (command == u"overview") {
            document = overviewJson(snapshot, session->thresholds());
            if (!json)
                printOverview(out, session, snapshot);
        } else if (command == u"activity") {
            DatabaseSnapshot shown = snapshot;
            shown.activity.removeIf([&](const ActivityRow &row) { return !shownActivity(row); });
            document = activityJson(shown);
            if (!json) {
                const ActivityModel *model = session->activity();
                printModel(out, model, [&](int row) { return shownActivity(model->rowAt(row)); });
            }
        } else if (command == u"locks") {
            document = lockTreeJson(session->locks()->tree());
            if (!json) {
                if (session->locks()->tree().isEmpty())
                    out << Text::tr("No session waits for a lock in database %1.").arg(name)
                        << '\n';
                else
                    printModel(out, session->locks());
            }
        } else if (command == u"slow") {
            document = statementsJson(snapshot);
            if (!json) {
                if (!snapshot.statementsUnavailable.isEmpty())
                    out << snapshot.statementsUnavailable << '\n';
                else
                    printModel(out, session->statements());
            }
        } else if (command == u"tables") {
            document = tablesJson(snapshot);
            if (!json) {
                out << Text::tr("Tables") << '\n';
                printModel(out, session->tables());
                out << '\n' << Text::tr("Indexes") << '\n';
                printModel(out, session->indexes());
            }
        } else if (command == u"replication") {
            document = replicationJson(snapshot);
            if (!json)
                printReplication(out, session, snapshot);
        }
        // What the role may not see or do here, and the grant that would let it.
        const ServerInfo server = session->server();
        if (json) {
            document.insert(u"database"_s, name);
            document.insert(u"grant_hints"_s, grantHintsJson(server));
            out << QJsonDocument(document).toJson(QJsonDocument::Indented);
        } else {
            for (const GrantHint &hint : grantHints(server))
                err << Text::tr("opsdeck db: %1").arg(grantHintText(hint, server.user)) << '\n';
        }
        out.flush();
        return 0;
    }

    // --- Actions: what the flags confirmed; the gate judges it against the action's risk. ----
    ActionConfirmation confirmation;
    if (parser.isSet(u"yes"_s))
        confirmation.confirmedRisk = Risk::Change;
    if (parser.isSet(u"confirm"_s)) {
        confirmation.confirmedRisk = Risk::Destroy;
        confirmation.typedTargets = {parser.value(u"confirm"_s)};
    }
    std::optional<ActionOutcome> outcome;
    QString hint;
    QString success;
    const auto finished = [&](const ActionOutcome &result) {
        outcome = result;
        loop.quit();
    };
    if (command == u"cancel") {
        hint = Text::tr("to cancel the query of session %1, add --yes").arg(pid);
        success = Text::tr("Cancelled the query of session %1 in database %2.").arg(pid).arg(name);
        session->cancelQuery(pid, confirmation, &loop, finished);
    } else if (command == u"terminate") {
        hint = Text::tr("to terminate session %1, confirm with --confirm %1").arg(pid);
        success = Text::tr("Terminated session %1 in database %2.").arg(pid).arg(name);
        session->terminateBackend(pid, confirmation, &loop, finished);
    } else {
        std::optional<QList<ActivityRow>> preview;
        QString previewError;
        session->previewIdle(olderThan, &loop,
                             [&](const QList<ActivityRow> &rows, const QString &problem) {
                                 preview = rows;
                                 previewError = problem;
                                 loop.quit();
                             });
        if (!waitFor([&] { return preview.has_value(); }, loop, timeoutMs)) {
            err << Text::tr("opsdeck db: database %1 did not answer within %2")
                       .arg(name, formatDuration(timeoutMs))
                << '\n';
            return failedExit;
        }
        if (!previewError.isEmpty()) {
            err << Text::tr("opsdeck db: database %1: %2").arg(name, previewError) << '\n';
            return failedExit;
        }
        QList<int> pids;
        QJsonArray sessions;
        QList<QStringList> lines;
        for (const ActivityRow &row : std::as_const(*preview)) {
            pids.append(row.pid);
            sessions.append(activityRowJson(row));
            lines.append({QString::number(row.pid), row.user, row.database, row.application,
                          row.client, ageText(row.stateAgeMs), row.query.simplified().left(80)});
        }
        const bool confirmed = parser.isSet(u"confirm"_s);
        if (json) {
            QJsonArray pidList;
            for (int each : std::as_const(pids))
                pidList.append(each);
            out << QJsonDocument(QJsonObject{{u"database"_s, name},
                                             {u"older_than_min"_s, olderThan},
                                             {u"pids"_s, pidList},
                                             {u"sessions"_s, sessions}})
                       .toJson(QJsonDocument::Indented);
        } else if (pids.isEmpty()) {
            out << Text::tr("No session of database %1 has been idle for more than %2 min.")
                       .arg(name)
                       .arg(olderThan)
                << '\n';
        } else {
            out << Text::tr("Sessions idle for more than %1 min:").arg(olderThan) << '\n';
            printTable(out,
                       {Text::tr("PID"), Text::tr("User"), Text::tr("Database"),
                        Text::tr("Application"), Text::tr("Client"), Text::tr("Idle for"),
                        Text::tr("Last query")},
                       lines);
        }
        out.flush();
        if (pids.isEmpty())
            return 0;
        if (!confirmed) {
            err << Text::tr("opsdeck db: nothing was terminated; to terminate these %n "
                            "session(s), confirm with --confirm %1",
                            nullptr, int(pids.size()))
                       .arg(name)
                << '\n';
            return 0;
        }
        hint = Text::tr("to terminate them, confirm with --confirm %1").arg(name);
        success =
            Text::tr("Terminated %n idle session(s) in database %1.", nullptr, int(pids.size()))
                .arg(name);
        session->terminateIdle(olderThan, pids, confirmation, &loop, finished);
    }
    // No timeout here: the statement has its own (10 s), and an action that ran must be
    // reported as it ended, with its audit row.
    while (!outcome)
        loop.exec();
    (void)services.waitUntilOpen(); // the action's audit row is written before we leave
    if (!outcome->succeeded()) {
        err << Text::tr("opsdeck db: %1").arg(outcome->error) << '\n';
        if (serviceOptions.readOnly)
            err << Text::tr("opsdeck db: --read-only refuses every action") << '\n';
        else if (outcome->error.startsWith(u"Not run: this"_s))
            err << Text::tr("opsdeck db: %1").arg(hint) << '\n';
        return failedExit;
    }
    if (!json || command != u"terminate-idle")
        out << success << '\n';
    out.flush();
    return 0;
}

} // namespace OpsDeck::CommandLine
