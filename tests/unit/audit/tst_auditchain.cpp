// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log as history that cannot be quietly changed: triggers refuse what is not an append
// or the one completion of a row, the hash chains find rows edited, removed or reordered by
// someone who dropped the triggers, rows from before the chain are chained by the migration, and
// a completion that cannot be written is retried and then reported.
#include "models/audit/auditchain.h"
#include "models/audit/auditlog.h"
#include "models/persistence/migrations.h"
#include "models/persistence/recordhash.h"
#include "models/persistence/statestore.h"
#include "statetesting.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace OpsDeck;
using namespace StateTesting;
using namespace Qt::StringLiterals;

namespace {

AuditEntry makeEntry(const QString &host, const QString &command, Risk risk = Risk::Read)
{
    AuditEntry entry;
    entry.host = host;
    entry.command = command;
    entry.risk = risk;
    return entry;
}

AuditOutcome exited(int exitCode, qint64 durationMs = 10)
{
    AuditOutcome outcome;
    outcome.exitCode = exitCode;
    outcome.durationMs = durationMs;
    outcome.outputBytes = 100 + exitCode;
    return outcome;
}

qint64 begin(AuditLog &log, const AuditEntry &entry)
{
    return valueOr(waitFor<qint64>([&](QObject *context, auto done) {
                       log.begin(entry, context, std::move(done));
                   }),
                   qint64(-1));
}

std::optional<StoreResult<qint64>> finish(AuditLog &log, qint64 rowId, const AuditOutcome &end)
{
    return waitFor<qint64>(
        [&](QObject *context, auto done) { log.finish(rowId, end, context, std::move(done)); },
        30000);
}

std::optional<AuditChainReport> verify(AuditLog &log)
{
    const auto answer = waitFor<AuditChainReport>(
        [&](QObject *context, auto done) { log.verify(context, std::move(done)); }, 60000);
    if (!answer || !answer->ok()) {
        qWarning() << "verify failed:" << (answer ? answer->error() : u"no answer"_s);
        return std::nullopt;
    }
    return answer->value();
}

void dropTriggers(const PlainConnection &db)
{
    for (const QString &trigger : Migrations::auditTriggers())
        QVERIFY(db.exec(u"DROP TRIGGER "_s + trigger));
}

// Every column but id, for swapping the contents of two rows.
const QString AllButId =
    u"started_at, finished_at, host, remote_user, command, risk, exit_code, signal_name,"
    " duration_ms, output_bytes, incident_id, status, previous_hash, row_hash, final_hash"_s;
const QString ContentColumns = u"started_at, host, remote_user, command, risk, incident_id"_s;

QStringList swapRows(int a, int b, const QString &columns)
{
    return {
        u"CREATE TEMP TABLE swapped AS SELECT * FROM audit_log WHERE id IN (%1, %2)"_s.arg(a).arg(
            b),
        u"UPDATE audit_log SET (%1) = (SELECT %1 FROM swapped WHERE swapped.id ="
        " CASE audit_log.id WHEN %2 THEN %3 ELSE %2 END) WHERE id IN (%2, %3)"_s.arg(columns)
            .arg(a)
            .arg(b),
        u"DROP TABLE swapped"_s,
    };
}

} // namespace

class tst_AuditChain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void intactChainOverManyRows();
    void triggersRefuse_data();
    void triggersRefuse();
    void completionAllowedOnceOnly();
    void tamperIsFound_data();
    void tamperIsFound();
    void forgedCompletionIsFound();
    void removedLastRowStaysAGap();
    void rowsFromBeforeTheChainAreChained();
    void failedCompletionIsRetried();
    void failedCompletionIsReported();
    void encodingKeepsFieldBoundaries();

private:
    QString databasePath() const { return m_dir->filePath(m_databaseName); }
    // Rows 1..6: 1, 2, 3 and 5 finished (in the order 1, 3, 2, 5), 4 and 6 running.
    void writeSampleLog();
    void setBusyTimeout(int ms);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StateStore> m_store;
    std::unique_ptr<AuditLog> m_log;
    QString m_databaseName = u"state.sqlite"_s;
};

