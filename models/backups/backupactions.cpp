// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backupactions.h"

#include "models/core/background.h"
#include "models/database/databaseconnection.h"
#include "models/incidents/incidentsession.h"
#include "models/remote/commandrunner.h"
#include "models/remote/serviceroute.h"
#include "models/remote/shellquote.h"
#include "models/workspace/workspace.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <memory>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(BackupActions)
};

constexpr qsizetype MaxErrorText = 4000;

// The command that writes the file's SQL (or dump) to standard output, decompressed.
QString decompressCommand(const BackupFile &file)
{
    const QString path = shellQuote(file.path);
    switch (file.compression) {
    case BackupCompression::Gzip:
        return u"gzip -dc -- "_s + path;
    case BackupCompression::Zstd:
        return u"zstd -dcq -- "_s + path;
    case BackupCompression::Lz4:
        return u"lz4 -dc -- "_s + path;
    case BackupCompression::Bzip2:
        return u"bzip2 -dc -- "_s + path;
    case BackupCompression::Xz:
        return u"xz -dc -- "_s + path;
    case BackupCompression::None:
        break;
    }
    return u"cat -- "_s + path;
}

// The compressor's own test of the whole file, so a truncated stream is never half-restored.
QString integrityCommand(const BackupFile &file)
{
    const QString path = shellQuote(file.path);
    switch (file.compression) {
    case BackupCompression::Gzip:
        return u"gzip -t -- "_s + path;
    case BackupCompression::Zstd:
        return u"zstd -tq -- "_s + path;
    case BackupCompression::Lz4:
        return u"lz4 -t -- "_s + path;
    case BackupCompression::Bzip2:
        return u"bzip2 -t -- "_s + path;
    case BackupCompression::Xz:
        return u"xz -t -- "_s + path;
    case BackupCompression::None:
        break;
    }
    return {};
}

QString lastLines(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes.right(MaxErrorText)).trimmed();
}

// What a finished command says about itself: empty when it succeeded.
QString failureOf(const CommandResult &result, const QByteArray &standardError, const QString &what)
{
    if (result.succeeded())
        return {};
    const QString detail = lastLines(standardError);
    if (result.outcome == CommandResult::Outcome::Failed && !result.error.isEmpty())
        return Text::tr("%1: %2").arg(what, result.error);
    return detail.isEmpty() ? Text::tr("%1: %2").arg(what, result.summary())
                            : Text::tr("%1 (%2): %3").arg(what, result.summary(), detail);
}

// Runs request and hands its output and result to done; stderr is kept up to a bound.
void runCollecting(
    CommandRunner *runner, Executor *executor, const CommandRequest &request, QObject *owner,
    std::optional<qint64> incidentId,
    std::function<void(const CommandResult &, const QByteArray &out, const QByteArray &err)> done)
{
    CommandRun *run = runner->run(executor, request, owner, incidentId);
    auto out = std::make_shared<QByteArray>();
    auto err = std::make_shared<QByteArray>();
    QObject::connect(run, &CommandRun::standardOutput, run, [out](const QByteArray &data) {
        if (out->size() < 1024 * 1024)
            out->append(data);
    });
    QObject::connect(run, &CommandRun::standardError, run, [err](const QByteArray &data) {
        err->append(data);
        if (err->size() > 2 * MaxErrorText)
            err->remove(0, err->size() - MaxErrorText);
    });
    QObject::connect(run, &CommandRun::finished, run,
                     [run, out, err, done = std::move(done)](const CommandResult &result) {
                         run->deleteLater();
                         done(result, *out, *err);
                     });
}

// Feeds a command's output to a scanner, one background job at a time and in order: the
// scanner is only ever touched by one thread at once, and what waits is only what arrived
// while the previous chunk was read.
class ScanPump final : public QObject
{
public:
    explicit ScanPump(BackupActions::ScanDone done, QObject *parent)
        : QObject(parent)
        , m_done(std::move(done))
    {
    }

    void add(const QByteArray &data)
    {
        m_queued.append(data);
        pump();
    }

