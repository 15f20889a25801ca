// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/testrestore.h"

#include "models/backups/pgtool.h"
#include "models/incidents/incidentsession.h"
#include "models/remote/shellquote.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(TestRestore)
};

constexpr QChar Frame = u'\x1e';

// The N biggest ordinary tables, each counted exactly. query_to_xml runs the count for a name
// taken from the catalog (format's %I quotes it), so one plain SELECT does it, no \gexec.
// Names come out hex-encoded: a name may hold '|' or a line break.
const QString CountTablesSql = uR"sql(SELECT encode(convert_to(n.nspname, 'UTF8'), 'hex'),
       encode(convert_to(c.relname, 'UTF8'), 'hex'),
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I',
                                                   n.nspname, c.relname), false, true, '')))[1]::text
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
   AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
 ORDER BY pg_total_relation_size(c.oid) DESC, n.nspname, c.relname
 LIMIT :limit;
)sql"_s;

// The same tables in the source, named by psql variable `tables` (schema-hex.name-hex,
// comma-separated); -1 for a table the source does not have.
const QString CountSourceSql = uR"sql(SELECT t.h,
       CASE WHEN to_regclass(format('%I.%I', x.s, x.r)) IS NULL THEN '-1'
            ELSE (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I',
                                                             x.s, x.r), false, true, '')))[1]::text
       END
  FROM unnest(string_to_array(:'tables', ',')) AS t(h)
 CROSS JOIN LATERAL (SELECT convert_from(decode(split_part(t.h, '.', 1), 'hex'), 'UTF8') AS s,
                            convert_from(decode(split_part(t.h, '.', 2), 'hex'), 'UTF8') AS r) AS x;
)sql"_s;

QString hexOf(const QString &text)
{
    return QString::fromLatin1(text.toUtf8().toHex());
}

QString fromHex(const QString &hex)
{
    return QString::fromUtf8(QByteArray::fromHex(hex.toLatin1()));
}

QString qualified(const RestoredTableCount &table)
{
    return table.schema + u'.' + table.table;
}

QString lastLines(const QStringList &lines, int count = 3)
{
    return lines.mid(qMax<qsizetype>(0, lines.size() - count)).join(u"; "_s);
}

std::optional<TestRestorePhase> phaseFromWord(QStringView word)
{
    if (word == u"create")
        return TestRestorePhase::Create;
    if (word == u"restore")
        return TestRestorePhase::Restore;
    if (word == u"count")
        return TestRestorePhase::Count;
    if (word == u"drop")
        return TestRestorePhase::Drop;
    return std::nullopt;
}

} // namespace

QString testRestorePhaseName(TestRestorePhase phase)
{
    switch (phase) {
    case TestRestorePhase::Create:
        return Text::tr("creating the scratch database");
    case TestRestorePhase::Restore:
        return Text::tr("restoring");
    case TestRestorePhase::Count:
        return Text::tr("counting rows");
    case TestRestorePhase::Compare:
        return Text::tr("comparing with the source");
    case TestRestorePhase::Drop:
        return Text::tr("dropping the scratch database");
    }
    return {};
}

QString newScratchDatabaseName()
{
    const quint32 random = QRandomGenerator::global()->generate() & 0xffffff;
    return ScratchDatabasePrefix.toString() +
           QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd_HHmmss"_s) + u'_' +
           u"%1"_s.arg(qulonglong(random), 6, 16, QChar(u'0'));
}

QString testRestoreRefusal(const TestRestorePlan &plan)
{
    if (!plan.file.isDatabaseDump())
        return Text::tr("Only a database dump can be test-restored, not a %1")
            .arg(backupFormatName(plan.file.format));
    if (!plan.scratchServer.scratchRestores)
        return Text::tr("The server of database %1 (%2:%3) does not take scratch databases: set "
                        "`scratch-restores: true` on it in the workspace first")
            .arg(plan.scratchServer.name, plan.scratchServer.host)
            .arg(plan.scratchServer.port);
    if (plan.file.format == BackupFormat::PlainSql && !plan.plainSqlAllowed)
        return Text::tr("A plain SQL test restore needs the safety scan first: psql would run "
                        "whatever meta-commands the file holds");
    static const QRegularExpression plainName(u"^[a-z0-9_]+$"_s);
    if (!plan.scratchName.isEmpty() &&
        (!isScratchDatabaseName(plan.scratchName) || !plainName.match(plan.scratchName).hasMatch()))
        return Text::tr("\"%1\" is no scratch database name: it must start with %2 and hold only "
                        "a-z, 0-9 and _")
            .arg(plan.scratchName, ScratchDatabasePrefix.toString());
    return {};
}