void tst_AuditChain::init()
{
    m_databaseName = u"state.sqlite"_s;
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(openStore(*m_store, databasePath(), &error), qPrintable(error));
    m_log = std::make_unique<AuditLog>(m_store.get());
}

void tst_AuditChain::cleanup()
{
    m_log.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_AuditChain::writeSampleLog()
{
    AuditEntry withUser = makeEntry(u"web-1"_s, u"systemctl status nginx"_s);
    withUser.remoteUser = u"deploy"_s;
    withUser.incidentId = 7;
    QCOMPARE(begin(*m_log, withUser), qint64(1));
    QCOMPARE(begin(*m_log, makeEntry(u"web-2"_s, u"rm -rf /srv/cache"_s, Risk::Destroy)),
             qint64(2));
    QCOMPARE(begin(*m_log, makeEntry(u"db-1"_s, u"psql -c 'select 1'"_s, Risk::Unknown)),
             qint64(3));
    QCOMPARE(begin(*m_log, makeEntry(u"web-1"_s, u"tail -f /var/log/syslog"_s)), qint64(4));
    QCOMPARE(begin(*m_log, makeEntry(u"web-2"_s, u"systemctl restart nginx"_s, Risk::Change)),
             qint64(5));
    QCOMPARE(begin(*m_log, makeEntry(u"db-1"_s, u"sleep 600"_s)), qint64(6));
    for (const qint64 row : {1, 3, 2, 5})
        QCOMPARE(valueOr(finish(*m_log, row, exited(int(row))), qint64(0)), row);
}

void tst_AuditChain::setBusyTimeout(int ms)
{
    const auto set = waitFor<bool>([&](QObject *context, auto done) {
        m_store->submit<bool>(
            context,
            [ms](StoreConnection &db) -> StoreResult<bool> {
                QSqlQuery query(db.database());
                return query.exec(u"PRAGMA busy_timeout = %1"_s.arg(ms));
            },
            std::move(done));
    });
    QVERIFY(valueOr(set, false));
}

void tst_AuditChain::intactChainOverManyRows()
{
    auto report = verify(*m_log);
    QVERIFY(report);
    QVERIFY(report->intact());
    QCOMPARE(report->rows, qint64(0));
    QCOMPARE(report->summary(), u"0 row(s), chain intact"_s); // no English plurals loaded here

    // More rows than one verification job takes, begun without waiting, some finished.
    constexpr int Rows = 2345;
    QObject context;
    QList<qint64> ids;
    for (int i = 0; i < Rows; ++i) {
        m_log->begin(makeEntry(u"host-%1"_s.arg(i % 7), u"echo %1"_s.arg(i), Risk(i % 4)), &context,
                     [&](const StoreResult<qint64> &id) {
                         if (id)
                             ids.append(*id);
                     });
    }
    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), Rows, 60000);
    int finished = 0;
    for (qsizetype i = 0; i < ids.size(); i += 3) {
        m_log->finish(ids.at(i), exited(int(i % 5)), &context,
                      [&](const StoreResult<qint64> &done) { finished += done ? 1 : 0; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, (Rows + 2) / 3, 60000);

    report = verify(*m_log);
    QVERIFY(report);
    QVERIFY2(report->intact(), qPrintable(report->message));
    QCOMPARE(report->rows, qint64(Rows));

    PlainConnection db(databasePath());
    QCOMPARE(report->headHash,
             db.scalar(u"SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1"_s).toString());
    // Each row names the one before it; the first names the chain's start.
    QCOMPARE(db.scalar(u"SELECT previous_hash FROM audit_log WHERE id = 1"_s).toString(),
             RecordHash::genesis());
    QCOMPARE(db.scalar(u"SELECT count(*) FROM audit_log AS a JOIN audit_log AS b ON b.id = a.id + 1"
                       " WHERE b.previous_hash IS NOT a.row_hash"_s)
                 .toInt(),
             0);
    QCOMPARE(db.scalar(u"SELECT count(*) FROM audit_completion"_s).toInt(), (Rows + 2) / 3);
    QCOMPARE(report->toJson().value(u"intact"_s).toBool(), true);
    QCOMPARE(report->toJson().value(u"rows"_s).toInteger(), qint64(Rows));
}

void tst_AuditChain::triggersRefuse_data()
{
    QTest::addColumn<QString>("statement");

    const QString hashes = u"'%1', 'x'"_s.arg(RecordHash::genesis());
    QTest::newRow("delete a finished row") << u"DELETE FROM audit_log WHERE id = 1"_s;
    QTest::newRow("delete a running row") << u"DELETE FROM audit_log WHERE id = 4"_s;
    QTest::newRow("delete everything") << u"DELETE FROM audit_log"_s;
    QTest::newRow("edit a finished command")
        << u"UPDATE audit_log SET command = 'true' WHERE id = 2"_s;
    QTest::newRow("edit a finished exit code")
        << u"UPDATE audit_log SET exit_code = 0 WHERE id = 3"_s;
    QTest::newRow("finished made running again")
        << u"UPDATE audit_log SET status = 'running', finished_at = NULL, exit_code = NULL,"
           " duration_ms = NULL, output_bytes = NULL, final_hash = NULL WHERE id = 1"_s;
    QTest::newRow("edit a running command")
        << u"UPDATE audit_log SET command = 'true' WHERE id = 4"_s;
    QTest::newRow("edit a running risk") << u"UPDATE audit_log SET risk = 'read' WHERE id = 6"_s;
    QTest::newRow("outcome without completing")
        << u"UPDATE audit_log SET exit_code = 0 WHERE id = 4"_s;
    QTest::newRow("completion without a final hash")
        << u"UPDATE audit_log SET status = 'finished', finished_at = 'now' WHERE id = 4"_s;
    QTest::newRow("renumber a running row") << u"UPDATE audit_log SET id = 10 WHERE id = 6"_s;
    QTest::newRow("rehash a running row") << u"UPDATE audit_log SET row_hash = 'x' WHERE id = 6"_s;
    QTest::newRow("replace a row by insert")
        << u"INSERT OR REPLACE INTO audit_log (id, started_at, host, command, risk, status,"
           " previous_hash, row_hash) VALUES (2, 'x', 'h', 'true', 'read', 'running', %1)"_s.arg(
               hashes);
    QTest::newRow("insert a finished row")
        << u"INSERT INTO audit_log (id, started_at, finished_at, host, command, risk, exit_code,"
           " status, previous_hash, row_hash, final_hash) VALUES (7, 'x', 'y', 'h', 'true', 'read',"
           " 0, 'finished', %1, 'z')"_s.arg(hashes);
    QTest::newRow("insert without hashes")
        << u"INSERT INTO audit_log (id, started_at, host, command, risk, status)"
           " VALUES (7, 'x', 'h', 'true', 'read', 'running')"_s;
    QTest::newRow("insert without an id")
        << u"INSERT INTO audit_log (started_at, host, command, risk, status, previous_hash,"
           " row_hash) VALUES ('x', 'h', 'true', 'read', 'running', %1)"_s.arg(hashes);
    QTest::newRow("delete completion records") << u"DELETE FROM audit_completion"_s;
    QTest::newRow("edit a completion record")
        << u"UPDATE audit_completion SET audit_id = 4 WHERE seq = 2"_s;
    QTest::newRow("replace a completion record")
        << u"INSERT OR REPLACE INTO audit_completion (seq, audit_id, final_hash, previous_hash,"
           " completion_hash) VALUES (1, 4, 'a', 'b', 'c')"_s;
}

void tst_AuditChain::triggersRefuse()
{
    QFETCH(QString, statement);
    writeSampleLog();
    PlainConnection db(databasePath());
    QVERIFY(db.isOpen());
    const QString before = db.column(u"SELECT quote(id) || quote(command) || quote(exit_code) ||"
                                     " quote(status) || quote(row_hash) || quote(final_hash)"
                                     " FROM audit_log ORDER BY id"_s)
                               .join(u'\n');

    QSqlQuery query(db.database());
    QVERIFY2(!query.exec(statement), "the statement was allowed");
    QVERIFY2(query.lastError().text().contains(u"append-only"),
             qPrintable(query.lastError().text()));

    QCOMPARE(db.column(u"SELECT quote(id) || quote(command) || quote(exit_code) ||"
                       " quote(status) || quote(row_hash) || quote(final_hash)"
                       " FROM audit_log ORDER BY id"_s)
                 .join(u'\n'),
             before);
    const auto report = verify(*m_log);
    QVERIFY(report);
    QVERIFY2(report->intact(), qPrintable(report->message));
    QCOMPARE(report->rows, qint64(6));
}

void tst_AuditChain::completionAllowedOnceOnly()
{
    writeSampleLog();
    PlainConnection db(databasePath());
    // The one change the schema allows a running row: its completion, on the outcome columns.
    QVERIFY(db.exec(u"UPDATE audit_log SET status = 'failed', finished_at = 'later',"
                    " exit_code = 1, final_hash = 'forged' WHERE id = 4"_s));
    QVERIFY(!db.exec(u"UPDATE audit_log SET status = 'finished', final_hash = 'again'"
                     " WHERE id = 4"_s,
                     true));
    // Done behind OpsDeck's back, it is still caught: the hash does not match.
    const auto report = verify(*m_log);
    QVERIFY(report);
    QCOMPARE(auditProblemId(report->problem), u"outcome-edited"_s);
    QCOMPARE(report->row, qint64(4));
    // And AuditLog::finish() cannot finish it a second time either.
    QVERIFY(!errorOf(finish(*m_log, 4, exited(0))).isEmpty());
}

void tst_AuditChain::tamperIsFound_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<qint64>("row");

    const auto one = [](const QString &statement) { return QStringList{statement}; };
    QTest::newRow("edited command")
        << one(u"UPDATE audit_log SET command = 'true' WHERE id = 2"_s) << u"edited"_s << 2LL;
    QTest::newRow("edited host of the first row")
        << one(u"UPDATE audit_log SET host = 'web-9' WHERE id = 1"_s) << u"edited"_s << 1LL;
    QTest::newRow("edited risk") << one(u"UPDATE audit_log SET risk = 'read' WHERE id = 2"_s)
                                 << u"edited"_s << 2LL;
    QTest::newRow("edited start")
        << one(u"UPDATE audit_log SET started_at = '2020-01-01T00:00:00.000Z' WHERE id = 5"_s)
        << u"edited"_s << 5LL;
    QTest::newRow("user added") << one(u"UPDATE audit_log SET remote_user = 'root' WHERE id = 4"_s)
                                << u"edited"_s << 4LL;
    QTest::newRow("incident removed")
        << one(u"UPDATE audit_log SET incident_id = NULL WHERE id = 1"_s) << u"edited"_s << 1LL;
    QTest::newRow("edited exit code")
        << one(u"UPDATE audit_log SET exit_code = 0 WHERE id = 3"_s) << u"outcome-edited"_s << 3LL;
    QTest::newRow("edited status")
        << one(u"UPDATE audit_log SET status = 'cancelled' WHERE id = 5"_s) << u"outcome-edited"_s
        << 5LL;
    QTest::newRow("edited duration") << one(u"UPDATE audit_log SET duration_ms = 1 WHERE id = 2"_s)
                                     << u"outcome-edited"_s << 2LL;
    QTest::newRow("outcome erased")
        << one(u"UPDATE audit_log SET status = 'running', finished_at = NULL, exit_code = NULL,"
               " duration_ms = NULL, output_bytes = NULL, final_hash = NULL WHERE id = 3"_s)
        << u"outcome-edited"_s << 3LL;
    QTest::newRow("outcome given to a running row")
        << one(u"UPDATE audit_log SET status = 'finished', finished_at = 'x', exit_code = 0"
               " WHERE id = 6"_s)
        << u"outcome-edited"_s << 6LL;
    QTest::newRow("completion record removed")
        << one(u"DELETE FROM audit_completion WHERE audit_id = 3"_s) << u"removed"_s << 3LL;
    QTest::newRow("last completion record removed")
        << one(u"DELETE FROM audit_completion WHERE audit_id = 5"_s) << u"outcome-edited"_s << 5LL;
    QTest::newRow("completion record edited")
        << one(u"UPDATE audit_completion SET final_hash = 'x' WHERE audit_id = 2"_s) << u"edited"_s
        << 2LL;
    QTest::newRow("deleted middle row")
        << one(u"DELETE FROM audit_log WHERE id = 3"_s) << u"removed"_s << 3LL;
    QTest::newRow("deleted two rows")
        << one(u"DELETE FROM audit_log WHERE id IN (2, 3)"_s) << u"removed"_s << 2LL;
    QTest::newRow("deleted first row")
        << one(u"DELETE FROM audit_log WHERE id = 1"_s) << u"removed"_s << 1LL;
    QTest::newRow("deleted last row")
        << one(u"DELETE FROM audit_log WHERE id = 6"_s) << u"removed"_s << 6LL;
    QTest::newRow("deleted a finished row and its record")
        << QStringList{u"DELETE FROM audit_log WHERE id = 5"_s,
                       u"DELETE FROM audit_completion WHERE audit_id = 5"_s}
        << u"removed"_s << 5LL;
    QTest::newRow("swapped contents with hashes")
        << swapRows(2, 4, AllButId) << u"reordered"_s << 2LL;
    QTest::newRow("swapped contents") << swapRows(3, 5, ContentColumns) << u"edited"_s << 3LL;
    QTest::newRow("swapped ids") << QStringList{u"UPDATE audit_log SET id = 100 WHERE id = 2"_s,
                                                u"UPDATE audit_log SET id = 2 WHERE id = 4"_s,
                                                u"UPDATE audit_log SET id = 4 WHERE id = 100"_s}
                                 << u"reordered"_s << 2LL;
    QTest::newRow("row appended by hand")
        << one(u"INSERT INTO audit_log (id, started_at, host, command, risk, status,"
               " previous_hash, row_hash) SELECT 7, started_at, host, 'reboot', risk, 'running',"
               " row_hash, row_hash FROM audit_log WHERE id = 6"_s)
        << u"edited"_s << 7LL;
    QTest::newRow("only the triggers dropped") << QStringList() << u"unprotected"_s << 0LL;
}

