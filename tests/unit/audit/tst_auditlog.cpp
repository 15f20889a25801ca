// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log's table in the state store: schema, begin (committed before it is answered),
// finish (append-only), queries, and rows surviving SIGKILL.
#include "models/audit/auditlog.h"
#include "models/persistence/migrations.h"
#include "models/persistence/statestore.h"
#include "statetesting.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace OpsDeck;
using namespace StateTesting;
using namespace Qt::StringLiterals;

namespace OpsDeck {
// Readable QCOMPARE failures for whole entries.
char *toString(const AuditEntry &entry)
{
    const auto optional = [](const auto &value) {
        return value ? QString::number(*value) : u"null"_s;
    };
    const QString text =
        u"AuditEntry(id=%1 started=%2 finished=%3 host=%4 user=%5 command=%6 risk=%7"
        " exit=%8 signal=%9 duration=%10 output=%11 incident=%12 status=%13)"_s
            .arg(QString::number(entry.id), entry.startedAt.toString(Qt::ISODateWithMs),
                 entry.finishedAt.toString(Qt::ISODateWithMs), entry.host, entry.remoteUser,
                 entry.command, riskId(entry.risk), optional(entry.exitCode), entry.signalName)
            .arg(optional(entry.durationMs), optional(entry.outputBytes),
                 optional(entry.incidentId), auditStatusName(entry.status));
    return qstrdup(text.toUtf8().constData());
}
} // namespace OpsDeck

namespace {

AuditEntry makeEntry(const QString &host, const QString &command, const QDateTime &startedAt = {})
{
    AuditEntry entry;
    entry.host = host;
    entry.command = command;
    entry.startedAt = startedAt;
    return entry;
}

AuditOutcome outcome(std::optional<int> exitCode, const QString &signalName, qint64 durationMs,
                     qint64 outputBytes, AuditStatus status)
{
    return {exitCode, signalName, durationMs, outputBytes, status};
}

std::optional<StoreResult<qint64>> beginRow(AuditLog &log, const AuditEntry &entry)
{
    return waitFor<qint64>(
        [&](QObject *context, auto done) { log.begin(entry, context, std::move(done)); });
}

// Row id of a begun entry, or -1 when the log did not confirm it.
qint64 begin(AuditLog &log, const AuditEntry &entry)
{
    return valueOr(beginRow(log, entry), qint64(-1));
}

std::optional<StoreResult<qint64>> finish(AuditLog &log, qint64 rowId, const AuditOutcome &end)
{
    return waitFor<qint64>(
        [&](QObject *context, auto done) { log.finish(rowId, end, context, std::move(done)); });
}

std::optional<QList<AuditEntry>> query(AuditLog &log, const AuditQuery &filter)
{
    const auto answer = waitFor<QList<AuditEntry>>(
        [&](QObject *context, auto done) { log.query(filter, context, std::move(done)); });
    if (!answer || !answer->ok())
        return std::nullopt;
    return answer->value();
}

QDateTime utc(int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(2024, 3, 1), QTime(12, minute, second, ms), Qt::UTC);
}

} // namespace

class tst_AuditLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void schemaOfAuditLog();
    void storeNotOpen();
    void roundTrip();
    void queryFilters_data();
    void queryFilters();
    void finishOnlyRunningRows();
    void beginAnsweredAfterCommit();
    void beginFailsWhenRowCannotBeWritten();
    void answersInRequestOrder();
    void rowWrittenWithoutTheCaller();
    void survivesSigkill();