    void end(const QString &error)
    {
        m_ended = true;
        m_error = error;
        pump();
    }

private:
    void pump()
    {
        if (m_running)
            return;
        if (!m_queued.isEmpty()) {
            m_running = true;
            const QByteArray chunk = std::exchange(m_queued, {});
            runInBackground(
                this,
                [scanner = m_scanner, chunk] {
                    scanner->feed(chunk);
                    return true;
                },
                [this](bool) {
                    m_running = false;
                    pump();
                });
            return;
        }
        if (m_ended && !m_answered) {
            m_answered = true;
            const PlainSqlScanResult result = m_scanner->finish();
            const ScanDone done = m_done;
            const QString error = m_error;
            deleteLater();
            done(result, error);
        }
    }

    using ScanDone = BackupActions::ScanDone;
    std::shared_ptr<PlainSqlScanner> m_scanner = std::make_shared<PlainSqlScanner>();
    ScanDone m_done;
    QByteArray m_queued;
    QString m_error;
    bool m_running = false;
    bool m_ended = false;
    bool m_answered = false;
};

// The target's size and its other client sessions: one row each, or one row with no session.
const QString RestoreTargetSql =
    u"SELECT pg_database_size(current_database()), a.pid, a.usename, a.application_name,"
    " coalesce(host(a.client_addr), 'local'), a.state"
    " FROM (SELECT 1) AS one LEFT JOIN pg_stat_activity AS a"
    " ON a.datname = current_database() AND a.pid <> pg_backend_pid()"
    " AND a.backend_type = 'client backend' ORDER BY a.pid"_s;

void readRestoreTarget(const QList<QVariantList> &rows, RestorePreview *preview)
{
    for (const QVariantList &row : rows) {
        preview->databaseSize = row.value(0).toLongLong();
        if (row.value(1).isNull())
            continue;
        RestoreSession session;
        session.pid = row.value(1).toInt();
        session.user = row.value(2).toString();
        session.application = row.value(3).toString();
        session.client = row.value(4).toString();
        session.state = row.value(5).toString();
        preview->sessions.append(session);
    }
}

// Why this file must not be restored over the previewed database, or empty: the rules the
// preview shows and restore() enforces.
QString restoreRefusal(const RestorePreview &preview)
{
    const BackupFile &file = preview.file;
    if (isScratchDatabaseName(preview.database))
        return Text::tr("Refused: \"%1\" is a scratch database of the test restore, not a "
                        "restore target.")
            .arg(preview.database);
    if (!file.isDatabaseDump())
        return Text::tr("Refused: %1 is not a database dump.").arg(file.name());
    if (file.isS3Object())
        return Text::tr("Refused: %1 is an S3 object; copy it to a host first and restore that "
                        "copy.")
            .arg(file.path);
    if (file.format == BackupFormat::PlainSql) {
        if (!preview.scanned)
            return Text::tr("Refused: the plain dump has not been scanned.");
        return plainRestoreRefusal(preview.scan, preview.psqlVersion);
    }
    return {};
}

QString describeTarget(const PgTarget &target)
{
    return Text::tr("database \"%1\" on %2:%3")
        .arg(target.database, target.server.host)
        .arg(target.server.port);
}

} // namespace

QString backupFileName(const QString &database, const QDateTime &utc)
{
    QString safe;
    for (const QChar c : database) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                           (c >= u'0' && c <= u'9') || c == u'_' || c == u'-' || c == u'.';
        safe += plain ? c : u'_';
    }
    while (safe.startsWith(u'.') || safe.startsWith(u'-'))
        safe[0] = u'_';
    if (safe.isEmpty())
        safe = u"database"_s;
    return u"%1-%2.dump"_s.arg(safe.left(100), utc.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
}