std::variant<CommandRequest, QString> testRestoreRequest(const TestRestorePlan &plan)
{
    if (const QString refusal = testRestoreRefusal(plan); !refusal.isEmpty())
        return refusal;
    const QString scratch =
        plan.scratchName.isEmpty() ? newScratchDatabaseName() : plan.scratchName;
    // The one database this script may drop: checked again right where the command is made.
    if (!isScratchDatabaseName(scratch))
        return Text::tr("Internal error: \"%1\" is no scratch database name").arg(scratch);
    const PgServer server = pgServerOf(plan.scratchServer);
    const QString path = shellQuote(plan.file.path);
    const QString program = compressorProgram(plan.file.compression);
    const QString stream = program.isEmpty() ? QString() : program + u" -dc "_s + path + u" | "_s;

    QString restore;
    if (plan.file.format == BackupFormat::PlainSql) {
        restore =
            program.isEmpty()
                ? u"psql -X -q -w -v ON_ERROR_STOP=1 --dbname=\"$opsdeck_target\" -f "_s + path
                : stream + u"psql -X -q -w -v ON_ERROR_STOP=1 --dbname=\"$opsdeck_target\""_s;
    } else {
        const QString pgRestore =
            u"pg_restore -w --no-owner --no-privileges --dbname=\"$opsdeck_target\""_s;
        restore =
            program.isEmpty() ? QString(pgRestore + u' ' + path) : QString(stream + pgRestore);
    }

    // A plain dump runs only as it was scanned: a file changed since then stops the script
    // before anything is created (someone who may write the directory could swap it).
    QString unchanged;
    if (plan.file.format == BackupFormat::PlainSql && plan.file.size >= 0 &&
        plan.file.modified.isValid())
        // One arg() call: a path holding "%2" is not read as a placeholder.
        unchanged = u"[ \"$(stat -c '%s %Y' -- %1)\" = '%2 %3' ] || "
                    "{ echo 'the file changed since its scan'; exit 3; }\n"_s.arg(
                        path, QString::number(plan.file.size),
                        QString::number(plan.file.modified.toSecsSinceEpoch()));

    // The trap drops the scratch database however the script ends (error, cancel, lost
    // connection) and then removes pgToolRequest's .pgpass, whose trap this one replaces.
    // --if-exists: createdb may have been stopped half-way; --force needs PostgreSQL 13.
    const QString body =
        unchanged +
        u"opsdeck_scratch=%1\n"
        "opsdeck_maint=%2\n"
        "opsdeck_target=%3\n"
        "opsdeck_created=\n"
        "opsdeck_finish() {\n"
        "  opsdeck_status=$?\n"
        "  if [ -n \"$opsdeck_created\" ]; then\n"
        "    printf '\\036phase drop\\n'\n"
        "    dropdb -w --force --if-exists --maintenance-db=\"$opsdeck_maint\" "
        "\"$opsdeck_scratch\" "
        "2>&1 ||\n"
        "      dropdb -w --if-exists --maintenance-db=\"$opsdeck_maint\" \"$opsdeck_scratch\" "
        "2>&1\n"
        "    printf '\\036dropped %d\\n' \"$?\"\n"
        "  fi\n"
        "  rm -f \"${opsdeck_pgpass:-}\"\n"
        "  exit \"$opsdeck_status\"\n"
        "}\n"
        "trap opsdeck_finish EXIT\n"
        "trap 'exit 130' HUP INT TERM\n"
        "printf '\\036scratch %s\\n' \"$opsdeck_scratch\"\n"
        "printf '\\036phase create\\n'\n"
        "opsdeck_created=1\n"
        "createdb -w --maintenance-db=\"$opsdeck_maint\" \"$opsdeck_scratch\" 2>&1 ||\n"
        "  { printf '\\036created %d\\n' \"$?\"; exit 3; }\n"
        "printf '\\036created 0\\n'\n"
        "printf '\\036phase restore\\n'\n"
        "%4 2>&1\n"
        "printf '\\036restored %d\\n' \"$?\"\n"
        "printf '\\036phase count\\n'\n"
        "psql -X -q -At -w -v ON_ERROR_STOP=1 -v limit=%5 --dbname=\"$opsdeck_target\" 2>&1 "
        "<<'OPSDECK_SQL'\n"
        "%6"
        "OPSDECK_SQL\n"
        "printf '\\036counted %d\\n' \"$?\"\n"_s.arg(
            shellQuote(scratch),
            shellQuote(pgConnectionString(server, plan.scratchServer.database)),
            shellQuote(pgConnectionString(server, scratch)), restore,
            QString::number(qBound(1, plan.largestTables, 100)), CountTablesSql);
    auto made = pgToolRequest(body, plan.scratchPassword);
    if (CommandRequest *request = std::get_if<CommandRequest>(&made))
        request->risk = Risk::Change;
    return made;
}