private:
    QString databasePath() const { return m_dir->filePath(u"state.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_AuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_AuditLog::cleanup()
{
    m_dir.reset();
}

void tst_AuditLog::schemaOfAuditLog()
{
    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
    }
    PlainConnection db(databasePath());
    QVERIFY(db.isOpen());
    QCOMPARE(db.scalar(u"PRAGMA user_version"_s).toInt(), Migrations::latestVersion());
    const QStringList columns = db.column(u"SELECT name FROM pragma_table_info('audit_log')"_s);
    QCOMPARE(columns,
             (QStringList{u"id"_s, u"started_at"_s, u"finished_at"_s, u"host"_s, u"remote_user"_s,
                          u"command"_s, u"risk"_s, u"exit_code"_s, u"signal_name"_s,
                          u"duration_ms"_s, u"output_bytes"_s, u"incident_id"_s, u"status"_s,
                          u"previous_hash"_s, u"row_hash"_s, u"final_hash"_s}));
    QCOMPARE(db.column(u"SELECT name FROM pragma_table_info('audit_log')"
                       " WHERE \"notnull\" = 1 ORDER BY name"_s),
             (QStringList{u"command"_s, u"host"_s, u"risk"_s, u"started_at"_s, u"status"_s}));
    QCOMPARE(
        db.scalar(u"SELECT name FROM pragma_table_info('audit_log') WHERE pk = 1"_s).toString(),
        u"id"_s);
    const QStringList indexedColumns =
        db.column(u"SELECT ii.name FROM pragma_index_list('audit_log') AS il,"
                  " pragma_index_info(il.name) AS ii WHERE il.origin = 'c' ORDER BY ii.name"_s);
    QCOMPARE(indexedColumns, (QStringList{u"host"_s, u"started_at"_s}));

    // The CHECK constraints hold the enumerations to their documented names (rows that the
    // append-only triggers would take otherwise).
    const QString insert = u"INSERT INTO audit_log (id, started_at, host, command, risk, status,"
                           " previous_hash, row_hash) VALUES (1, 'x', 'h', 'c', '%1', '%2', 'p',"
                           " 'r')"_s;
    QVERIFY(!db.exec(insert.arg(u"maybe"_s, u"running"_s), true));
    QVERIFY(!db.exec(insert.arg(u"read"_s, u"paused"_s), true));
    QVERIFY(db.exec(insert.arg(u"unknown"_s, u"running"_s)));
}

void tst_AuditLog::storeNotOpen()
{
    StateStore store;
    AuditLog log(&store);
    QSignalSpy written(&log, &AuditLog::rowWritten);
    const auto started = beginRow(log, makeEntry(u"h"_s, u"ls"_s));
    QVERIFY(started);
    QVERIFY2(started->error().contains(u"not open"), qPrintable(started->error()));
    QVERIFY(written.isEmpty());
}

void tst_AuditLog::roundTrip()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    AuditLog log(&store);

    AuditEntry entry;
    // An offset time: stored as UTC, and equal (same instant) when read back.
    entry.startedAt = QDateTime(QDate(2024, 3, 1), QTime(13, 34, 56, 789), Qt::OffsetFromUTC, 3600);
    entry.host = u"web-01.example.org"_s;
    entry.remoteUser = u"deploy"_s;
    entry.command = u"systemctl restart 'nginx'; echo \"done\" -- ******"_s;
    entry.risk = Risk::Change;
    entry.incidentId = 42;
    // Ignored by begin(): a new row always starts out running.
    entry.exitCode = 3;
    entry.status = AuditStatus::Finished;

    const qint64 rowId = begin(log, entry);
    QVERIFY(rowId > 0);

    {
        PlainConnection db(databasePath());
        QCOMPARE(db.scalar(u"SELECT started_at FROM audit_log WHERE id = ?"_s, {rowId}).toString(),
                 u"2024-03-01T12:34:56.789Z"_s);
    }

    auto entries = query(log, {});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    AuditEntry expected = entry;
    expected.id = rowId;
    expected.exitCode.reset();
    expected.status = AuditStatus::Running;
    QCOMPARE(entries->first(), expected);
    QCOMPARE(entries->first().startedAt.timeSpec(), Qt::UTC);

    const QDateTime beforeFinish = QDateTime::currentDateTimeUtc();
    const auto finished =
        finish(log, rowId, outcome(std::nullopt, u"SIGKILL"_s, 1234, 5678, AuditStatus::Cancelled));
    QCOMPARE(valueOr(finished, qint64(0)), rowId);
    const QDateTime afterFinish = QDateTime::currentDateTimeUtc();

    entries = query(log, {});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const AuditEntry done = entries->first();
    QVERIFY(done.finishedAt.isValid());
    QVERIFY(done.finishedAt >= beforeFinish.addMSecs(-1) && done.finishedAt <= afterFinish);
    expected.finishedAt = done.finishedAt;
    expected.signalName = u"SIGKILL"_s;
    expected.durationMs = 1234;
    expected.outputBytes = 5678;
    expected.status = AuditStatus::Cancelled;
    QCOMPARE(done, expected);

    // Empty optional text is stored as NULL, not as ''.
    const qint64 bare = begin(log, makeEntry(u"h"_s, u"ls"_s));
    QVERIFY(bare > 0);
    PlainConnection db(databasePath());
    QVERIFY(db.scalar(u"SELECT remote_user IS NULL AND incident_id IS NULL"
                      " AND finished_at IS NULL FROM audit_log WHERE id = ?"_s,
                      {bare})
                .toBool());
}

