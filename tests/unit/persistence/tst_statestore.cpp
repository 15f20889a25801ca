// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/paths.h"
#include "models/persistence/migrations.h"
#include "models/persistence/statestore.h"
#include "statetesting.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>
#include <signal.h>
#include <sys/types.h>

using namespace OpsDeck;
using namespace StateTesting;

namespace OpsDeck {
// Readable QCOMPARE failures for whole entries.
char *toString(const AuditEntry &entry)
{
    const auto optional = [](const auto &value) {
        return value ? QString::number(*value) : QStringLiteral("null");
    };
    const QString text =
        QStringLiteral("AuditEntry(id=%1 started=%2 finished=%3 host=%4 user=%5 command=%6 risk=%7"
                       " exit=%8 signal=%9 duration=%10 output=%11 incident=%12 status=%13)")
            .arg(QString::number(entry.id), entry.startedAt.toString(Qt::ISODateWithMs),
                 entry.finishedAt.toString(Qt::ISODateWithMs), entry.host, entry.remoteUser,
                 entry.command, riskId(entry.risk), optional(entry.exitCode), entry.signalName)
            .arg(optional(entry.durationMs), optional(entry.outputBytes),
                 optional(entry.incidentId), auditStatusName(entry.status));
    return qstrdup(text.toUtf8().constData());
}
} // namespace OpsDeck

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

AuditEntry makeEntry(const QString &host, const QString &command, const QDateTime &startedAt = {})
{
    AuditEntry entry;
    entry.host = host;
    entry.command = command;
    entry.startedAt = startedAt;
    return entry;
}

// Row id of a begun entry, or -1 when the store did not confirm it.
qint64 begin(StateStore &store, const AuditEntry &entry)
{
    QSignalSpy started(&store, &StateStore::auditStarted);
    QSignalSpy failed(&store, &StateStore::failed);
    const quint64 id = store.beginAudit(entry);
    if (!started.wait(10000) || started.size() != 1 || !failed.isEmpty())
        return -1;
    if (started.at(0).at(0).value<quint64>() != id)
        return -1;
    return started.at(0).at(1).value<qint64>();
}

std::optional<QList<AuditEntry>> query(StateStore &store, const AuditQuery &filter)
{
    QSignalSpy spy(&store, &StateStore::auditQueried);
    const quint64 id = store.queryAudit(filter);
    if (!spy.wait(10000) || spy.size() != 1 || spy.at(0).at(0).value<quint64>() != id)
        return std::nullopt;
    return spy.at(0).at(1).value<QList<AuditEntry>>();
}

QDateTime utc(int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(2024, 3, 1), QTime(12, minute, second, ms), Qt::UTC);
}

} // namespace

class tst_StateStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void migratesEmptyDatabase();
    void opensDefaultPath();
    void reopeningIsNoOp();
    void refusesNewerSchema_data();
    void refusesNewerSchema();
    void failedMigrationStepRollsBack();
    void requestsBeforeOpenFail();
    void auditRoundTrip();
    void auditQueryFilters_data();
    void auditQueryFilters();
    void finishOnlyRunningRows();
    void auditStartedAfterCommit();
    void beginFailsWhenRowCannotBeWritten();
    void apiIsAsynchronous();
    void survivesSigkill();