void tst_AuditChain::tamperIsFound()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, problem);
    QFETCH(qint64, row);
    writeSampleLog();
    const auto before = verify(*m_log);
    QVERIFY(before);
    QVERIFY2(before->intact(), qPrintable(before->message));

    {
        // As someone with the file and an SQLite shell would.
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        dropTriggers(db);
        for (const QString &statement : std::as_const(statements))
            QVERIFY(db.exec(statement));
    }

    const auto report = verify(*m_log);
    QVERIFY(report);
    QVERIFY(!report->intact());
    QCOMPARE(auditProblemId(report->problem), problem);
    QCOMPARE(report->row, row);
    if (row > 0)
        QVERIFY2(report->message.contains(QString::number(row)), qPrintable(report->message));
    const QJsonObject json = report->toJson();
    QCOMPARE(json.value(u"intact"_s).toBool(), false);
    QCOMPARE(json.value(u"problem"_s).toString(), problem);
    QCOMPARE(json.value(u"row"_s).toInteger(), row);
}

void tst_AuditChain::forgedCompletionIsFound()
{
    writeSampleLog();
    {
        // Someone who knows the scheme completes running row 4 with a correct final hash, but
        // does not append a completion record.
        PlainConnection db(databasePath());
        dropTriggers(db);
        const QString rowHash =
            db.scalar(u"SELECT row_hash FROM audit_log WHERE id = 4"_s).toString();
        const QVariantHash outcome{
            {u"finished_at"_s, u"2024-01-01T00:00:00.000Z"_s},
            {u"exit_code"_s, 0},
            {u"signal_name"_s, QVariant()},
            {u"duration_ms"_s, 5},
            {u"output_bytes"_s, 0},
            {u"status"_s, u"finished"_s},
        };
        QSqlQuery query(db.database());
        query.prepare(u"UPDATE audit_log SET finished_at = ?, exit_code = ?, duration_ms = ?,"
                      " output_bytes = ?, status = ?, final_hash = ? WHERE id = 4"_s);
        for (const char *column :
             {"finished_at", "exit_code", "duration_ms", "output_bytes", "status"})
            query.addBindValue(outcome.value(QLatin1StringView(column)));
        query.addBindValue(AuditChain::finalHash(rowHash, outcome));
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }
    const auto report = verify(*m_log);
    QVERIFY(report);
    QCOMPARE(auditProblemId(report->problem), u"outcome-edited"_s);
    QCOMPARE(report->row, qint64(4));
}