void tst_AuditLog::queryFilters_data()
{
    QTest::addColumn<AuditQuery>("filter");
    QTest::addColumn<QStringList>("expected"); // commands, in the order returned

    const QString restart = u"systemctl restart nginx"_s;
    const QString df = u"df -h"_s;
    const QString dash = u"rm -rf /tmp/x-y"_s;
    const QString underscore = u"rm -rf /tmp/x_y"_s;
    const QString percent = u"grep '100%' /var/log/syslog"_s;
    const QString quoted = u"echo 'it''s'; DROP TABLE audit_log; --"_s;

    AuditQuery all;
    QTest::newRow("everything, newest first")
        << all << QStringList{quoted, percent, underscore, dash, df, restart};

    AuditQuery host;
    host.host = u"web1"_s;
    QTest::newRow("host") << host << QStringList{underscore, df, restart};

    AuditQuery text;
    text.text = u"NGINX"_s;
    QTest::newRow("text is case-insensitive") << text << QStringList{restart};

    AuditQuery wildcard;
    wildcard.text = u"x_y"_s;
    QTest::newRow("underscore is literal") << wildcard << QStringList{underscore};

    AuditQuery percentText;
    percentText.text = u"%"_s;
    QTest::newRow("percent is literal") << percentText << QStringList{percent};

    AuditQuery injection;
    injection.text = u"DROP TABLE audit_log"_s;
    QTest::newRow("values are bound") << injection << QStringList{quoted};

    AuditQuery range;
    range.from = utc(1);
    range.to = utc(3);
    QTest::newRow("time range is half-open") << range << QStringList{underscore, dash, df};

    AuditQuery offsetRange;
    offsetRange.from = utc(1).toOffsetFromUtc(-5 * 3600);
    offsetRange.to = utc(3).toOffsetFromUtc(2 * 3600);
    QTest::newRow("time range in other offsets")
        << offsetRange << QStringList{underscore, dash, df};

    AuditQuery limit;
    limit.limit = 2;
    QTest::newRow("limit keeps the newest") << limit << QStringList{quoted, percent};

    AuditQuery combined;
    combined.host = u"web1"_s;
    combined.text = u"rm "_s;
    combined.from = utc(2);
    QTest::newRow("combined") << combined << QStringList{underscore};

    AuditQuery nothing;
    nothing.host = u"nowhere"_s;
    QTest::newRow("no match") << nothing << QStringList();
}