BackupActions::BackupActions(CommandRunner *runner, ActionGate *gate, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_gate(gate)
{
}

BackupActions::~BackupActions() = default;

void BackupActions::setIncident(IncidentSession *incident)
{
    m_incident = incident;
}

void BackupActions::scanPlainDump(Executor *executor, const BackupFile &file, QObject *context,
                                  ScanDone done)
{
    QPointer<QObject> guard(context);
    auto *pump = new ScanPump(
        [guard, done = std::move(done)](const PlainSqlScanResult &scan, const QString &error) {
            if (guard)
                done(scan, error);
        },
        this);
    CommandRequest request;
    request.script = decompressCommand(file) + u'\n';
    request.risk = Risk::Read;
    CommandRun *run = m_runner->run(executor, request, pump);
    auto err = std::make_shared<QByteArray>();
    connect(run, &CommandRun::standardOutput, pump, &ScanPump::add);
    connect(run, &CommandRun::standardError, pump, [err](const QByteArray &data) {
        if (err->size() < MaxErrorText)
            err->append(data);
    });
    connect(run, &CommandRun::finished, pump, [pump, err, file](const CommandResult &result) {
        pump->end(failureOf(result, *err, Text::tr("Reading %1:%2").arg(file.host, file.path)));
    });
}

void BackupActions::previewRestore(Executor *executor, const BackupFile &file,
                                   const PgTarget &target, QObject *context, PreviewDone done)
{
    auto preview = std::make_shared<RestorePreview>();
    preview->host = executor->hostName();
    preview->file = file;
    preview->database = target.database;
    QPointer<QObject> guard(context);
    QPointer<BackupActions> self(this);
    auto answer = [guard, preview, done]() {
        if (preview->refusal.isEmpty() && preview->error.isEmpty())
            preview->refusal = restoreRefusal(*preview);
        if (guard)
            done(*preview);
    };

    // The plain dump's scan and the host's psql, then the database itself, reached as the host
    // that will restore reaches it (through its tunnel for an SSH host): the database shown
    // is the one that host's restore writes into, not one the desktop's 127.0.0.1 names.
    auto readDatabase = [self, executor = QPointer<Executor>(executor), preview, target, answer]() {
        if (!self)
            return;
        if (!executor) {
            preview->error = Text::tr("The host went away during the preview.");
            answer();
            return;
        }
        auto *route = new QObject(self);
        const auto read = [self, route, preview, target, answer](const QString &host,
                                                                 quint16 port) {
            DatabaseConnectOptions options;
            options.name = target.database;
            options.host = host;
            options.port = port;
            options.database = target.database;
            options.user = target.server.user;
            options.password = target.password;
            options.sslMode = target.server.sslMode;
            options.applicationName = u"opsdeck-restore-preview"_s;
            auto *connection = new DatabaseConnection(options, route);
            DatabaseStatement statement;
            statement.sql = RestoreTargetSql;
            connection->execute(
                statement, self,
                [route, preview, target, answer](const DatabaseStatementResult &result) {
                    route->deleteLater(); // the connection and the tunnel
                    if (!result.succeeded())
                        preview->error = Text::tr("Cannot read %1: %2")
                                             .arg(describeTarget(target), result.error);
                    else
                        readRestoreTarget(result.rows, preview.get());
                    answer();
                });
        };
        reachThrough(executor, target.server.host, quint16(target.server.port), route, read,
                     [route, preview, target, answer](const QString &error) {
                         route->deleteLater();
                         preview->error =
                             Text::tr("Cannot reach %1: %2").arg(describeTarget(target), error);
                         answer();
                     });
    };

    if (file.format != BackupFormat::PlainSql) {
        readDatabase();
        return;
    }
    checkPlainDump(executor, file, this,
                   [preview, readDatabase, answer](const PlainDumpCheck &check) {
                       preview->psqlVersion = check.psqlVersion;
                       preview->scan = check.scan;
                       preview->scanned = check.scanned;
                       if (!check.error.isEmpty()) {
                           preview->error = check.error;
                           answer();
                           return;
                       }
                       readDatabase();
                   });
}

QString PlainDumpCheck::refusal() const
{
    if (!error.isEmpty())
        return error;
    if (!scanned)
        return Text::tr("Refused: the plain dump has not been scanned.");
    return plainRestoreRefusal(scan, psqlVersion);
}

void BackupActions::checkPlainDump(Executor *executor, const BackupFile &file, QObject *context,
                                   PlainCheckDone done)
{
    QPointer<QObject> guard(context);
    QPointer<BackupActions> self(this);
    auto check = std::make_shared<PlainDumpCheck>();
    const auto answer = [guard, check, done]() {
        if (guard)
            done(*check);
    };
    CommandRequest version;
    version.argv = {u"psql"_s, u"--version"_s};
    runCollecting(m_runner, executor, version, this, std::nullopt,
                  [self, executor = QPointer<Executor>(executor), file, check, answer](
                      const CommandResult &result, const QByteArray &out, const QByteArray &err) {
                      if (!self)
                          return;
                      check->psqlVersion =
                          result.succeeded() ? QString::fromUtf8(out).trimmed() : lastLines(err);
                      if (!executor) {
                          check->error = Text::tr("The host went away during the check.");
                          answer();
                          return;
                      }
                      self->scanPlainDump(
                          executor, file, self,
                          [check, answer](const PlainSqlScanResult &scan, const QString &error) {
                              check->scan = scan;
                              check->scanned = error.isEmpty();
                              check->error = error;
                              answer();
                          });
                  });
}

void BackupActions::runDeclared(const DeclaredAction &action,
                                const ActionConfirmation &confirmation, Executor *executor,
                                CommandRequest request, QObject *context, Done done)
{
    if (!m_gate || !m_runner) {
        done({Text::tr("No safety gate: actions are off.")});
        return;
    }
    DeclaredAction declared = action;
    QPointer<IncidentSession> incident = m_incident;
    if (incident && incident->isActive())
        declared.incidentId = incident->incident().id;
    QPointer<BackupActions> self(this);
    QPointer<Executor> host(executor);
    auto reached = std::make_shared<bool>(false);
    const QString line = u"%1: %2"_s.arg(action.kind, action.description);
    const std::optional<qint64> incidentId = declared.incidentId;
    m_gate->run(
        declared, confirmation, context,
        [self, host, request, reached, incidentId, kind = action.kind](ActionGate::Finish finish) {
            if (!self || !host) {
                finish({Text::tr("Not run: the host is no longer connected.")});
                return;
            }
            *reached = true;
            CommandRequest confirmed = request;
            // The gate has taken the operator's confirmation of this action (for Destroy, the
            // target's name typed): it stands for the command that carries the action out,
            // which the runner still judges, audits and refuses in read-only mode.
            const Risk judged = CommandRunner::assess(confirmed).risk;
            confirmed.confirmedRisk = int(judged) > int(confirmed.risk) ? judged : confirmed.risk;
            confirmed.confirmedHosts = {host->hostName()};
            runCollecting(
                self->m_runner, host, confirmed, self, incidentId,
                [finish, kind](const CommandResult &result, const QByteArray &,
                               const QByteArray &err) { finish({failureOf(result, err, kind)}); });
        },
        [incident, line, reached, done = std::move(done)](const ActionOutcome &outcome) {
            // Refusals never ran: only what reached the host goes on the timeline.
            if (incident && incident->isActive() && *reached)
                incident->addNote(
                    outcome.succeeded()
                        ? Text::tr("Backup action: %1").arg(line)
                        : Text::tr("Backup action failed: %1 — %2").arg(line, outcome.error));
            done(outcome);
        });
}

void BackupActions::restore(Executor *executor, const RestorePreview &preview,
                            const PgTarget &target, const ActionConfirmation &confirmation,
                            QObject *context, Done done)
{
    const auto refuse = [context, &done](const QString &reason) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            context,
            [guard, done, reason] {
                if (guard)
                    done({reason});
            },
            Qt::QueuedConnection);
    };
    const BackupFile &file = preview.file;
    if (!preview.error.isEmpty())
        return refuse(preview.error);
    if (preview.database != target.database)
        return refuse(Text::tr("Not run: the preview was of \"%1\", not \"%2\"; preview again.")
                          .arg(preview.database, target.database));
    // Judged again here: the preview handed in may not be the one previewRestore() made.
    if (const QString refusal = restoreRefusal(preview); !refusal.isEmpty())
        return refuse(refusal);

    const QString connection = shellQuote(pgConnectionString(target.server, target.database));
    QString body = u"opsdeck_file="_s + shellQuote(file.path) + u'\n';
    // The file restored is the file previewed (and, for plain SQL, scanned).
    if (file.size >= 0 && file.modified.isValid())
        body += u"[ \"$(stat -c '%s %Y' -- \"$opsdeck_file\")\" = '%1 %2' ] || "
                "{ echo 'the file changed since the preview' >&2; exit 3; }\n"_s.arg(file.size)
                    .arg(file.modified.toSecsSinceEpoch());
    if (const QString test = integrityCommand(file); !test.isEmpty())
        body += test + u" || exit 5\n"_s;
    body += u"psql -X -q -At --dbname="_s + connection +
            u" -c 'SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
            "datname = current_database() AND pid <> pg_backend_pid()' >/dev/null || exit 4\n"_s;
    const bool compressed = file.compression != BackupCompression::None;
    QString restoreCommand;
    if (file.format == BackupFormat::PlainSql) {
        restoreCommand = u"psql -X -q -v ON_ERROR_STOP=1 --single-transaction --dbname="_s +
                         connection + (compressed ? u" -f -"_s : u" -f \"$opsdeck_file\""_s);
    } else {
        restoreCommand = u"pg_restore --clean --if-exists --no-owner --single-transaction "
                         "--dbname="_s +
                         connection + (compressed ? QString() : u" -- \"$opsdeck_file\""_s);
    }
    if (compressed)
        body += decompressCommand(file) + u" | "_s;
    body += restoreCommand + u'\n';

    auto made = pgToolRequest(body, target.password);
    if (const QString *error = std::get_if<QString>(&made))
        return refuse(*error);
    CommandRequest request = std::get<CommandRequest>(made);
    request.risk = Risk::Destroy;

    DeclaredAction action;
    action.kind = u"backup.restore"_s;
    action.target = target.database;
    action.description =
        Text::tr("restore %1:%2 (%3) over %4, cutting %n session(s)", nullptr,
                 int(preview.sessions.size()))
            .arg(preview.host, file.path, backupFormatName(file.format), describeTarget(target));
    action.secrets = request.secrets;
    runDeclared(action, confirmation, executor, request, context, std::move(done));
}