void tst_AuditChain::removedLastRowStaysAGap()
{
    writeSampleLog();
    {
        PlainConnection db(databasePath());
        dropTriggers(db);
        QVERIFY(db.exec(u"DELETE FROM audit_log WHERE id = 6"_s));
    }
    // The next row does not take the id of the removed one, so the removal still shows.
    QCOMPARE(begin(*m_log, makeEntry(u"web-1"_s, u"uptime"_s)), qint64(7));
    const auto report = verify(*m_log);
    QVERIFY(report);
    QCOMPARE(auditProblemId(report->problem), u"removed"_s);
    QCOMPARE(report->row, qint64(6));
}

void tst_AuditChain::rowsFromBeforeTheChainAreChained()
{
    m_log.reset();
    m_store.reset();
    m_databaseName = u"legacy.sqlite"_s;
    {
        // A database as OpsDeck wrote it before the chain (schema version 2).
        PlainConnection db(databasePath());
        QString error;
        QVERIFY2(Migrations::apply(db.database(),
                                   {Migrations::steps().at(0), Migrations::steps().at(1)}, &error),
                 qPrintable(error));
        for (const QString &values :
             {u"1, '2024-01-01T10:00:00.000Z', '2024-01-01T10:00:01.000Z', 'web-1', 'deploy',"
              " 'uptime', 'read', 0, NULL, 1000, 50, NULL, 'finished'"_s,
              u"2, '2024-01-01T10:01:00.000Z', NULL, 'web-1', NULL, 'tail -f x', 'read', NULL,"
              " NULL, NULL, NULL, 3, 'running'"_s,
              u"3, '2024-01-01T10:02:00.000Z', '2024-01-01T10:02:09.000Z', 'db-1', NULL,"
              " 'DROP TABLE t', 'destroy', NULL, 'SIGKILL', 9000, 0, NULL, 'cancelled'"_s}) {
            QVERIFY(db.exec(u"INSERT INTO audit_log (id, started_at, finished_at, host,"
                            " remote_user, command, risk, exit_code, signal_name, duration_ms,"
                            " output_bytes, incident_id, status) VALUES ("_s +
                            values + u')'));
        }
    }

    m_store = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(openStore(*m_store, databasePath(), &error), qPrintable(error));
    m_log = std::make_unique<AuditLog>(m_store.get());
    auto report = verify(*m_log);
    QVERIFY(report);
    QVERIFY2(report->intact(), qPrintable(report->message));
    QCOMPARE(report->rows, qint64(3));
    {
        PlainConnection db(databasePath());
        QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), Migrations::latestVersion());
        QCOMPARE(db.column(u"SELECT audit_id FROM audit_completion ORDER BY seq"_s),
                 (QStringList{u"1"_s, u"3"_s}));
        QCOMPARE(db.scalar(u"SELECT command FROM audit_log WHERE id = 3"_s).toString(),
                 u"DROP TABLE t"_s);
    }

    // Old rows can be completed and new ones follow them on the same chain.
    QCOMPARE(valueOr(finish(*m_log, 2, exited(0)), qint64(0)), qint64(2));
    QCOMPARE(begin(*m_log, makeEntry(u"web-1"_s, u"df -h"_s, Risk::Unknown)), qint64(4));
    report = verify(*m_log);
    QVERIFY(report);
    QVERIFY2(report->intact(), qPrintable(report->message));
    QCOMPARE(report->rows, qint64(4));

    {
        PlainConnection db(databasePath());
        dropTriggers(db);
        QVERIFY(db.exec(u"UPDATE audit_log SET command = 'true' WHERE id = 3"_s));
    }
    report = verify(*m_log);
    QVERIFY(report);
    QCOMPARE(auditProblemId(report->problem), u"edited"_s);
    QCOMPARE(report->row, qint64(3));
}