private:
    QString databasePath() const { return m_dir->filePath(QStringLiteral("state.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_StateStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_StateStore::cleanup()
{
    m_dir.reset();
}

void tst_StateStore::migratesEmptyDatabase()
{
    // A folder that does not exist yet: the store creates it.
    const QString path = m_dir->filePath(QStringLiteral("sub/folder/state.sqlite"));
    {
        StateStore store;
        QString error;
        QVERIFY2(openStore(store, path, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
    }

    PlainConnection db(path);
    QVERIFY(db.isOpen());
    const int stepCount = int(Migrations::steps().size());
    QVERIFY(stepCount >= 1);
    QCOMPARE(Migrations::latestVersion(), stepCount);
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), stepCount);
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));

    const QStringList columns =
        db.column(QStringLiteral("SELECT name FROM pragma_table_info('audit_log')"));
    QCOMPARE(columns, (QStringList{QStringLiteral("id"), QStringLiteral("started_at"),
                                   QStringLiteral("finished_at"), QStringLiteral("host"),
                                   QStringLiteral("remote_user"), QStringLiteral("command"),
                                   QStringLiteral("risk"), QStringLiteral("exit_code"),
                                   QStringLiteral("signal_name"), QStringLiteral("duration_ms"),
                                   QStringLiteral("output_bytes"), QStringLiteral("incident_id"),
                                   QStringLiteral("status")}));
    QCOMPARE(db.column(QStringLiteral("SELECT name FROM pragma_table_info('audit_log')"
                                      " WHERE \"notnull\" = 1 ORDER BY name")),
             (QStringList{QStringLiteral("command"), QStringLiteral("host"), QStringLiteral("risk"),
                          QStringLiteral("started_at"), QStringLiteral("status")}));
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT name FROM pragma_table_info('audit_log') WHERE pk = 1"))
            .toString(),
        QStringLiteral("id"));
    const QStringList indexedColumns = db.column(
        QStringLiteral("SELECT ii.name FROM pragma_index_list('audit_log') AS il,"
                       " pragma_index_info(il.name) AS ii WHERE il.origin = 'c' ORDER BY ii.name"));
    QCOMPARE(indexedColumns, (QStringList{QStringLiteral("host"), QStringLiteral("started_at")}));

    // The CHECK constraints hold the enumerations to their documented names.
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO audit_log (started_at, host, command, risk,"
                                    " status) VALUES ('x', 'h', 'c', 'maybe', 'running')"),
                     true));
    QVERIFY(!db.exec(QStringLiteral("INSERT INTO audit_log (started_at, host, command, risk,"
                                    " status) VALUES ('x', 'h', 'c', 'read', 'paused')"),
                     true));
}

void tst_StateStore::opensDefaultPath()
{
    // CTest gives this test its own XDG_DATA_HOME; anywhere else this would touch real data.
    if (qEnvironmentVariableIsEmpty("XDG_DATA_HOME"))
        QSKIP("Needs the private XDG_DATA_HOME that CTest sets (run through ctest).");
    const QString path = Paths::stateDatabaseFile();
    QVERIFY(path.startsWith(qEnvironmentVariable("XDG_DATA_HOME")));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);

    {
        StateStore store;
        QString error;
        QVERIFY2(openStore(store, {}, &error), qPrintable(error));
        QVERIFY(begin(store, makeEntry(QStringLiteral("h"), QStringLiteral("true"))) > 0);
    }
    PlainConnection db(path);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 1);
}

void tst_StateStore::reopeningIsNoOp()
{
    qint64 rowId = 0;
    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
        rowId = begin(store, makeEntry(QStringLiteral("h"), QStringLiteral("uptime")));
        QVERIFY(rowId > 0);
    }
    QString schemaBefore;
    {
        PlainConnection db(databasePath());
        schemaBefore =
            db.column(QStringLiteral("SELECT sql FROM sqlite_master ORDER BY name")).join(u'\n');
    }
    QVERIFY(schemaBefore.contains(u"audit_log"));
    const QByteArray before = fileHash(databasePath());
    QVERIFY(!before.isEmpty());

    {
        StateStore store;
        QVERIFY(openStore(store, databasePath()));
        const auto entries = query(store, {});
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().id, rowId);
    }

    // Nothing to migrate means nothing written: the file is byte for byte the same.
    QCOMPARE(fileHash(databasePath()), before);
    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Migrations::latestVersion());
    QCOMPARE(db.column(QStringLiteral("SELECT sql FROM sqlite_master ORDER BY name")).join(u'\n'),
             schemaBefore);
}

void tst_StateStore::refusesNewerSchema_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("rollback journal") << QStringLiteral("DELETE");
    QTest::newRow("wal") << QStringLiteral("WAL");
}

