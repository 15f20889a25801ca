// SPDX-License-Identifier: GPL-3.0-or-later
// Checks run on a schedule and once as a batch, against an HTTP server in the test: first runs
// spread out, back-off for a service that cannot be reached, pause, Refresh now, at most N at
// once, and a batch that runs its checks side by side.
#include "checktesting.h"
#include "healthserver.h"
#include "models/health/checkbatch.h"
#include "models/health/checkexecutor.h"
#include "models/health/checkscheduler.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace CheckTesting;
using namespace Qt::StringLiterals;

namespace {

CheckSpec httpSpec(const QString &id, quint16 port, const QString &path, int intervalSeconds = 60)
{
    CheckSpec spec;
    spec.id = id;
    spec.kind = CheckKind::Http;
    spec.environment = u"lab"_s;
    spec.title = id;
    spec.url = QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path));
    spec.intervalSeconds = intervalSeconds;
    return spec;
}

} // namespace

class CheckSchedulerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstRunsAreSpreadOverTheInterval();
    void unreachableServiceBacksOffAndRecovers();
    void pauseStopsRunsButRefreshNowStillRuns();
    void atMostMaxConcurrentRunAtOnce();
    void replacingThePlanKeepsTimingOfChecksThatStay();
    void batchRunsChecksSideBySide();
    void batchCancelMarksTheRestUnknown();
    void failedRunMeansNotReached();

private:
    HealthServer m_server;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

void CheckSchedulerTest::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    m_port = m_server.serverPort();
}

void CheckSchedulerTest::firstRunsAreSpreadOverTheInterval()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    CheckScheduler scheduler(&executor, {});
    QList<CheckSpec> plan;
    for (int i = 0; i < 40; ++i)
        plan.append(httpSpec(u"c%1"_s.arg(i), m_port, u"/healthy"_s, 60));
    scheduler.setPlan(plan);
    scheduler.start();
    QSet<qint64> seconds;
    for (const CheckSpec &spec : std::as_const(plan)) {
        const qint64 wait = scheduler.msUntilNextRun(spec.id);
        QVERIFY(wait >= 0);
        QVERIFY2(wait <= 18000, qPrintable(QString::number(wait))); // three tenths of a minute
        seconds.insert(wait / 1000);
    }
    // Forty checks do not all fall into the same second.
    QVERIFY2(seconds.size() >= 5, qPrintable(QString::number(seconds.size())));
}

void CheckSchedulerTest::unreachableServiceBacksOffAndRecovers()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    CheckScheduler scheduler(&executor, {});
    scheduler.setMaxBackoffSeconds(30);
    QTcpServer comeback;
    const quint16 port = closedPort();
    const CheckSpec spec = httpSpec(u"flaky"_s, port, u"/healthy"_s, 5);
    scheduler.setPlan({spec});
    scheduler.start();
    QSignalSpy results(&scheduler, &CheckScheduler::resultReady);

    scheduler.refreshNow(spec.id);
    QTRY_COMPARE(results.count(), 1);
    auto last = [&] { return results.constLast().constFirst().value<CheckResult>(); };
    QCOMPARE(last().verdict, Verdict::Critical);
    QVERIFY(isFailedRun(last()));
    QCOMPARE(scheduler.consecutiveFailures(spec.id), 1);
    QVERIFY2(scheduler.msUntilNextRun(spec.id) > 9000, // twice 5 s, less the time it took
             qPrintable(QString::number(scheduler.msUntilNextRun(spec.id))));

    scheduler.refreshNow(spec.id);
    QTRY_COMPARE(results.count(), 2);
    QCOMPARE(scheduler.consecutiveFailures(spec.id), 2);
    QVERIFY(scheduler.msUntilNextRun(spec.id) > 19000); // four times

    scheduler.refreshNow(spec.id);
    QTRY_COMPARE(results.count(), 3);
    QCOMPARE(scheduler.consecutiveFailures(spec.id), 3);
    // Eight times would be 40 s: capped at 30 s (plus at most a tenth of the interval).
    QVERIFY(scheduler.msUntilNextRun(spec.id) <= 30500);
    QVERIFY(scheduler.msUntilNextRun(spec.id) > 29000);

    // The service is back: the first good answer resets the pace.
    QVERIFY(comeback.listen(QHostAddress::LocalHost, port));
    QObject::connect(&comeback, &QTcpServer::newConnection, &comeback, [&comeback] {
        while (QTcpSocket *socket = comeback.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                socket->disconnectFromHost();
            });
        }
    });
    scheduler.refreshNow(spec.id);
    QTRY_COMPARE(results.count(), 4);
    QCOMPARE(last().verdict, Verdict::Ok);
    QCOMPARE(scheduler.consecutiveFailures(spec.id), 0);
    QVERIFY(scheduler.msUntilNextRun(spec.id) <= 5500);
}

void CheckSchedulerTest::pauseStopsRunsButRefreshNowStillRuns()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    CheckScheduler scheduler(&executor, {});
    const CheckSpec spec = httpSpec(u"api"_s, m_port, u"/healthy"_s, 1);
    scheduler.setPlan({spec});
    QSignalSpy results(&scheduler, &CheckScheduler::resultReady);
    QSignalSpy paused(&scheduler, &CheckScheduler::pausedChanged);
    scheduler.start();
    QCOMPARE(paused.count(), 1);
    // Interval 1 s: it runs by itself within about a second.
    QTRY_VERIFY_WITH_TIMEOUT(results.count() >= 1, 5000);
    scheduler.pause();
    QVERIFY(scheduler.isPaused());
    QCOMPARE(scheduler.msUntilNextRun(spec.id), -1);
    QTRY_VERIFY(!executor.isRunning(spec.id));
    const int before = int(results.count());
    QTest::qWait(2500);
    QCOMPARE(results.count(), before);
    scheduler.refreshNow();
    QTRY_COMPARE(results.count(), before + 1);
    QVERIFY(scheduler.isPaused());
    QTest::qWait(1500);
    QCOMPARE(results.count(), before + 1);
}

