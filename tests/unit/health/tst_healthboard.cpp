// SPDX-License-Identifier: GPL-3.0-or-later
// The board model (rows per planned check, results in place, counts, bounded history) and the
// history ring in a real state store: bounded per check, kept across a reopen, values intact;
// and a health document's dependencies as rows of their own, from a real HTTP server in the
// test through the monitor.
#include "checktesting.h"
#include "healthserver.h"
#include "models/health/checkhistory.h"
#include "models/health/healthboardmodel.h"
#include "models/health/healthmonitor.h"
#include "statetesting.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

CheckSpec spec(const QString &id, const QString &environment, CheckCategory category)
{
    CheckSpec check;
    check.id = id;
    check.environment = environment;
    check.category = category;
    check.title = id.section(u'/', -1);
    return check;
}

CheckResult result(const QString &id, Verdict verdict, int minutesAgo = 0, double latency = 42)
{
    CheckResult checked;
    checked.checkId = id;
    checked.time = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    checked.verdict = verdict;
    checked.summary = u"200 OK in %1 ms"_s.arg(latency);
    checked.values = {{u"latency"_s, latency, u"ms"_s, {}, verdict, 500.0, 1000.0},
                      {u"status"_s, 200, {}, u"200 OK"_s, Verdict::Ok, {}, {}}};
    return checked;
}

QList<CheckSpec> plan()
{
    return {spec(u"prod/web-1/api:health"_s, u"prod"_s, CheckCategory::Services),
            spec(u"prod/web-1:metrics"_s, u"prod"_s, CheckCategory::Hosts),
            spec(u"prod/db-1/wiki:postgres"_s, u"prod"_s, CheckCategory::Databases),
            spec(u"lab/laptop:metrics"_s, u"lab"_s, CheckCategory::Hosts)};
}

} // namespace

class HealthBoardTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFollowThePlanAndResultsUpdateInPlace();
    void countsPerEnvironment();
    void historyIsBounded();
    void storedHistoryIsNotShownTwice();
    void sortRoleOrdersWorstFirst();
    void valuesSurviveEncoding();
    void historyRingIsBoundedAndSurvivesReopen();
    void oldResultsArePruned();
    void healthDocumentDependenciesAreRows();
};

void HealthBoardTest::rowsFollowThePlanAndResultsUpdateInPlace()
{
    HealthBoardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlan(plan());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.environments(), (QStringList{u"prod"_s, u"lab"_s}));
    const int api = model.rowOf(u"prod/web-1/api:health"_s);
    QCOMPARE(api, 0);
    QCOMPARE(model.index(api, HealthBoardModel::VerdictColumn).data().toString(), u"Waiting"_s);
    QCOMPARE(model.index(api, 0).data(HealthBoardModel::HasResultRole).toBool(), false);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy counts(&model, &HealthBoardModel::countsChanged);
    model.addResult(result(u"prod/web-1/api:health"_s, Verdict::Warning));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.constFirst().constFirst().toModelIndex().row(), api);
    QCOMPARE(counts.count(), 1);
    QCOMPARE(model.index(api, 0).data(HealthBoardModel::VerdictRole).toInt(),
             int(Verdict::Warning));
    QCOMPARE(model.index(api, HealthBoardModel::SummaryColumn).data().toString(),
             u"200 OK in 42 ms"_s);
    // A result for a check that is not planned changes nothing.
    model.addResult(result(u"elsewhere:health"_s, Verdict::Critical));
    QCOMPARE(changed.count(), 1);

    // A new plan keeps the results of checks that stay.
    QList<CheckSpec> smaller = plan();
    smaller.removeAt(1);
    model.setPlan(smaller);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.history(model.rowOf(u"prod/web-1/api:health"_s)).size(), 1);
    QCOMPARE(model.rowOf(u"prod/web-1:metrics"_s), -1);
}