void tst_StateStore::refusesNewerSchema()
{
    QFETCH(QString, journalMode);
    const int future = Migrations::latestVersion() + 7;
    {
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        QVERIFY(db.exec(QStringLiteral("PRAGMA journal_mode = ") + journalMode));
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE from_the_future (x TEXT)")));
        QVERIFY(db.exec(QStringLiteral("INSERT INTO from_the_future VALUES ('keep me')")));
        QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = %1").arg(future)));
    }
    const QByteArray before = fileHash(databasePath());
    QVERIFY(!before.isEmpty());

    {
        StateStore store;
        QString error;
        QVERIFY(!openStore(store, databasePath(), &error));
        QVERIFY2(error.contains(databasePath()), qPrintable(error));
        QVERIFY2(error.contains(QString::number(future)), qPrintable(error));
        QVERIFY2(error.contains(QString::number(Migrations::latestVersion())), qPrintable(error));

        // A refused store stays closed, and says which file it is about.
        QSignalSpy failed(&store, &StateStore::failed);
        const quint64 id = store.beginAudit(makeEntry(QStringLiteral("h"), QStringLiteral("ls")));
        QVERIFY(waitForFailure(failed, id).contains(databasePath()));
    }

    QCOMPARE(fileHash(databasePath()), before);
    QVERIFY(!QFile::exists(databasePath() + u"-wal"));
    PlainConnection db(databasePath());
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), future);
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), journalMode.toLower());
    QVERIFY(
        !db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'"))
             .toBool());
}

void tst_StateStore::failedMigrationStepRollsBack()
{
    PlainConnection db(databasePath());
    QVERIFY(db.isOpen());
    const Migrations::Step first{1, {QStringLiteral("CREATE TABLE a (x INTEGER)")}};
    const Migrations::Step broken{
        2, {QStringLiteral("CREATE TABLE b (x INTEGER)"), QStringLiteral("THIS IS NOT SQL")}};

    QString error;
    QVERIFY(!Migrations::apply(db.database(), {first, broken}, &error));
    QVERIFY2(error.contains(databasePath()), qPrintable(error));
    // Step 1 stays committed; step 2 left nothing behind, not even its first statement.
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(db.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                      " ORDER BY name")),
             QStringList{QStringLiteral("a")});

    const Migrations::Step fixed{2, {QStringLiteral("CREATE TABLE b (x INTEGER)")}};
    error.clear();
    QVERIFY2(Migrations::apply(db.database(), {first, fixed}, &error), qPrintable(error));
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);

    // Steps must be numbered without gaps, or schema would be skipped silently.
    const Migrations::Step gap{4, {QStringLiteral("CREATE TABLE d (x INTEGER)")}};
    QVERIFY(!Migrations::apply(db.database(), {first, fixed, gap}, &error));
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);

    // A database newer than the steps is refused by apply() too.
    QVERIFY(!Migrations::apply(db.database(), {first}, &error));
    QVERIFY2(error.contains(databasePath()), qPrintable(error));
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);
}

void tst_StateStore::requestsBeforeOpenFail()
{
    StateStore store;
    QSignalSpy started(&store, &StateStore::auditStarted);
    QSignalSpy failed(&store, &StateStore::failed);
    const quint64 id = store.beginAudit(makeEntry(QStringLiteral("h"), QStringLiteral("ls")));
    QVERIFY(id != 0);
    QVERIFY(!waitForFailure(failed, id).isEmpty());
    QVERIFY(started.isEmpty());
}