std::variant<CommandRequest, QString> sourceCountRequest(const Database &source,
                                                         const QString &password,
                                                         const QList<RestoredTableCount> &tables)
{
    QStringList names;
    for (const RestoredTableCount &table : tables)
        names << hexOf(table.schema) + u'.' + hexOf(table.table);
    const QString body =
        u"psql -X -q -At -w -v ON_ERROR_STOP=1 -v tables=%1 --dbname=%2 2>&1 <<'OPSDECK_SQL'\n"
        "%3"
        "OPSDECK_SQL\n"_s.arg(shellQuote(names.join(u',')),
                              shellQuote(pgConnectionString(pgServerOf(source), source.database)),
                              CountSourceSql);
    auto made = pgToolRequest(body, password);
    if (CommandRequest *request = std::get_if<CommandRequest>(&made)) {
        // The source is a live database: it is only read, and PostgreSQL holds it to that.
        request->environment.insert(u"PGOPTIONS"_s, u"-c default_transaction_read_only=on"_s);
        request->risk = Risk::Read;
    }
    return made;
}

std::variant<CommandRequest, QString>
scratchDropRequest(const Database &server, const QString &password, const QString &scratchName)
{
    if (!isScratchDatabaseName(scratchName))
        return Text::tr("Internal error: \"%1\" is no scratch database name").arg(scratchName);
    // Drops until the catalog no longer has it: a cancelled restore's own trap may still be
    // at it, or its backend still be going away.
    const QString body =
        u"opsdeck_scratch=%1\n"
        "opsdeck_maint=%2\n"
        "opsdeck_try=0\n"
        "while :; do\n"
        "  dropdb -w --force --if-exists --maintenance-db=\"$opsdeck_maint\" \"$opsdeck_scratch\" "
        "2>&1 ||\n"
        "    dropdb -w --if-exists --maintenance-db=\"$opsdeck_maint\" \"$opsdeck_scratch\" 2>&1\n"
        "  opsdeck_left=$(psql -X -q -At -w -v name=\"$opsdeck_scratch\" "
        "--dbname=\"$opsdeck_maint\" <<'OPSDECK_SQL'\n"
        "SELECT count(*) FROM pg_database WHERE datname = :'name';\n"
        "OPSDECK_SQL\n"
        ")\n"
        "  if [ \"$opsdeck_left\" = 0 ]; then printf '\\036dropped 0\\n'; exit 0; fi\n"
        "  opsdeck_try=$((opsdeck_try + 1))\n"
        "  if [ \"$opsdeck_try\" -ge 10 ]; then printf '\\036dropped 1\\n'; exit 1; fi\n"
        "  sleep 1\n"
        "done\n"_s.arg(shellQuote(scratchName),
                       shellQuote(pgConnectionString(pgServerOf(server), server.database)));
    auto made = pgToolRequest(body, password);
    if (CommandRequest *request = std::get_if<CommandRequest>(&made))
        request->risk = Risk::Change;
    return made;
}