void HealthBoardTest::countsPerEnvironment()
{
    HealthBoardModel model;
    model.setPlan(plan());
    model.addResult(result(u"prod/web-1/api:health"_s, Verdict::Ok));
    model.addResult(result(u"prod/web-1:metrics"_s, Verdict::Critical));
    model.addResult(result(u"lab/laptop:metrics"_s, Verdict::Warning));
    // The database has not answered: unknown.
    QCOMPARE(model.counts(), (VerdictCounts{1, 1, 1, 1}));
    QCOMPARE(model.counts(u"prod"_s), (VerdictCounts{1, 0, 1, 1}));
    QCOMPARE(model.counts(u"lab"_s), (VerdictCounts{0, 1, 0, 0}));
    QCOMPARE(model.counts(u"prod"_s).total(), 3);
}

void HealthBoardTest::historyIsBounded()
{
    HealthBoardModel model;
    model.setPlan(plan());
    model.setHistoryLimit(5);
    for (int i = 0; i < 12; ++i)
        model.addResult(result(u"prod/web-1/api:health"_s, Verdict::Ok, 12 - i, i));
    const QList<CheckResult> &history = model.history(0);
    QCOMPARE(history.size(), 5);
    QCOMPARE(history.constFirst().values.constFirst().value, 7.0);
    QCOMPARE(model.latest(0)->values.constFirst().value, 11.0);
    // Stored history goes before what arrived since, within the limit.
    model.addHistory({{u"prod/db-1/wiki:postgres"_s,
                       {result(u"prod/db-1/wiki:postgres"_s, Verdict::Critical, 3)}}});
    QCOMPARE(model.latest(2)->verdict, Verdict::Critical);
}

void HealthBoardTest::storedHistoryIsNotShownTwice()
{
    // A workspace reload keeps a check's rows and reads its stored history again: what is
    // already shown is not added a second time, older stored results go before it.
    HealthBoardModel model;
    model.setPlan(plan());
    const QString id = u"prod/web-1/api:health"_s;
    const CheckResult older = result(id, Verdict::Warning, 30, 700);
    const CheckResult first = result(id, Verdict::Ok, 20, 1);
    const CheckResult second = result(id, Verdict::Ok, 10, 2);
    model.addResult(first);
    model.addResult(second);
    model.setPlan(plan());
    QCOMPARE(model.history(0).size(), 2);
    model.addHistory({{id, {older, first, second}}});
    const QList<CheckResult> &history = model.history(0);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0).time, older.time);
    QCOMPARE(history.at(1).time, first.time);
    QCOMPARE(history.at(2).time, second.time);
}

void HealthBoardTest::sortRoleOrdersWorstFirst()
{
    HealthBoardModel model;
    model.setPlan(plan());
    model.addResult(result(u"prod/web-1/api:health"_s, Verdict::Ok));
    model.addResult(result(u"prod/web-1:metrics"_s, Verdict::Critical));
    model.addResult(result(u"lab/laptop:metrics"_s, Verdict::Warning));
    auto severity = [&](int row) {
        return model.index(row, HealthBoardModel::VerdictColumn)
            .data(HealthBoardModel::SortRole)
            .toInt();
    };
    QVERIFY(severity(1) > severity(3)); // critical above warning
    QVERIFY(severity(3) > severity(2)); // warning above unknown (no answer yet)
    QVERIFY(severity(2) > severity(0)); // unknown above OK
}

void HealthBoardTest::valuesSurviveEncoding()
{
    QList<CheckValue> values = result(u"x"_s, Verdict::Warning).values;
    values.append(
        {u"days left"_s, std::nan(""), u"days"_s, u"no certificate"_s, Verdict::Unknown, {}, 7.0});
    const QList<CheckValue> back = decodeCheckValues(encodeCheckValues(values));
    QCOMPARE(back.size(), 3);
    QCOMPARE(back[0].name, u"latency"_s);
    QCOMPARE(back[0].value, 42.0);
    QCOMPARE(back[0].unit, u"ms"_s);
    QCOMPARE(back[0].verdict, Verdict::Warning);
    QCOMPARE(back[0].warning, std::optional<double>(500.0));
    QCOMPARE(back[0].critical, std::optional<double>(1000.0));
    QCOMPARE(back[1].text, u"200 OK"_s);
    QVERIFY(!back[1].warning);
    QVERIFY(std::isnan(back[2].value));
    QCOMPARE(back[2].text, u"no certificate"_s);
    QCOMPARE(back[2].critical, std::optional<double>(7.0));
    QVERIFY(!back[2].warning);
}