void tst_StateStore::auditRoundTrip()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));

    AuditEntry entry;
    // An offset time: stored as UTC, and equal (same instant) when read back.
    entry.startedAt = QDateTime(QDate(2024, 3, 1), QTime(13, 34, 56, 789), Qt::OffsetFromUTC, 3600);
    entry.host = QStringLiteral("web-01.example.org");
    entry.remoteUser = QStringLiteral("deploy");
    entry.command = QStringLiteral("systemctl restart 'nginx'; echo \"done\" -- ******");
    entry.risk = Risk::Change;
    entry.incidentId = 42;
    // Ignored by beginAudit: a new row always starts out running.
    entry.exitCode = 3;
    entry.status = AuditStatus::Finished;

    const qint64 rowId = begin(store, entry);
    QVERIFY(rowId > 0);

    {
        PlainConnection db(databasePath());
        QCOMPARE(db.scalar(QStringLiteral("SELECT started_at FROM audit_log WHERE id = ?"), {rowId})
                     .toString(),
                 QStringLiteral("2024-03-01T12:34:56.789Z"));
    }

    auto entries = query(store, {});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    AuditEntry expected = entry;
    expected.id = rowId;
    expected.exitCode.reset();
    expected.status = AuditStatus::Running;
    QCOMPARE(entries->first(), expected);
    QCOMPARE(entries->first().startedAt.timeSpec(), Qt::UTC);

    const QDateTime beforeFinish = QDateTime::currentDateTimeUtc();
    QSignalSpy finished(&store, &StateStore::auditFinished);
    const quint64 finishId = store.finishAudit(rowId, std::nullopt, QStringLiteral("SIGKILL"), 1234,
                                               5678, AuditStatus::Cancelled);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).value<quint64>(), finishId);
    QCOMPARE(finished.at(0).at(1).value<qint64>(), rowId);
    const QDateTime afterFinish = QDateTime::currentDateTimeUtc();

    entries = query(store, {});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    const AuditEntry done = entries->first();
    QVERIFY(done.finishedAt.isValid());
    QVERIFY(done.finishedAt >= beforeFinish.addMSecs(-1) && done.finishedAt <= afterFinish);
    expected.finishedAt = done.finishedAt;
    expected.signalName = QStringLiteral("SIGKILL");
    expected.durationMs = 1234;
    expected.outputBytes = 5678;
    expected.status = AuditStatus::Cancelled;
    QCOMPARE(done, expected);

    // Empty optional text is stored as NULL, not as ''.
    const qint64 bare = begin(store, makeEntry(QStringLiteral("h"), QStringLiteral("ls")));
    QVERIFY(bare > 0);
    PlainConnection db(databasePath());
    QVERIFY(db.scalar(QStringLiteral("SELECT remote_user IS NULL AND incident_id IS NULL"
                                     " AND finished_at IS NULL FROM audit_log WHERE id = ?"),
                      {bare})
                .toBool());
}

void tst_StateStore::auditQueryFilters_data()
{
    QTest::addColumn<AuditQuery>("filter");
    QTest::addColumn<QStringList>("expected"); // commands, in the order returned

    const QString restart = QStringLiteral("systemctl restart nginx");
    const QString df = QStringLiteral("df -h");
    const QString dash = QStringLiteral("rm -rf /tmp/x-y");
    const QString underscore = QStringLiteral("rm -rf /tmp/x_y");
    const QString percent = QStringLiteral("grep '100%' /var/log/syslog");
    const QString quoted = QStringLiteral("echo 'it''s'; DROP TABLE audit_log; --");

    AuditQuery all;
    QTest::newRow("everything, newest first")
        << all << QStringList{quoted, percent, underscore, dash, df, restart};

    AuditQuery host;
    host.host = QStringLiteral("web1");
    QTest::newRow("host") << host << QStringList{underscore, df, restart};

    AuditQuery text;
    text.text = QStringLiteral("NGINX");
    QTest::newRow("text is case-insensitive") << text << QStringList{restart};

    AuditQuery wildcard;
    wildcard.text = QStringLiteral("x_y");
    QTest::newRow("underscore is literal") << wildcard << QStringList{underscore};

    AuditQuery percentText;
    percentText.text = QStringLiteral("%");
    QTest::newRow("percent is literal") << percentText << QStringList{percent};

    AuditQuery injection;
    injection.text = QStringLiteral("DROP TABLE audit_log");
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
    combined.host = QStringLiteral("web1");
    combined.text = QStringLiteral("rm ");
    combined.from = utc(2);
    QTest::newRow("combined") << combined << QStringList{underscore};

    AuditQuery nothing;
    nothing.host = QStringLiteral("nowhere");
    QTest::newRow("no match") << nothing << QStringList();
}