TestRestoreResult parseTestRestore(const QByteArray &out, const CommandResult &result)
{
    TestRestoreResult parsed;
    parsed.cancelled = result.outcome == CommandResult::Outcome::Cancelled;
    parsed.durationMs = result.durationMs;
    QString data = QString::fromUtf8(out);
    data.replace(Frame, u"\n"_s + Frame);
    QHash<QString, QString> frames;
    QHash<QString, QStringList> said; // phase word -> what its tools printed
    QString phase;
    static const QRegularExpression countLine(u"^([0-9a-f]+)\\|([0-9a-f]+)\\|(\\d+)$"_s);
    for (const QString &line : data.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(Frame)) {
            const QString word = line.mid(1).section(u' ', 0, 0);
            const QString rest = line.mid(1).section(u' ', 1);
            if (word == u"phase")
                phase = rest;
            else
                frames.insert(word, rest);
            continue;
        }
        const QRegularExpressionMatch match = countLine.match(line);
        if (phase == u"count" && match.hasMatch()) {
            RestoredTableCount table;
            table.schema = fromHex(match.captured(1));
            table.table = fromHex(match.captured(2));
            table.restoredRows = match.captured(3).toLongLong();
            parsed.tables.append(table);
            continue;
        }
        said[phase].append(line);
    }
    parsed.scratchName = frames.value(u"scratch"_s);
    parsed.scratchDropped = frames.value(u"dropped"_s) == u"0";

    QStringList problems;
    if (!frames.contains(u"created"_s) && !said.value(QString()).isEmpty()) {
        // The script stopped before its first phase, and said why.
        problems << Text::tr("Not run: %1").arg(lastLines(said.value(QString())));
    } else if (!frames.contains(u"created"_s)) {
        problems << Text::tr("The scratch database was not created (%1)")
                        .arg(result.error.isEmpty() ? result.summary() : result.error);
    } else if (frames.value(u"created"_s) != u"0") {
        problems << Text::tr("createdb %1 failed: %2")
                        .arg(parsed.scratchName, lastLines(said.value(u"create"_s)));
    } else if (frames.value(u"restored"_s) != u"0") {
        problems << Text::tr("The restore did not finish cleanly: %1")
                        .arg(frames.contains(u"restored"_s) ? lastLines(said.value(u"restore"_s))
                                                            : result.summary());
    } else if (frames.value(u"counted"_s) != u"0") {
        problems << Text::tr("Counting rows failed: %1").arg(lastLines(said.value(u"count"_s)));
    } else if (parsed.tables.isEmpty()) {
        problems << Text::tr("The restored database has no tables");
    }
    parsed.dropSaid = lastLines(said.value(u"drop"_s));
    if (problems.isEmpty()) {
        parsed.verdict = VerificationVerdict::Verified;
        qint64 rows = 0;
        for (const RestoredTableCount &table : parsed.tables)
            rows += table.restoredRows;
        parsed.detail = Text::tr("Restored into %1 and dropped; %n biggest table(s) hold %2 rows",
                                 nullptr, int(parsed.tables.size()))
                            .arg(parsed.scratchName)
                            .arg(rows);
    } else {
        parsed.verdict = VerificationVerdict::Failed;
        parsed.detail = problems.join(u" "_s);
    }
    return parsed;
}

bool applySourceCounts(const QByteArray &out, QList<RestoredTableCount> *tables)
{
    static const QRegularExpression line(u"^([0-9a-f]+)\\.([0-9a-f]+)\\|(-?\\d+)$"_s);
    QHash<QString, qint64> counts;
    for (const QString &text : QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = line.match(text);
        if (match.hasMatch())
            counts.insert(fromHex(match.captured(1)) + u'\x1f' + fromHex(match.captured(2)),
                          match.captured(3).toLongLong());
    }
    if (counts.isEmpty())
        return false;
    for (RestoredTableCount &table : *tables) {
        const QString key = table.schema + u'\x1f' + table.table;
        if (counts.contains(key))
            table.sourceRows = counts.value(key);
    }
    return true;
}

void judgeComparison(TestRestoreResult *result)
{
    QStringList differences;
    QStringList emptied;
    for (const RestoredTableCount &table : std::as_const(result->tables)) {
        if (!table.sourceRows)
            continue;
        if (*table.sourceRows < 0) {
            differences << Text::tr("%1 is not in the source").arg(qualified(table));
        } else if (*table.sourceRows != table.restoredRows) {
            differences << Text::tr("%1: %2 restored, %3 in the source")
                               .arg(qualified(table))
                               .arg(table.restoredRows)
                               .arg(*table.sourceRows);
            if (table.restoredRows == 0)
                emptied << qualified(table);
        }
    }
    if (differences.isEmpty()) {
        result->detail += Text::tr("; row counts match the source");
        return;
    }
    // Last night's dump differs from today's database: that is reported, not a failure; an
    // empty table whose source has rows is.
    result->detail += u"; "_s + differences.join(u"; "_s);
    if (!emptied.isEmpty()) {
        result->verdict = VerificationVerdict::Failed;
        result->detail += Text::tr(" — restored empty: %1").arg(emptied.join(u", "_s));
    }
}

