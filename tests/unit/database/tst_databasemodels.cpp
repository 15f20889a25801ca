// SPDX-License-Identifier: GPL-3.0-or-later
// The DBA models no server fixture fills, from made-up snapshots under QAbstractItemModelTester:
// I/O by backend type (pg_stat_io is PostgreSQL 16+, the fixture is 15), replicas with their lag
// judged by the workspace's threshold, the Overview's history dropping its oldest samples past
// its capacity; and the Activity filters the page and `opsdeck db activity` share.
#include "models/database/databasemodels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(OpsDeck::ActivityRow)

namespace {

IoRow ioRow(const QString &backendType, qint64 reads, qint64 writes)
{
    IoRow row;
    row.backendType = backendType;
    row.reads = reads;
    row.writes = writes;
    row.hits = reads * 10;
    row.extends = 3;
    row.evictions = 2;
    row.fsyncs = 1;
    return row;
}

ReplicaRow replica(const QString &name, const QString &client, qint64 lagBytes, qint64 replayMs)
{
    ReplicaRow row;
    row.name = name;
    row.client = client;
    row.state = u"streaming"_s;
    row.syncState = u"async"_s;
    row.lagBytes = lagBytes;
    row.writeLagMs = replayMs / 4;
    row.flushLagMs = replayMs / 2;
    row.replayLagMs = replayMs;
    row.sentLsn = u"0/3000148"_s;
    row.replayLsn = u"0/3000060"_s;
    return row;
}

// An Overview snapshot at second `second` after a fixed start, with commits and rollbacks
// summed over two databases.
DatabaseSnapshot overviewAt(int second, qint64 commits, qint64 rollbacks, int active)
{
    DatabaseSnapshot snapshot;
    snapshot.view = DatabaseView::Overview;
    snapshot.takenAt = QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc()).addSecs(second);
    snapshot.connections = {{u"active"_s, active},
                            {u"idle"_s, 4},
                            {u"idle in transaction"_s, 1},
                            {u"idle in transaction (aborted)"_s, 1},
                            {u"fastpath function call"_s, 1}};
    DatabaseStatsRow first;
    first.name = u"orders"_s;
    first.commits = commits - 100;
    first.rollbacks = rollbacks;
    DatabaseStatsRow second_;
    second_.name = u"postgres"_s;
    second_.commits = 100;
    snapshot.databases = {first, second_};
    return snapshot;
}

ActivityRow activity(const QString &state, qint64 queryAgeMs, qint64 stateAgeMs,
                     qint64 transactionAgeMs)
{
    ActivityRow row;
    row.pid = 4242;
    row.state = state;
    row.queryAgeMs = queryAgeMs;
    row.stateAgeMs = stateAgeMs;
    row.transactionAgeMs = transactionAgeMs;
    return row;
}

} // namespace

class DatabaseModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ioRowsByBackendType()
    {
        std::unique_ptr<IoModel> model(newIoModel(nullptr));
        QAbstractItemModelTester tester(model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 0);
        model->setRows({ioRow(u"client backend"_s, 1200, 30), ioRow(u"checkpointer"_s, 0, 900),
                        ioRow(u"autovacuum worker"_s, 50, 5)});
        QCOMPARE(model->rowCount(), 3);
        const int reads = model->columnOf(u"Reads"_s);
        const int writes = model->columnOf(u"Writes"_s);
        QVERIFY(reads > 0 && writes > 0);
        QCOMPARE(model->columnCount(), 7);
        const int checkpointer = model->rowOf(u"checkpointer"_s);
        QVERIFY(checkpointer >= 0);
        QCOMPARE(model->index(checkpointer, 0).data().toString(), u"checkpointer"_s);
        QCOMPARE(model->index(checkpointer, writes).data(KeyedTableRole::Sort).toLongLong(),
                 qint64(900));
        // Numbers sort as numbers: 1200 reads after 50, though "1,200" < "50" as text.
        const int client = model->rowOf(u"client backend"_s);
        const int autovacuum = model->rowOf(u"autovacuum worker"_s);
        QVERIFY(model->index(client, reads).data(KeyedTableRole::Sort).toLongLong() >
                model->index(autovacuum, reads).data(KeyedTableRole::Sort).toLongLong());

        // The next refresh: the checkpointer's counters grow in place, the autovacuum worker
        // is gone, a walwriter appears; the rows that stay keep their place.
        QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
        QPersistentModelIndex kept(model->index(checkpointer, writes));
        model->setRows({ioRow(u"checkpointer"_s, 0, 1500), ioRow(u"client backend"_s, 1300, 31),
                        ioRow(u"walwriter"_s, 0, 77)});
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data(KeyedTableRole::Sort).toLongLong(), qint64(1500));
        QCOMPARE(model->rowOf(u"autovacuum worker"_s), -1);
        QVERIFY(model->rowOf(u"walwriter"_s) >= 0);
        // Before PostgreSQL 16 the Overview reads no I/O: the table empties.
        model->setRows({});
        QCOMPARE(model->rowCount(), 0);
    }

    void replicasWithLag()
    {
        const DatabaseThresholds thresholds = DatabaseThresholds::fromWorkspace({});
        std::unique_ptr<ReplicasModel> model(newReplicasModel(thresholds, nullptr));
        QAbstractItemModelTester tester(model.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Under 16 MiB behind: fine; past 16 MiB: warning; past 1 GiB: critical; unknown: fine.
        model->setRows({replica(u"standby_a"_s, u"10.0.0.2"_s, 4096, 20),
                        replica(u"standby_b"_s, u"10.0.0.3"_s, 64LL << 20, 8000),
                        replica(u"standby_c"_s, u"10.0.0.4"_s, 2LL << 30, 600000),
                        replica(u"standby_d"_s, u"10.0.0.5"_s, -1, -1)});
        QCOMPARE(model->rowCount(), 4);
        const int lag = model->columnOf(u"Lag"_s);
        const int replay = model->columnOf(u"Replay lag"_s);
        QVERIFY(lag >= 0 && replay >= 0);
        const auto verdict = [&](const QString &key) {
            return model->index(model->rowOf(key), lag).data(KeyedTableRole::Verdict).toInt();
        };
        QCOMPARE(verdict(u"standby_a/10.0.0.2"_s), int(DatabaseVerdict::Fine));
        QCOMPARE(verdict(u"standby_b/10.0.0.3"_s), int(DatabaseVerdict::Warning));
        QCOMPARE(verdict(u"standby_c/10.0.0.4"_s), int(DatabaseVerdict::Critical));
        QCOMPARE(verdict(u"standby_d/10.0.0.5"_s), int(DatabaseVerdict::Fine));
        const int unknown = model->rowOf(u"standby_d/10.0.0.5"_s);
        QCOMPARE(model->index(unknown, lag).data().toString(), QString());
        QCOMPARE(model->index(unknown, replay).data().toString(), QString());
        const int far = model->rowOf(u"standby_c/10.0.0.4"_s);
        QVERIFY(!model->index(far, lag).data().toString().isEmpty());
        QCOMPARE(model->index(far, replay).data(KeyedTableRole::Sort).toLongLong(), qint64(600000));
        QCOMPARE(model->index(far, model->columnOf(u"State"_s)).data().toString(), u"streaming"_s);

        // A standby that disconnects leaves; one catching up changes in place.
        ReplicaRow catching = replica(u"standby_b"_s, u"10.0.0.3"_s, 1024, 10);
        catching.state = u"catchup"_s;
        model->setRows({replica(u"standby_a"_s, u"10.0.0.2"_s, 0, 0), catching});
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->rowOf(u"standby_c/10.0.0.4"_s), -1);
        QCOMPARE(verdict(u"standby_b/10.0.0.3"_s), int(DatabaseVerdict::Fine));
        QCOMPARE(model->rowAt(model->rowOf(u"standby_b/10.0.0.3"_s)).state, u"catchup"_s);
    }

    void historyDropsTheOldestPastCapacity()
    {
        OverviewHistoryModel model(3);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        // Five refreshes 10 s apart, 50 commits and 10 rollbacks each time.
        for (int sample = 0; sample < 5; ++sample)
            model.addSnapshot(
                overviewAt(sample * 10, 1000 + sample * 50, 100 + sample * 10, 2 + sample));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.size(), 2);
        // The oldest two went: the first row is the third sample.
        const QDateTime start = QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(model.samples().first().at, start.addSecs(20));
        QCOMPARE(model.samples().last().at, start.addSecs(40));
        QCOMPARE(model.index(0, OverviewHistoryModel::Time).data().toDouble(),
                 double(start.addSecs(20).toMSecsSinceEpoch()));
        QCOMPARE(model.index(0, OverviewHistoryModel::Active).data().toInt(), 4);
        QCOMPARE(model.index(2, OverviewHistoryModel::Active).data().toInt(), 6);
        QCOMPARE(model.index(2, OverviewHistoryModel::Idle).data().toInt(), 4);
        // Both "idle in transaction" states count as one; anything else is Other.
        QCOMPARE(model.index(2, OverviewHistoryModel::IdleInTransaction).data().toInt(), 2);
        QCOMPARE(model.index(2, OverviewHistoryModel::Other).data().toInt(), 1);
        // (50 commits + 10 rollbacks) / 10 s.
        QCOMPARE(model.index(2, OverviewHistoryModel::TransactionsPerSecond).data().toDouble(),
                 6.0);
        QCOMPARE(model.index(2, OverviewHistoryModel::RollbacksPerSecond).data().toDouble(), 1.0);

        // A failed refresh adds nothing; counters going down (a stats reset) give no rate.
        DatabaseSnapshot failed = overviewAt(50, 2000, 200, 9);
        failed.error = u"connection lost"_s;
        model.addSnapshot(failed);
        QCOMPARE(model.rowCount(), 3);
        model.addSnapshot(overviewAt(60, 500, 0, 3));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.samples().first().at, start.addSecs(30));
        QCOMPARE(model.samples().last().transactionsPerSecond, -1.0);
        QCOMPARE(model.index(2, OverviewHistoryModel::TransactionsPerSecond).data().toDouble(),
                 0.0);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void activityFilters_data()
    {
        QTest::addColumn<ActivityRow>("row");
        QTest::addColumn<bool>("hideIdle");
        QTest::addColumn<qint64>("minimumMs");
        QTest::addColumn<bool>("shown");

        // Active: the query's age counts, not the transaction's.
        const ActivityRow active = activity(u"active"_s, 2000, 2000, 90000);
        QTest::newRow("active, young query in an old transaction")
            << active << false << qint64(60000) << false;
        QTest::newRow("active, query old enough") << active << false << qint64(2000) << true;
        // Idle in transaction: how long it has sat idle in it (the state), not since BEGIN.
        const ActivityRow waiting = activity(u"idle in transaction"_s, 70000, 5000, 80000);
        QTest::newRow("idle in transaction, fresh") << waiting << false << qint64(60000) << false;
        QTest::newRow("idle in transaction, long") << waiting << false << qint64(5000) << true;
        // Idle: since it went idle; its last query's age does not count.
        const ActivityRow idle = activity(u"idle"_s, 600000, 1000, -1);
        QTest::newRow("idle, long ago queried") << idle << false << qint64(60000) << false;
        QTest::newRow("idle, no minimum") << idle << false << qint64(0) << true;
        QTest::newRow("idle hidden") << idle << true << qint64(0) << false;
        QTest::newRow("hide idle keeps the busy") << waiting << true << qint64(0) << true;
        // An unknown age never passes a minimum.
        const ActivityRow background = activity(QString(), -1, -1, -1);
        QTest::newRow("unknown age, minimum") << background << false << qint64(1) << false;
        QTest::newRow("unknown age, no minimum") << background << true << qint64(0) << true;
    }

    void activityFilters()
    {
        QFETCH(ActivityRow, row);
        QFETCH(bool, hideIdle);
        QFETCH(qint64, minimumMs);
        QFETCH(bool, shown);
        QCOMPARE(activityRowShown(row, hideIdle, minimumMs), shown);
    }

    void busyIsQueryWhileActiveElseState()
    {
        QCOMPARE(activityBusyMs(activity(u"active"_s, 1500, 1400, 9000)), qint64(1500));
        QCOMPARE(activityBusyMs(activity(u"idle in transaction"_s, 1500, 700, 9000)), qint64(700));
        QCOMPARE(activityBusyMs(activity(u"idle"_s, 1500, 300, -1)), qint64(300));
    }
};

QTEST_GUILESS_MAIN(DatabaseModelsTest)
#include "tst_databasemodels.moc"