void HealthBoardTest::historyRingIsBoundedAndSurvivesReopen()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"state.sqlite"_s);
    {
        StateStore store;
        QVERIFY(StateTesting::openStore(store, path));
        CheckHistoryStore history(&store, {5, 7});
        QStringList failures;
        connect(&history, &CheckHistoryStore::writeFailed, this,
                [&](const QString &error) { failures.append(error); });
        for (int i = 0; i < 12; ++i)
            history.append(result(u"prod/web-1/api:health"_s, Verdict::Ok, 12 - i, i));
        history.append(result(u"prod/web-1:metrics"_s, Verdict::Critical, 1, 99));
        bool drained = false;
        store.whenOpen(this, [&](const StoreResult<QString> &) { drained = true; });
        QTRY_VERIFY(drained);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }
    StateTesting::PlainConnection plain(path);
    QCOMPARE(plain
                 .scalar(u"SELECT count(*) FROM health_results WHERE check_id = ?"_s,
                         {u"prod/web-1/api:health"_s})
                 .toInt(),
             5);

    StateStore store;
    QVERIFY(StateTesting::openStore(store, path));
    CheckHistoryStore history(&store, {5, 7});
    QHash<QString, QList<CheckResult>> loaded;
    QString error = u"not answered"_s;
    history.load({}, this,
                 [&](const QHash<QString, QList<CheckResult>> &found, const QString &why) {
                     loaded = found;
                     error = why;
                 });
    QTRY_VERIFY(error != u"not answered"_s);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(loaded.size(), 2);
    const QList<CheckResult> api = loaded.value(u"prod/web-1/api:health"_s);
    QCOMPARE(api.size(), 5);
    // The newest five, oldest first.
    QCOMPARE(api.constFirst().values.constFirst().value, 7.0);
    QCOMPARE(api.constLast().values.constFirst().value, 11.0);
    QVERIFY(api.constFirst().time < api.constLast().time);
    QCOMPARE(loaded.value(u"prod/web-1:metrics"_s).constFirst().verdict, Verdict::Critical);

    // Only the asked checks.
    loaded.clear();
    error = u"not answered"_s;
    history.load({u"prod/web-1:metrics"_s}, this,
                 [&](const QHash<QString, QList<CheckResult>> &found, const QString &why) {
                     loaded = found;
                     error = why;
                 });
    QTRY_VERIFY(error != u"not answered"_s);
    QCOMPARE(loaded.keys(), QList<QString>{u"prod/web-1:metrics"_s});
}