// --- TestRestore

TestRestore::TestRestore(TestRestoreServices services, QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
{
}

TestRestore::~TestRestore()
{
    if (m_run)
        m_run->cancel();
}

void TestRestore::start(const TestRestorePlan &plan, const ActionConfirmation &confirmation)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_plan = plan;
    if (m_plan.scratchName.isEmpty())
        m_plan.scratchName = newScratchDatabaseName();
    m_clock.start();
    m_result = {};
    m_result.scratchName = m_plan.scratchName;

    const auto fail = [this](const QString &why) {
        m_result.verdict = VerificationVerdict::Failed;
        m_result.detail = why;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(m_result); }, Qt::QueuedConnection);
    };
    const auto made = testRestoreRequest(m_plan);
    if (const QString *refusal = std::get_if<QString>(&made)) {
        fail(*refusal);
        return;
    }
    Executor *executor =
        m_services.executorFor ? m_services.executorFor(m_plan.file.host) : nullptr;
    if (!m_services.gate || !executor) {
        fail(m_services.gate ? Text::tr("No way to run commands on %1").arg(m_plan.file.host)
                             : Text::tr("No safety gate: actions are off."));
        return;
    }

    DeclaredAction action;
    action.kind = u"backup.test-restore"_s;
    action.target = m_plan.file.host;
    action.description = Text::tr("test restore of %1 into scratch database %2 on %3:%4")
                             .arg(m_plan.file.path, m_plan.scratchName, m_plan.scratchServer.host)
                             .arg(m_plan.scratchServer.port);
    action.secrets = std::get<CommandRequest>(made).secrets;
    QPointer<IncidentSession> incident = m_services.incident;
    if (incident && incident->isActive())
        action.incidentId = incident->incident().id;
    const QString line = action.description;
    const CommandRequest request = std::get<CommandRequest>(made);
    QPointer<TestRestore> self(this);
    QPointer<Executor> host(executor);
    auto reached = std::make_shared<bool>(false);
    m_services.gate->run(
        action, confirmation, this,
        [self, host, request, reached](ActionGate::Finish finish) {
            *reached = true;
            if (!self || !host || self->m_cancelled) {
                finish({Text::tr("Cancelled before it started.")});
                return;
            }
            // The gate above is this action's gate (audit, confirmation, read-only): the
            // script it runs is OpsDeck's own, built around the checked scratch name.
            self->m_run = host->start(request, self.data());
            TestRestore *me = self.data();
            connect(self->m_run, &CommandRun::standardOutput, me, [self](const QByteArray &data) {
                self->m_out += data;
                self->readPhases(data);
            });
            connect(self->m_run, &CommandRun::finished, me,
                    [self, finish](const CommandResult &result) {
                        self->m_run->deleteLater();
                        self->m_run = nullptr;
                        self->restoreDone(result, finish);
                    });
        },
        [self, incident, line, reached](const ActionOutcome &outcome) {
            if (!self)
                return;
            self->m_result.ran = *reached;
            if (!*reached) {
                self->m_result.verdict = VerificationVerdict::Failed;
                self->m_result.detail = outcome.error;
            }
            if (incident && incident->isActive() && *reached)
                incident->addNote(
                    outcome.succeeded()
                        ? Text::tr("Backup test restore: %1 — %2").arg(line, self->m_result.detail)
                        : Text::tr("Backup test restore failed: %1 — %2").arg(line, outcome.error));
            self->m_result.durationMs = self->m_clock.elapsed();
            Q_EMIT self->finished(self->m_result);
        });
}

void TestRestore::cancel()
{
    m_cancelled = true;
    // The clean-up that drops a left-behind scratch database is not cancelled.
    if (m_run && !m_cleaningUp)
        m_run->cancel();
}

void TestRestore::readPhases(const QByteArray &data)
{
    m_pendingLine += data;
    qsizetype end = m_pendingLine.lastIndexOf('\n');
    if (end < 0)
        return;
    const QList<QByteArray> lines = m_pendingLine.left(end).split('\n');
    m_pendingLine.remove(0, end + 1);
    for (const QByteArray &line : lines) {
        const qsizetype at = line.indexOf("\x1ephase ");
        if (at < 0)
            continue;
        if (const auto phase = phaseFromWord(QString::fromUtf8(line.mid(at + 7)).trimmed()))
            Q_EMIT phaseChanged(*phase, m_clock.elapsed());
    }
}

