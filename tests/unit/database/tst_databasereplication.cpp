// SPDX-License-Identifier: GPL-3.0-or-later
// Replication read from a real streaming standby (tests/scripts/postgres-fixture.sh standby) of
// a real PostgreSQL 15: the primary's Replication view lists it streaming with its lag known,
// the standby reads as one (in recovery, the time since it replayed a transaction), and with
// replay paused on the standby the lag in bytes grows past the workspace's replication_lag
// threshold and the replica's verdict follows it, then falls back once replay resumes.
#include "commandtesting.h"
#include "databasetesting.h"
#include "models/database/databasesession.h"
#include "models/health/checkresult.h"
#include "postgresfixture.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QTest>

#include <memory>

using namespace OpsDeck;
using namespace DatabaseTesting;
using namespace Qt::StringLiterals;

namespace {

int rowVerdict(const QAbstractItemModel &model, int row)
{
    int verdict = 0;
    for (int column = 0; column < model.columnCount(); ++column)
        verdict = std::max(verdict, model.index(row, column).data(KeyedTableRole::Verdict).toInt());
    return verdict;
}

// One statement on the standby as its superuser, over its socket.
QString standbyQuery(const PostgresStandby &standby, const QString &sql)
{
    QProcess process;
    process.start(u"psql"_s, {u"-X"_s, u"-At"_s, u"-h"_s, standby.value(u"SOCKET_DIR"_s), u"-p"_s,
                              standby.value(u"PORT"_s), u"-U"_s, standby.value(u"SUPERUSER"_s),
                              u"-d"_s, standby.value(u"DATABASE"_s), u"-c"_s, sql});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class DatabaseReplicationTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PostgresFixture> m_postgres;
    std::unique_ptr<PostgresStandby> m_standby;

    // The primary, or the standby when port is given.
    std::unique_ptr<DatabaseSession> newSession(const QString &name, int port = 0)
    {
        Database database;
        database.name = name;
        database.host = m_postgres->value(u"HOST"_s);
        database.port = port > 0 ? port : m_postgres->value(u"PORT"_s).toInt();
        database.database = m_postgres->value(u"DATABASE"_s);
        database.user = m_postgres->value(u"USER"_s);
        database.sslMode = u"disable"_s;
        DatabaseServices services;
        Workspace workspace = CommandTesting::localWorkspace(u"local"_s);
        // Warning from 1 MiB behind: paused replay passes it with a few MiB written.
        workspace.thresholds = {
            {u"replication_lag"_s, 1, 1024, u"MiB"_s, Threshold::Direction::Above, {}}};
        services.workspace = workspace;
        auto session = std::make_unique<DatabaseSession>(database, u"local"_s, services);
        session->providePassword(m_postgres->value(u"PASSWORD"_s), false);
        return session;
    }

    // The primary's row for the standby after a refresh, or -1.
    int replicaRow(DatabaseSession &primary)
    {
        if (!refreshed(primary, DatabaseView::Replication))
            return -1;
        for (int row = 0; row < primary.replicas()->rowCount(); ++row) {
            if (primary.replicas()->rowAt(row).name == m_standby->value(u"STANDBY_NAME"_s))
                return row;
        }
        return -1;
    }

    // Refreshes until the standby's row satisfies done (its lag moves as WAL arrives).
    template<typename Done>
    int waitForReplica(DatabaseSession &primary, Done done)
    {
        for (int round = 0; round < 100; ++round) {
            const int row = replicaRow(primary);
            if (row >= 0 && done(primary.replicas()->rowAt(row)))
                return row;
            QTest::qWait(100);
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<DatabaseView>();
        m_postgres = std::make_unique<PostgresFixture>();
        QVERIFY2(m_postgres->ok(), qPrintable(m_postgres->error()));
        superuserQuery(*m_postgres, u"DROP TABLE IF EXISTS feed;"
                                    "CREATE TABLE feed (id int, payload text)"_s);
        m_standby = std::make_unique<PostgresStandby>(*m_postgres);
        QVERIFY2(m_standby->ok(), qPrintable(m_standby->error()));
        QVERIFY(!m_standby->value(u"STANDBY_NAME"_s).isEmpty());
        QCOMPARE(m_standby->value(u"PRIMARY_PORT"_s), m_postgres->value(u"PORT"_s));
        QVERIFY(m_standby->value(u"PORT"_s) != m_postgres->value(u"PORT"_s));
    }

    void cleanupTestCase()
    {
        // The standby first: the primary's fast shutdown would wait for its walsender.
        m_standby.reset();
        m_postgres.reset();
    }

    void primaryListsTheStreamingStandby()
    {
        auto primary = newSession(u"primary"_s);
        QAbstractItemModelTester tester(primary->replicas(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitState(*primary, DatabaseConnectionState::Open));
        QVERIFY(!primary->server().inRecovery);
        superuserQuery(*m_postgres,
                       u"INSERT INTO feed SELECT g, 'row ' || g FROM generate_series(1, 100) g"_s);
        // The fixture commits asynchronously: the rows reach the standby once the WAL writer
        // flushed them, and only then does the primary's position include them.
        QTRY_COMPARE_WITH_TIMEOUT(standbyQuery(*m_standby, u"SELECT count(*) FROM feed"_s),
                                  u"100"_s, 10000);
        // Streaming, and caught up.
        const int row = waitForReplica(*primary, [](const ReplicaRow &replica) {
            return replica.state == u"streaming"_s && replica.lagBytes == 0;
        });
        QVERIFY2(row >= 0, qPrintable(primary->lastSnapshot(DatabaseView::Replication).error));
        const ReplicaRow replica = primary->replicas()->rowAt(row);
        QCOMPARE(replica.syncState, u"async"_s);
        QCOMPARE(replica.client, u"local"_s); // over the primary's socket
        QVERIFY(!replica.sentLsn.isEmpty());
        QCOMPARE(replica.replayLsn, replica.sentLsn);
        // PostgreSQL gives the replay lag once the standby reported a replayed position and
        // NULL again after it stayed idle a while: known and not negative, or unknown.
        QVERIFY2(replica.replayLagMs >= -1, qPrintable(QString::number(replica.replayLagMs)));
        QCOMPARE(rowVerdict(*primary->replicas(), row), int(Verdict::Ok));
    }

    void standbyReadsAsOne()
    {
        superuserQuery(*m_postgres, u"INSERT INTO feed VALUES (0, 'replayed')"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            standbyQuery(*m_standby, u"SELECT count(*) FROM feed WHERE payload = 'replayed'"_s),
            u"1"_s, 10000);
        auto standby = newSession(u"standby"_s, m_standby->value(u"PORT"_s).toInt());
        QVERIFY(waitState(*standby, DatabaseConnectionState::Open));
        QVERIFY(standby->server().inRecovery);
        QVERIFY(refreshed(*standby, DatabaseView::Replication));
        const DatabaseSnapshot first = standby->lastSnapshot(DatabaseView::Replication);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(first.replicas.isEmpty()); // nothing streams from it
        // Since the last replayed transaction: known, and growing while nothing is written.
        QVERIFY2(first.standbyReplayDelayMs >= 0,
                 qPrintable(QString::number(first.standbyReplayDelayMs)));
        QVERIFY(first.standbyReplayDelayMs < 60000);
        QTest::qWait(1500);
        QVERIFY(refreshed(*standby, DatabaseView::Replication));
        const qint64 later = standby->lastSnapshot(DatabaseView::Replication).standbyReplayDelayMs;
        QVERIFY2(later >= first.standbyReplayDelayMs + 1000,
                 qPrintable(u"%1 then %2"_s.arg(first.standbyReplayDelayMs).arg(later)));
    }

    void pausedReplayLagsAndIsJudged()
    {
        auto primary = newSession(u"primary"_s);
        QAbstractItemModelTester tester(primary->replicas(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitState(*primary, DatabaseConnectionState::Open));
        QVERIFY(waitForReplica(*primary, [](const ReplicaRow &r) { return r.lagBytes == 0; }) >= 0);

        standbyQuery(*m_standby, u"SELECT pg_wal_replay_pause()"_s);
        QTRY_COMPARE_WITH_TIMEOUT(
            standbyQuery(*m_standby, u"SELECT pg_get_wal_replay_pause_state()"_s), u"paused"_s,
            10000);
        // Whatever happens below, replay resumes for the cases after this one.
        const auto resume =
            qScopeGuard([this] { standbyQuery(*m_standby, u"SELECT pg_wal_replay_resume()"_s); });
        superuserQuery(*m_postgres, u"INSERT INTO feed SELECT g, repeat('x', 1000) "
                                    "FROM generate_series(1, 2000) g"_s);
        int row = waitForReplica(*primary, [](const ReplicaRow &r) { return r.lagBytes > 0; });
        QVERIFY(row >= 0);
        const qint64 lagged = primary->replicas()->rowAt(row).lagBytes;
        superuserQuery(*m_postgres, u"INSERT INTO feed SELECT g, repeat('y', 1000) "
                                    "FROM generate_series(1, 4000) g"_s);
        // Past the 1 MiB warning: the replica is a warning, its replayed position stands still.
        row = waitForReplica(*primary, [lagged](const ReplicaRow &r) {
            return r.lagBytes > lagged && r.lagBytes > 2 * 1024 * 1024;
        });
        QVERIFY2(row >= 0, qPrintable(u"%1 bytes behind before"_s.arg(lagged)));
        const ReplicaRow paused = primary->replicas()->rowAt(row);
        QCOMPARE(paused.state, u"streaming"_s);
        QVERIFY(paused.replayLsn != paused.sentLsn);
        QCOMPARE(rowVerdict(*primary->replicas(), row), int(Verdict::Warning));
        QVERIFY(standbyQuery(*m_standby, u"SELECT count(*) FROM feed WHERE payload LIKE 'y%'"_s) ==
                u"0"_s);

        standbyQuery(*m_standby, u"SELECT pg_wal_replay_resume()"_s);
        row = waitForReplica(*primary, [](const ReplicaRow &r) { return r.lagBytes == 0; });
        QVERIFY(row >= 0);
        QCOMPARE(rowVerdict(*primary->replicas(), row), int(Verdict::Ok));
        QCOMPARE(standbyQuery(*m_standby, u"SELECT count(*) FROM feed WHERE payload LIKE 'y%'"_s),
                 u"4000"_s);
    }
};

QTEST_GUILESS_MAIN(DatabaseReplicationTest)
#include "tst_databasereplication.moc"