void tst_AuditLog::queryFilters()
{
    QFETCH(AuditQuery, filter);
    QFETCH(QStringList, expected);

    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    AuditLog log(&store);
    const QList<AuditEntry> rows = {
        makeEntry(u"web1"_s, u"systemctl restart nginx"_s, utc(0)),
        makeEntry(u"web1"_s, u"df -h"_s, utc(1)),
        makeEntry(u"web2"_s, u"rm -rf /tmp/x-y"_s, utc(2)),
        makeEntry(u"web1"_s, u"rm -rf /tmp/x_y"_s, utc(2, 30)),
        makeEntry(u"db1"_s, u"grep '100%' /var/log/syslog"_s, utc(3)),
        makeEntry(u"db1"_s, u"echo 'it''s'; DROP TABLE audit_log; --"_s, utc(4)),
    };
    // Inserted out of time order: the result order must come from started_at.
    for (const int index : {3, 0, 5, 1, 4, 2})
        QVERIFY(begin(log, rows.at(index)) > 0);

    const auto entries = query(log, filter);
    QVERIFY(entries);
    QStringList commands;
    for (const AuditEntry &entry : *entries)
        commands.append(entry.command);
    QCOMPARE(commands, expected);
}

void tst_AuditLog::finishOnlyRunningRows()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    AuditLog log(&store);
    const qint64 rowId = begin(log, makeEntry(u"h"_s, u"ls"_s));
    QVERIFY(rowId > 0);

    QString message =
        errorOf(finish(log, rowId + 1000, outcome(0, {}, 1, 1, AuditStatus::Finished)));
    QVERIFY2(message.contains(databasePath()), qPrintable(message));

    QVERIFY(!errorOf(finish(log, rowId, outcome(0, {}, 1, 1, AuditStatus::Running))).isEmpty());

    QCOMPARE(valueOr(finish(log, rowId, outcome(0, {}, 10, 20, AuditStatus::Finished)), qint64(0)),
             rowId);

    // A second finish must not rewrite history.
    message = errorOf(finish(log, rowId, outcome(1, u"SIGTERM"_s, 30, 40, AuditStatus::Failed)));
    QVERIFY2(message.contains(databasePath()), qPrintable(message));

    const auto entries = query(log, {});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().status, AuditStatus::Finished);
    QCOMPARE(entries->first().exitCode, std::optional<int>(0));
    QCOMPARE(entries->first().durationMs, std::optional<qint64>(10));
    QVERIFY(entries->first().signalName.isEmpty());
}

void tst_AuditLog::beginAnsweredAfterCommit()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    AuditLog log(&store);
    PlainConnection other(databasePath());
    QVERIFY(other.isOpen());

    // Checked the moment each answer arrives: the executor starts the command right then.
    std::set<int> answered;
    QList<qint64> invisible;
    int failures = 0;
    QObject context;
    for (int i = 0; i < 50; ++i) {
        log.begin(
            makeEntry(u"h"_s, u"echo %1"_s.arg(i)), &context,
            [&, i](const StoreResult<qint64> &rowId) {
                if (!rowId) {
                    ++failures;
                    return;
                }
                answered.insert(i);
                if (other.scalar(u"SELECT count(*) FROM audit_log WHERE id = ?"_s, {rowId.value()})
                        .toInt() != 1)
                    invisible.append(rowId.value());
            });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), std::size_t{50}, 20000);
    QCOMPARE(failures, 0);
    QCOMPARE(invisible, QList<qint64>());
}

void tst_AuditLog::beginFailsWhenRowCannotBeWritten()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    AuditLog log(&store);
    QSignalSpy written(&log, &AuditLog::rowWritten);

    // Another writer holds the lock past the busy timeout: the row cannot be committed, so no
    // row id may arrive (a log that answered before committing would be caught here), and the
    // caller learns why, with the file named.
    PlainConnection locker(databasePath());
    QVERIFY(locker.exec(u"BEGIN IMMEDIATE"_s));
    const auto started = waitFor<qint64>(
        [&](QObject *context, auto done) {
            log.begin(makeEntry(u"h"_s, u"reboot"_s), context, std::move(done));
        },
        30000);
    QVERIFY(started);
    QVERIFY(!started->ok());
    QVERIFY2(started->error().contains(databasePath()), qPrintable(started->error()));
    QVERIFY(written.isEmpty());
    QVERIFY(locker.exec(u"COMMIT"_s));
    QCOMPARE(locker.scalar(u"SELECT count(*) FROM audit_log"_s).toInt(), 0);

    // The log is still usable once the lock is gone.
    QVERIFY(begin(log, makeEntry(u"h"_s, u"uptime"_s)) > 0);
}