void tst_AuditChain::failedCompletionIsRetried()
{
    writeSampleLog();
    setBusyTimeout(20);
    m_log->setFinishRetryDelays({100, 100, 3000});
    QSignalSpy failed(m_log.get(), &AuditLog::writeFailed);

    // Another program holds the write lock when the command ends, and lets go a little later:
    // the first attempts fail, a later one gets through.
    PlainConnection locker(databasePath());
    QVERIFY(locker.exec(u"BEGIN IMMEDIATE"_s));
    QTimer::singleShot(150, [&locker] { QVERIFY(locker.exec(u"COMMIT"_s)); });
    const auto finished = finish(*m_log, 4, exited(0));
    QVERIFY(finished);
    QVERIFY2(finished->ok(), qPrintable(finished->error()));
    QCOMPARE(failed.size(), 0);

    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(u"SELECT status FROM audit_log WHERE id = 4"_s).toString(), u"finished"_s);
    const auto report = verify(*m_log);
    QVERIFY(report);
    QVERIFY2(report->intact(), qPrintable(report->message));
}

void tst_AuditChain::failedCompletionIsReported()
{
    writeSampleLog();
    setBusyTimeout(20);
    m_log->setFinishRetryDelays({10, 10, 10});
    QSignalSpy failed(m_log.get(), &AuditLog::writeFailed);

    PlainConnection locker(databasePath());
    QVERIFY(locker.exec(u"BEGIN IMMEDIATE"_s));
    const auto finished = finish(*m_log, 4, exited(0));
    QVERIFY(finished);
    QVERIFY(!finished->ok());
    const QString message = finished->error();
    QVERIFY2(message.contains(databasePath()) && message.contains(u"audit entry 4"_s) &&
                 message.contains(u"4 attempt"_s),
             qPrintable(message));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), message);

    // Also when nobody waits for the answer, as CommandRunner does not.
    m_log->finish(6, exited(0));
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.at(1).at(0).toString().contains(u"audit entry 6"_s),
             qPrintable(failed.at(1).at(0).toString()));
    QVERIFY(locker.exec(u"COMMIT"_s));

    // Nothing half-written: both rows still running, the chain intact.
    QCOMPARE(locker.column(u"SELECT status FROM audit_log WHERE id IN (4, 6)"_s),
             (QStringList{u"running"_s, u"running"_s}));
    const auto report = verify(*m_log);
    QVERIFY(report);
    QVERIFY2(report->intact(), qPrintable(report->message));
}

void tst_AuditChain::encodingKeepsFieldBoundaries()
{
    // Field boundaries cannot shift, and NULL, '' and 0 are three things.
    QVERIFY(RecordHash::of({u"ab"_s, u"c"_s}) != RecordHash::of({u"a"_s, u"bc"_s}));
    QVERIFY(RecordHash::of({u"a,b"_s}) != RecordHash::of({u"a"_s, u"b"_s}));
    QVERIFY(RecordHash::of({QVariant()}) != RecordHash::of({u""_s}));
    QVERIFY(RecordHash::of({0}) != RecordHash::of({u"0"_s}));
    QVERIFY(RecordHash::of({}) != RecordHash::of({QVariant()}));
    // Integers hash alike whatever C++ type carried them, as SQLite hands back qlonglong.
    QCOMPARE(RecordHash::of({int(42)}), RecordHash::of({qlonglong(42)}));
    QCOMPARE(RecordHash::of({u"x"_s}).size(), 64);
}

QTEST_GUILESS_MAIN(tst_AuditChain)
#include "tst_auditchain.moc"