void HealthBoardTest::oldResultsArePruned()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"state.sqlite"_s);
    StateStore store;
    QVERIFY(StateTesting::openStore(store, path));
    CheckHistoryStore history(&store, {100, 1});
    history.append(result(u"a:health"_s, Verdict::Ok, 3 * 24 * 60)); // three days old
    history.append(result(u"b:health"_s, Verdict::Ok, 10));
    history.prune();
    QHash<QString, QList<CheckResult>> loaded;
    bool answered = false;
    history.load({}, this, [&](const QHash<QString, QList<CheckResult>> &found, const QString &) {
        loaded = found;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(loaded.keys(), QList<QString>{u"b:health"_s});
    StateTesting::PlainConnection plain(path);
    QCOMPARE(plain.scalar(u"SELECT count(*) FROM health_results"_s).toInt(), 1);
}

void HealthBoardTest::healthDocumentDependenciesAreRows()
{
    HealthServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QString base = u"http://127.0.0.1:%1"_s.arg(server.serverPort());
    QTemporaryDir directory;
    StateStore store;
    QVERIFY(StateTesting::openStore(store, directory.filePath(u"state.sqlite"_s)));
    QNetworkAccessManager network;
    CheckServices services;
    services.network = &network;
    HealthMonitor monitor(services, &store);
    HealthBoardModel *board = monitor.board();
    QAbstractItemModelTester tester(board, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString api = u"lab/web-1/api:health"_s;
    const QString redis = u"lab/web-1/api:health/redis"_s;
    const QString database = u"lab/web-1/api:health/database"_s;

    // Before the first answer nobody knows the dependencies: one row.
    monitor.setWorkspace(CheckTesting::apiWorkspace(base + u"/degraded"_s));
    QCOMPARE(board->rowCount(), 1);
    monitor.scheduler()->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(board->rowOf(redis) >= 0, 20000);
    // Each dependency a row after its check, with its own verdict; the check's row keeps the
    // overall status the document gives.
    QCOMPARE(board->rowCount(), 3);
    QCOMPARE(board->rowOf(api), 0);
    QCOMPARE(board->rowOf(database), 1);
    QCOMPARE(board->rowOf(redis), 2);
    const CheckSpec &redisSpec = board->spec(board->rowOf(redis));
    QCOMPARE(redisSpec.title, u"api health / redis"_s);
    QCOMPARE(redisSpec.parentId, api);
    QCOMPARE(redisSpec.category, CheckCategory::Services);
    QCOMPARE(redisSpec.environment, u"lab"_s);
    QCOMPARE(redisSpec.host, u"web-1"_s);
    QCOMPARE(board->latest(board->rowOf(redis))->verdict, Verdict::Warning);
    QCOMPARE(board->latest(board->rowOf(redis))->summary, u"degraded: latency 800 ms"_s);
    QCOMPARE(board->latest(board->rowOf(database))->verdict, Verdict::Ok);
    const CheckResult *overall = board->latest(0);
    QVERIFY(overall);
    QCOMPARE(overall->verdict, Verdict::Warning);
    const auto health = std::ranges::find(overall->values, u"health"_s, &CheckValue::name);
    QVERIFY(health != overall->values.end());
    QCOMPARE(health->text, u"degraded"_s);
    QCOMPARE(board->counts(), (VerdictCounts{1, 2, 0, 0}));
    QCOMPARE(monitor.dependencies(api), (QStringList{u"database"_s, u"redis"_s}));

    // The service down: no document, the rows stay, unknown, with the reason.
    const QString refused = u"http://127.0.0.1:%1/health"_s.arg(CheckTesting::closedPort());
    monitor.setWorkspace(CheckTesting::apiWorkspace(refused));
    QCOMPARE(board->rowCount(), 3);
    monitor.scheduler()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(board->latest(board->rowOf(redis))->verdict, Verdict::Unknown, 20000);
    QVERIFY2(board->latest(board->rowOf(redis))->error.contains(u"connection refused"_s),
             qPrintable(board->latest(board->rowOf(redis))->error));
    QCOMPARE(board->latest(0)->verdict, Verdict::Critical);
    QCOMPARE(board->history(board->rowOf(redis)).size(), 2);

    // A document that no longer lists them: the rows go.
    monitor.setWorkspace(CheckTesting::apiWorkspace(base + u"/slow"_s));
    monitor.scheduler()->refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(board->rowCount(), 1, 20000);
    QCOMPARE(board->rowOf(redis), -1);
    QVERIFY(monitor.dependencies(api).isEmpty());

    // Listed again: the row comes back with its history from the state store, each result
    // once.
    monitor.setWorkspace(CheckTesting::apiWorkspace(base + u"/degraded"_s));
    monitor.scheduler()->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(board->rowOf(redis) >= 0, 20000);
    QTRY_COMPARE(board->history(board->rowOf(redis)).size(), 3);
    const QList<CheckResult> &ring = board->history(board->rowOf(redis));
    QCOMPARE(ring[0].verdict, Verdict::Warning);
    QCOMPARE(ring[1].verdict, Verdict::Unknown);
    QCOMPARE(ring[2].verdict, Verdict::Warning);
}

QTEST_GUILESS_MAIN(HealthBoardTest)
#include "tst_healthboard.moc"