void TestRestore::restoreDone(const CommandResult &outcome, ActionGate::Finish finish)
{
    m_result = parseTestRestore(m_out, outcome);
    m_result.cancelled = m_result.cancelled || m_cancelled;
    m_result.scratchName = m_plan.scratchName;
    if (m_result.scratchDropped) {
        compareOrFinish(finish);
        return;
    }
    // The script did not get to say it dropped the scratch database: cancelled (the shell that
    // reports can end before the one whose trap drops), a lost connection, a failed dropdb.
    // Drop it again until it is gone, and only then say how it went.
    Executor *executor =
        m_services.executorFor ? m_services.executorFor(m_plan.file.host) : nullptr;
    const auto made =
        scratchDropRequest(m_plan.scratchServer, m_plan.scratchPassword, m_plan.scratchName);
    if (!executor || std::holds_alternative<QString>(made)) {
        compareOrFinish(finish);
        return;
    }
    Q_EMIT phaseChanged(TestRestorePhase::Drop, m_clock.elapsed());
    m_cleaningUp = true;
    m_out.clear();
    m_run = executor->start(std::get<CommandRequest>(made), this);
    connect(m_run, &CommandRun::standardOutput, this,
            [this](const QByteArray &data) { m_out += data; });
    connect(m_run, &CommandRun::finished, this, [this, finish](const CommandResult &) {
        m_run->deleteLater();
        m_run = nullptr;
        m_cleaningUp = false;
        m_result.scratchDropped = m_out.contains("\x1e"
                                                 "dropped 0");
        if (!m_result.scratchDropped)
            m_result.dropSaid = QString::fromUtf8(m_out).remove(Frame).trimmed();
        compareOrFinish(finish);
    });
}

void TestRestore::compareOrFinish(ActionGate::Finish finish)
{
    if (!m_result.scratchDropped) {
        m_result.verdict = VerificationVerdict::Failed;
        m_result.detail += Text::tr(" The scratch database %1 could not be dropped (%2): drop it "
                                    "by hand.")
                               .arg(m_result.scratchName, m_result.dropSaid);
    }
    Executor *executor =
        m_services.executorFor ? m_services.executorFor(m_plan.file.host) : nullptr;
    const bool compare = !m_result.cancelled && m_plan.source && executor &&
                         m_result.verdict == VerificationVerdict::Verified;
    if (!compare) {
        if (m_result.cancelled)
            m_result.detail = Text::tr("Cancelled; ") + m_result.detail;
        finish({m_result.verdict == VerificationVerdict::Failed ? m_result.detail : QString()});
        return;
    }
    const auto made = sourceCountRequest(*m_plan.source, m_plan.sourcePassword, m_result.tables);
    if (const QString *refusal = std::get_if<QString>(&made)) {
        m_result.detail += Text::tr("; not compared with the source: %1").arg(*refusal);
        finish({});
        return;
    }
    Q_EMIT phaseChanged(TestRestorePhase::Compare, m_clock.elapsed());
    m_out.clear();
    m_run = executor->start(std::get<CommandRequest>(made), this);
    connect(m_run, &CommandRun::standardOutput, this,
            [this](const QByteArray &data) { m_out += data; });
    connect(m_run, &CommandRun::finished, this, [this, finish](const CommandResult &result) {
        m_run->deleteLater();
        m_run = nullptr;
        compareDone(m_out, result, finish);
    });
}

void TestRestore::compareDone(const QByteArray &out, const CommandResult &outcome,
                              ActionGate::Finish finish)
{
    if (outcome.outcome == CommandResult::Outcome::Cancelled || m_cancelled) {
        m_result.cancelled = true;
        m_result.detail += Text::tr("; comparison cancelled");
    } else if (!outcome.succeeded() || !applySourceCounts(out, &m_result.tables)) {
        // The source may be down or unreachable from here: the restore itself still counts.
        const QStringList lines = QString::fromUtf8(out).trimmed().split(u'\n');
        m_result.detail += Text::tr("; the source %1 could not be counted: %2")
                               .arg(m_plan.source->name, lastLines(lines, 2));
    } else {
        judgeComparison(&m_result);
    }
    finish({m_result.verdict == VerificationVerdict::Failed ? m_result.detail : QString()});
}

} // namespace OpsDeck