void tst_AuditLog::answersInRequestOrder()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    AuditLog log(&store);

    // Hold the write lock from this thread: a log that wrote from the calling thread would now
    // wait for itself (busy timeout) and fail, instead of returning at once.
    PlainConnection locker(databasePath());
    QVERIFY(locker.exec(u"BEGIN IMMEDIATE"_s));

    QObject context;
    QList<int> order;
    QList<qint64> rows;
    int failures = 0;
    for (int i = 0; i < 500; ++i) {
        log.begin(makeEntry(u"h"_s, u"echo %1"_s.arg(i)), &context,
                  [&, i](const StoreResult<qint64> &rowId) {
                      if (!rowId) {
                          ++failures;
                          return;
                      }
                      order.append(i);
                      rows.append(rowId.value());
                  });
        QVERIFY(order.isEmpty());
    }
    QCOMPARE(locker.scalar(u"SELECT count(*) FROM audit_log"_s).toInt(), 0);
    QVERIFY(locker.exec(u"COMMIT"_s));

    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 500, 30000);
    QCOMPARE(failures, 0);
    for (int i = 0; i < order.size(); ++i)
        QCOMPARE(order.at(i), i);
    QCOMPARE(std::set<qint64>(rows.cbegin(), rows.cend()).size(), std::size_t{500});
}

void tst_AuditLog::rowWrittenWithoutTheCaller()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    AuditLog log(&store);
    QSignalSpy written(&log, &AuditLog::rowWritten);

    // The caller is gone before the answer: the row is written and announced all the same,
    // and the caller's done is not called.
    bool answered = false;
    auto caller = std::make_unique<QObject>();
    log.begin(makeEntry(u"h"_s, u"true"_s), caller.get(),
              [&answered](const StoreResult<qint64> &) { answered = true; });
    caller.reset();
    QVERIFY(written.wait(10000));
    const qint64 rowId = written.at(0).at(0).toLongLong();
    QVERIFY(rowId > 0);
    QVERIFY(!answered);

    // A finish nobody waits for.
    log.finish(rowId, outcome(0, {}, 5, 0, AuditStatus::Finished));
    QVERIFY(written.wait(10000));
    QCOMPARE(written.at(1).at(0).toLongLong(), rowId);
    const auto entries = query(log, {});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().status, AuditStatus::Finished);
    QCOMPARE(written.size(), 2); // queries announce nothing
}

void tst_AuditLog::survivesSigkill()
{
    KilledWriter writer;
    QString writerError;
    QVERIFY2(
        writer.runAndKill(QStringLiteral(AUDITLOG_WRITER), {databasePath()}, 200, &writerError),
        qPrintable(writerError));
    QCOMPARE(writer.badLines(), QStringList());
    const QList<qint64> printed = writer.ids();
    QVERIFY(printed.size() >= 200);

    {
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        QCOMPARE(db.scalar(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        QList<qint64> missing;
        for (const qint64 id : std::as_const(printed)) {
            if (db.scalar(u"SELECT count(*) FROM audit_log WHERE id = ?"_s, {id}).toInt() != 1)
                missing.append(id);
        }
        QCOMPARE(missing, QList<qint64>());
    }

    // And the log itself takes the file back.
    StateStore store;
    QString error;
    QVERIFY2(openStore(store, databasePath(), &error), qPrintable(error));
    AuditLog log(&store);
    AuditQuery filter;
    filter.limit = 0;
    const auto entries = query(log, filter);
    QVERIFY(entries);
    QVERIFY(entries->size() >= printed.size());
}

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_auditlog.moc"