void BackupActions::createBackup(Executor *executor, const BackupLocation &location,
                                 const PgTarget &target, const ActionConfirmation &confirmation,
                                 QObject *context, CreateDone done, const QDateTime &now)
{
    const QString name = backupFileName(target.database, now);
    QString path = location.directory;
    if (!path.endsWith(u'/'))
        path += u'/';
    path += name;
    QString refusal;
    if (location.directory.isEmpty())
        refusal = Text::tr("Not run: the backup location \"%1\" has no directory on the host.")
                      .arg(location.name);
    for (const QString &option : location.dumpOptions) {
        if (const QString problem = pgDumpOptionRefusal(option); !problem.isEmpty())
            refusal = Text::tr("Not run: %1 (backup location \"%2\")").arg(problem, location.name);
    }
    QString body;
    std::variant<CommandRequest, QString> made = QString();
    if (refusal.isEmpty()) {
        QStringList options{u"-Fc"_s};
        for (const QString &option : location.dumpOptions)
            options << shellQuote(option);
        body = u"opsdeck_dir="_s + shellQuote(location.directory) + u"\nopsdeck_name="_s +
               shellQuote(name) +
               u"\n[ -d \"$opsdeck_dir\" ] || { echo \"no directory $opsdeck_dir\" >&2; exit 2; }\n"
               "[ ! -e \"$opsdeck_dir/$opsdeck_name\" ] || "
               "{ echo \"$opsdeck_dir/$opsdeck_name exists already\" >&2; exit 17; }\n"
               // Hidden and partial until pg_dump has finished: a listing never shows a half
               // dump under the final name.
               "opsdeck_tmp=\"$opsdeck_dir/.$opsdeck_name.partial\"\n"
               "if pg_dump "_s +
               options.join(u' ') + u" --file=\"$opsdeck_tmp\" --dbname="_s +
               shellQuote(pgConnectionString(target.server, target.database)) +
               u"; then :; else opsdeck_status=$?; rm -f -- \"$opsdeck_tmp\"; "
               "exit \"$opsdeck_status\"; fi\n"_s;
        if (location.writeChecksum)
            body += u"opsdeck_sum=$(sha256sum < \"$opsdeck_tmp\") || exit 1\n"
                    "printf '%s  %s\\n' \"${opsdeck_sum%% *}\" \"$opsdeck_name\" > "
                    "\"$opsdeck_tmp.sha256\" || exit 1\n"_s;
        body += u"mv -- \"$opsdeck_tmp\" \"$opsdeck_dir/$opsdeck_name\" || exit 1\n"_s;
        if (location.writeChecksum)
            body += u"mv -- \"$opsdeck_tmp.sha256\" \"$opsdeck_dir/$opsdeck_name.sha256\" || "
                    "exit 1\n"_s;
        made = pgToolRequest(body, target.password);
        if (const QString *error = std::get_if<QString>(&made))
            refusal = *error;
    }
    auto finished = [done = std::move(done), path](const ActionOutcome &outcome) {
        done(outcome, outcome.succeeded() ? path : QString());
    };
    if (!refusal.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            context,
            [guard, finished, refusal] {
                if (guard)
                    finished({refusal});
            },
            Qt::QueuedConnection);
        return;
    }
    CommandRequest request = std::get<CommandRequest>(made);
    request.risk = Risk::Change;
    DeclaredAction action;
    action.kind = u"backup.create"_s;
    action.target = target.database;
    action.description = Text::tr("pg_dump -Fc of %1 into %2:%3")
                             .arg(describeTarget(target), executor->hostName(), path);
    action.secrets = request.secrets;
    runDeclared(action, confirmation, executor, request, context, std::move(finished));
}