void tst_StateStore::auditQueryFilters()
{
    QFETCH(AuditQuery, filter);
    QFETCH(QStringList, expected);

    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    const QList<AuditEntry> rows = {
        makeEntry(QStringLiteral("web1"), QStringLiteral("systemctl restart nginx"), utc(0)),
        makeEntry(QStringLiteral("web1"), QStringLiteral("df -h"), utc(1)),
        makeEntry(QStringLiteral("web2"), QStringLiteral("rm -rf /tmp/x-y"), utc(2)),
        makeEntry(QStringLiteral("web1"), QStringLiteral("rm -rf /tmp/x_y"), utc(2, 30)),
        makeEntry(QStringLiteral("db1"), QStringLiteral("grep '100%' /var/log/syslog"), utc(3)),
        makeEntry(QStringLiteral("db1"), QStringLiteral("echo 'it''s'; DROP TABLE audit_log; --"),
                  utc(4)),
    };
    // Inserted out of time order: the result order must come from started_at.
    for (const int index : {3, 0, 5, 1, 4, 2})
        QVERIFY(begin(store, rows.at(index)) > 0);

    const auto entries = query(store, filter);
    QVERIFY(entries);
    QStringList commands;
    for (const AuditEntry &entry : *entries)
        commands.append(entry.command);
    QCOMPARE(commands, expected);
}

void tst_StateStore::finishOnlyRunningRows()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    const qint64 rowId = begin(store, makeEntry(QStringLiteral("h"), QStringLiteral("ls")));
    QVERIFY(rowId > 0);

    QSignalSpy failed(&store, &StateStore::failed);
    QSignalSpy finished(&store, &StateStore::auditFinished);

    quint64 id = store.finishAudit(rowId + 1000, 0, {}, 1, 1, AuditStatus::Finished);
    QString message = waitForFailure(failed, id);
    QVERIFY2(message.contains(databasePath()), qPrintable(message));
    failed.clear();

    id = store.finishAudit(rowId, 0, {}, 1, 1, AuditStatus::Running);
    QVERIFY(!waitForFailure(failed, id).isEmpty());
    failed.clear();

    id = store.finishAudit(rowId, 0, {}, 10, 20, AuditStatus::Finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).value<quint64>(), id);

    // A second finish must not rewrite history.
    id = store.finishAudit(rowId, 1, QStringLiteral("SIGTERM"), 30, 40, AuditStatus::Failed);
    message = waitForFailure(failed, id);
    QVERIFY2(message.contains(databasePath()), qPrintable(message));
    QCOMPARE(finished.size(), 1);

    const auto entries = query(store, {});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().status, AuditStatus::Finished);
    QCOMPARE(entries->first().exitCode, std::optional<int>(0));
    QCOMPARE(entries->first().durationMs, std::optional<qint64>(10));
    QVERIFY(entries->first().signalName.isEmpty());
}

void tst_StateStore::auditStartedAfterCommit()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    PlainConnection other(databasePath());
    QVERIFY(other.isOpen());

    // Checked the moment each signal arrives: the executor starts the command right then.
    std::set<quint64> answered;
    QList<qint64> invisible;
    connect(&store, &StateStore::auditStarted, this, [&](quint64 requestId, qint64 rowId) {
        answered.insert(requestId);
        if (other.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ?"), {rowId})
                .toInt() != 1)
            invisible.append(rowId);
    });
    QSignalSpy failed(&store, &StateStore::failed);

    std::set<quint64> requested;
    for (int i = 0; i < 50; ++i) {
        requested.insert(
            store.beginAudit(makeEntry(QStringLiteral("h"), QStringLiteral("echo %1").arg(i))));
    }
    QCOMPARE(requested.size(), std::size_t{50});
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), std::size_t{50}, 20000);
    QCOMPARE(answered, requested);
    QVERIFY(failed.isEmpty());
    QCOMPARE(invisible, QList<qint64>());
}

