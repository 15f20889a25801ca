// SPDX-License-Identifier: GPL-3.0-or-later
// The Databases page's proxies over Activity rows as pg_stat_activity gives them: which rows the
// Long-running tab lists, what "Hide idle" and "Minimum duration" keep, the filter line, and
// numeric sorting, each checked by QAbstractItemModelTester.
#include "widgets/database/databasefilters.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

ActivityRow row(int pid, const QString &state, qint64 queryAgeMs, qint64 stateAgeMs,
                const QString &application = u"app"_s, bool own = false)
{
    ActivityRow activity;
    activity.pid = pid;
    activity.user = u"app"_s;
    activity.database = u"orders"_s;
    activity.application = application;
    activity.backendType = u"client backend"_s;
    activity.state = state;
    activity.queryAgeMs = queryAgeMs;
    activity.stateAgeMs = stateAgeMs;
    activity.transactionAgeMs = state.startsWith(u"idle in"_s) ? stateAgeMs : -1;
    activity.query = u"SELECT %1"_s.arg(pid);
    activity.own = own;
    return activity;
}

DatabaseThresholds minutes(double longRunning, double idleInTransaction)
{
    DatabaseThresholds thresholds;
    thresholds.longRunning.warning = longRunning;
    thresholds.idleInTransaction.warning = idleInTransaction;
    return thresholds;
}

QList<int> pids(const QAbstractItemModel &model)
{
    QList<int> found;
    for (int at = 0; at < model.rowCount(); ++at)
        found.append(model.index(at, 0).data(KeyedTableRole::Key).toInt());
    return found;
}

} // namespace

class DatabaseFiltersTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longRunning_data()
    {
        QTest::addColumn<ActivityRow>("activity");
        QTest::addColumn<bool>("listed");
        const qint64 minute = 60000;
        QTest::newRow("active past 5 min") << row(1, u"active"_s, 6 * minute, 6 * minute) << true;
        QTest::newRow("active at exactly 5 min")
            << row(2, u"active"_s, 5 * minute, 5 * minute) << true;
        QTest::newRow("active, young") << row(3, u"active"_s, 20000, 20000) << false;
        QTest::newRow("idle in transaction past 5 min")
            << row(4, u"idle in transaction"_s, 40 * minute, 7 * minute) << true;
        QTest::newRow("idle in transaction (aborted) past 5 min")
            << row(5, u"idle in transaction (aborted)"_s, 40 * minute, 9 * minute) << true;
        // Its last query is old, but it only now went idle in its transaction.
        QTest::newRow("idle in transaction, just now")
            << row(6, u"idle in transaction"_s, 40 * minute, 1000) << false;
        QTest::newRow("idle for hours") << row(7, u"idle"_s, 300 * minute, 300 * minute) << false;
        QTest::newRow("OpsDeck's own, long")
            << row(8, u"active"_s, 60 * minute, 60 * minute, u"opsdeck-dba"_s, true) << false;
        QTest::newRow("no query start") << row(9, u"active"_s, -1, -1) << false;
    }

    void longRunning()
    {
        QFETCH(ActivityRow, activity);
        QFETCH(bool, listed);
        QCOMPARE(ActivityFilter::isLongRunning(activity, minutes(5, 5)), listed);

        ActivityModel *model = newActivityModel(minutes(5, 5), this);
        ActivityFilter filter(ActivityFilter::Mode::LongRunning);
        QAbstractItemModelTester tester(&filter);
        filter.setThresholds(minutes(5, 5));
        filter.setActivityModel(model);
        model->setRows({activity, row(100, u"idle"_s, 1000, 1000)});
        QCOMPARE(pids(filter), listed ? QList<int>{activity.pid} : QList<int>{});
        delete model;
    }

    void hideIdleMinimumDurationTextAndSort()
    {
        ActivityModel *model = newActivityModel(minutes(5, 5), this);
        ActivityFilter filter(ActivityFilter::Mode::All);
        QAbstractItemModelTester tester(&filter);
        filter.setActivityModel(model);
        filter.sort(0, Qt::AscendingOrder);
        model->setRows({row(1200, u"active"_s, 90000, 90000, u"billing"_s),
                        row(99, u"idle"_s, 5000, 5000, u"web"_s),
                        row(300, u"idle in transaction"_s, 2000, 2000, u"worker"_s),
                        row(45, u"active"_s, 500, 500, u"opsdeck-dba"_s, true)});
        // Numbers sort as numbers: 45 before 99 before 300 before 1200.
        QCOMPARE(pids(filter), (QList<int>{45, 99, 300, 1200}));
        QVERIFY(filter.index(0, 0).data(ActivityFilter::OwnRole).toBool());
        QVERIFY(!filter.index(1, 0).data(ActivityFilter::OwnRole).toBool());

        filter.setHideIdle(true);
        QCOMPARE(pids(filter), (QList<int>{45, 300, 1200}));
        filter.setMinimumSeconds(10);
        QCOMPARE(pids(filter), (QList<int>{1200}));
        filter.setHideIdle(false);
        QCOMPARE(pids(filter), (QList<int>{1200}));
        filter.setMinimumSeconds(0);
        filter.setText(u"WORKER"_s); // any column, any case
        QCOMPARE(pids(filter), (QList<int>{300}));
        filter.setText({});

        // A refresh in place: gone rows leave, new ones come sorted in.
        model->setRows({row(1200, u"active"_s, 95000, 95000, u"billing"_s),
                        row(7, u"active"_s, 100, 100, u"cron"_s)});
        QCOMPARE(pids(filter), (QList<int>{7, 1200}));
        delete model;
    }
};

QTEST_MAIN(DatabaseFiltersTest)
#include "tst_databasefilters.moc"