void BackupActions::deleteFiles(Executor *executor, const BackupLocation &location,
                                const QList<BackupFile> &files,
                                const ActionConfirmation &confirmation, QObject *context, Done done)
{
    QStringList paths;
    bool directories = false;
    for (const BackupFile &file : files) {
        paths << file.path;
        directories = directories || file.format == BackupFormat::PgDirectory;
    }
    QString refusal;
    const QString directory =
        location.directory.endsWith(u'/') ? location.directory : location.directory + u'/';
    if (location.directory.isEmpty())
        refusal = Text::tr("Not run: the backup location \"%1\" has no directory on the host.")
                      .arg(location.name);
    if (paths.isEmpty())
        refusal = Text::tr("Nothing to delete.");
    static const QRegularExpression parent(u"(^|/)\\.\\.?(/|$)"_s);
    for (const QString &path : paths) {
        if (refusal.isEmpty() && (!path.startsWith(directory) || path.size() == directory.size() ||
                                  parent.match(path.mid(directory.size())).hasMatch()))
            refusal = Text::tr("Refused: %1 is not a file of the backup location \"%2\" (%3).")
                          .arg(path, location.name, location.directory);
    }
    if (!refusal.isEmpty()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            context,
            [guard, done, refusal] {
                if (guard)
                    done({refusal});
            },
            Qt::QueuedConnection);
        return;
    }
    CommandRequest request;
    // A directory-format dump is a directory: the one file kind removed recursively.
    request.argv = QStringList{u"rm"_s, directories ? u"-rf"_s : u"-f"_s, u"--"_s} + paths;
    request.risk = Risk::Destroy;
    DeclaredAction action;
    action.kind = u"backup.files.delete"_s;
    action.target = location.name;
    action.description = Text::tr("delete %n file(s) of %1 on %2: %3", nullptr, int(paths.size()))
                             .arg(location.name, executor->hostName(), paths.join(u", "_s));
    runDeclared(action, confirmation, executor, request, context, std::move(done));
}

} // namespace OpsDeck