void tst_StateStore::beginFailsWhenRowCannotBeWritten()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    QSignalSpy started(&store, &StateStore::auditStarted);
    QSignalSpy failed(&store, &StateStore::failed);

    // Another writer holds the lock past the busy timeout: the row cannot be committed, so no
    // auditStarted may arrive (a store that announced before committing would be caught here),
    // and the caller learns why, with the file named.
    PlainConnection locker(databasePath());
    QVERIFY(locker.exec(QStringLiteral("BEGIN IMMEDIATE")));
    const quint64 id = store.beginAudit(makeEntry(QStringLiteral("h"), QStringLiteral("reboot")));
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !started.isEmpty(), 30000);
    QVERIFY(started.isEmpty());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<quint64>(), id);
    QVERIFY2(failed.at(0).at(1).toString().contains(databasePath()),
             qPrintable(failed.at(0).at(1).toString()));
    QVERIFY(locker.exec(QStringLiteral("COMMIT")));
    QCOMPARE(locker.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);

    // The store is still usable once the lock is gone.
    QVERIFY(begin(store, makeEntry(QStringLiteral("h"), QStringLiteral("uptime"))) > 0);
}

void tst_StateStore::apiIsAsynchronous()
{
    StateStore store;
    QVERIFY(openStore(store, databasePath()));
    QSignalSpy started(&store, &StateStore::auditStarted);
    QSignalSpy failed(&store, &StateStore::failed);

    // Hold the write lock from this thread: a store that wrote from the calling thread would
    // now wait for itself (busy timeout) and fail, instead of returning at once.
    PlainConnection locker(databasePath());
    QVERIFY(locker.exec(QStringLiteral("BEGIN IMMEDIATE")));

    QList<quint64> ids;
    for (int i = 0; i < 500; ++i) {
        ids.append(
            store.beginAudit(makeEntry(QStringLiteral("h"), QStringLiteral("echo %1").arg(i))));
        QVERIFY(started.isEmpty());
        QVERIFY(failed.isEmpty());
    }
    QCOMPARE(locker.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
    QVERIFY(locker.exec(QStringLiteral("COMMIT")));

    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 500, 30000);
    QVERIFY(failed.isEmpty());
    // Answers come in request order, each with its own id.
    for (int i = 0; i < ids.size(); ++i)
        QCOMPARE(started.at(i).at(0).value<quint64>(), ids.at(i));
    QCOMPARE(std::set<quint64>(ids.cbegin(), ids.cend()).size(), std::size_t{500});
}

void tst_StateStore::survivesSigkill()
{
    KilledWriter writer;
    QString writerError;
    QVERIFY2(
        writer.runAndKill(QStringLiteral(STATESTORE_WRITER), {databasePath()}, 200, &writerError),
        qPrintable(writerError));
    QCOMPARE(writer.badLines(), QStringList());
    const QList<qint64> printed = writer.ids();
    QVERIFY(printed.size() >= 200);

    {
        PlainConnection db(databasePath());
        QVERIFY(db.isOpen());
        QCOMPARE(db.scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        QList<qint64> missing;
        for (const qint64 id : std::as_const(printed)) {
            if (db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE id = ?"), {id})
                    .toInt() != 1)
                missing.append(id);
        }
        QCOMPARE(missing, QList<qint64>());
    }

    // And the store itself takes the file back.
    StateStore store;
    QString error;
    QVERIFY2(openStore(store, databasePath(), &error), qPrintable(error));
    AuditQuery filter;
    filter.limit = 0;
    const auto entries = query(store, filter);
    QVERIFY(entries);
    QVERIFY(entries->size() >= printed.size());
}

QTEST_GUILESS_MAIN(tst_StateStore)
#include "tst_statestore.moc"