void CheckSchedulerTest::atMostMaxConcurrentRunAtOnce()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    CheckScheduler scheduler(&executor, {});
    scheduler.setMaxConcurrent(3);
    QList<CheckSpec> plan;
    for (int i = 0; i < 9; ++i)
        plan.append(httpSpec(u"slow%1"_s.arg(i), m_port, u"/slow"_s, 600));
    scheduler.setPlan(plan);
    int peak = 0;
    QSignalSpy results(&scheduler, &CheckScheduler::resultReady);
    connect(&scheduler, &CheckScheduler::checkStarted, this,
            [&] { peak = qMax(peak, executor.runningCount()); });
    scheduler.start();
    scheduler.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(results.count(), 9, 15000);
    QCOMPARE(peak, 3);
    for (const QList<QVariant> &arguments : std::as_const(results))
        QCOMPARE(arguments.constFirst().value<CheckResult>().verdict, Verdict::Ok);
}

void CheckSchedulerTest::replacingThePlanKeepsTimingOfChecksThatStay()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    CheckScheduler scheduler(&executor, {});
    const CheckSpec stays = httpSpec(u"stays"_s, m_port, u"/healthy"_s, 600);
    scheduler.setPlan({stays, httpSpec(u"goes"_s, m_port, u"/healthy"_s, 600)});
    scheduler.start();
    const qint64 before = scheduler.msUntilNextRun(stays.id);
    scheduler.setPlan({stays, httpSpec(u"new"_s, m_port, u"/healthy"_s, 600)});
    QVERIFY(qAbs(scheduler.msUntilNextRun(stays.id) - before) < 1000);
    QCOMPARE(scheduler.msUntilNextRun(u"goes"_s), -1);
    QVERIFY(scheduler.msUntilNextRun(u"new"_s) >= 0);
}

void CheckSchedulerTest::batchRunsChecksSideBySide()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    CheckBatch batch(&executor);
    QList<CheckSpec> plan;
    for (int i = 0; i < 12; ++i)
        plan.append(httpSpec(u"slow%1"_s.arg(i), m_port, u"/slow"_s));
    plan.append(httpSpec(u"broken"_s, m_port, u"/error"_s));
    plan.append(httpSpec(u"refused"_s, closedPort(), u"/"_s));
    QSignalSpy finished(&batch, &CheckBatch::finished);
    QSignalSpy progress(&batch, &CheckBatch::progress);
    batch.start(plan);
    // Every check is on its way before the first answer: side by side, not one by one.
    QCOMPARE(executor.runningCount(), 14);
    QVERIFY(finished.wait(15000));
    // The 14 checks, and the two dependencies the broken one's document lists as rows after it.
    QCOMPARE(batch.results().size(), 16);
    QCOMPARE(batch.plan().size(), 16);
    QCOMPARE(batch.plan().at(13).id, u"broken/database"_s);
    QCOMPARE(batch.plan().at(13).parentId, u"broken"_s);
    QCOMPARE(batch.plan().at(14).id, u"broken/redis"_s);
    QCOMPARE(batch.results().value(u"broken/database"_s).verdict, Verdict::Critical);
    QCOMPARE(batch.results().value(u"broken/redis"_s).verdict, Verdict::Ok);
    QCOMPARE(batch.results().value(u"slow3"_s).verdict, Verdict::Ok);
    QCOMPARE(batch.results().value(u"broken"_s).verdict, Verdict::Critical);
    QVERIFY(batch.results().value(u"refused"_s).error.contains(u"refused"_s));
    QCOMPARE(batch.overall(), Verdict::Critical);
    // Progress counts the checks run, not the rows their answers added.
    QCOMPARE(progress.constLast().at(0).toInt(), 14);
    QCOMPARE(progress.constLast().at(1).toInt(), 14);
}

void CheckSchedulerTest::batchCancelMarksTheRestUnknown()
{
    CheckExecutor executor({&m_network, nullptr, {}, nullptr, {}});
    CheckBatch batch(&executor);
    QSignalSpy finished(&batch, &CheckBatch::finished);
    batch.start(
        {httpSpec(u"hang"_s, m_port, u"/hang"_s), httpSpec(u"ok"_s, m_port, u"/healthy"_s)});
    QTRY_VERIFY(batch.results().contains(u"ok"_s));
    QCOMPARE(batch.results().size(), 3); // ok, and the two dependencies its document lists
    batch.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(batch.results().value(u"hang"_s).verdict, Verdict::Unknown);
    QCOMPARE(batch.overall(), Verdict::Unknown);
    QCOMPARE(executor.runningCount(), 0);
}

void CheckSchedulerTest::failedRunMeansNotReached()
{
    CheckResult answered;
    answered.verdict = Verdict::Critical;
    answered.values = {{u"status"_s, 500, {}, u"500"_s, Verdict::Critical, {}, {}}};
    QVERIFY(!isFailedRun(answered));
    CheckResult refused;
    refused.verdict = Verdict::Critical;
    refused.error = u"connection refused by 127.0.0.1:1"_s;
    QVERIFY(isFailedRun(refused));
}

QTEST_GUILESS_MAIN(CheckSchedulerTest)
#include "tst_checkscheduler.moc"
