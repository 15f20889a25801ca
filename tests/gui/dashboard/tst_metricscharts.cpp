// SPDX-License-Identifier: GPL-3.0-or-later
// The Dashboard's metrics charts against a real Prometheus and node exporter
// (tests/scripts/prometheus-fixture.sh): node metrics have lines, service metrics say no data,
// a server that is not there is an error naming it.
#include "models/health/healthboardmodel.h"
#include "models/health/prometheusapi.h"
#include "models/workspace/workspace.h"
#include "prometheusfixture.h"
#include "screenshots.h"
#include "widgets/dashboard/dashboardpage.h"
#include "widgets/dashboard/metricscharts.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class MetricsChartsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nodeMetricsHaveLinesServiceMetricsNoData();
    void switchingTheRangeAsksAgain();
    void unreachableServerIsAnErrorNamingIt();
    void environmentWithoutPrometheusShowsHowToAddIt();
    void answersOfAnEarlierRoundAreDropped();
    void onTheDashboardPage();

private:
    static bool waitUntilUpdated(MetricsCharts &charts);
    static QList<QLineSeries *> lines(const MetricsCharts &charts, const QString &id);
    void verifyNodeCharts(const MetricsCharts &charts);

    std::unique_ptr<PrometheusFixture> m_fixture;
};

void MetricsChartsTest::initTestCase()
{
    m_fixture = std::make_unique<PrometheusFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    // rate(...[5m]) needs two scrapes (one a second) before it has a value.
    QTest::qWait(3000);
}

void MetricsChartsTest::cleanupTestCase()
{
    m_fixture.reset();
}

bool MetricsChartsTest::waitUntilUpdated(MetricsCharts &charts)
{
    return QTest::qWaitFor([&charts] { return charts.pendingQueries() == 0; }, 30000);
}

QList<QLineSeries *> MetricsChartsTest::lines(const MetricsCharts &charts, const QString &id)
{
    QList<QLineSeries *> found;
    const QList<QAbstractSeries *> series = charts.chart(id)->series();
    for (QAbstractSeries *one : series) {
        if (auto *line = qobject_cast<QLineSeries *>(one))
            found.append(line);
    }
    return found;
}

// Points a step apart inside the range, no more than the range has steps.
void MetricsChartsTest::verifyNodeCharts(const MetricsCharts &charts)
{
    const qint64 step = charts.stepSeconds();
    const qint64 rangeSeconds = charts.rangeStart().secsTo(charts.rangeEnd());
    QCOMPARE(step, chooseRangeStep(charts.rangeStart(), charts.rangeEnd(), 300));
    QCOMPARE(rangeSeconds, qint64(charts.rangeMinutes()) * 60);
    for (const QString &id : {u"cpu"_s, u"memory"_s}) {
        QVERIFY2(charts.chartStatus(id).startsWith(u"Latest: "_s) &&
                     charts.chartStatus(id).endsWith(u" %"_s),
                 qPrintable(charts.chartStatus(id)));
        MetricSeriesModel *model = charts.model(id);
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->columnCount(), 2); // time, and the fixture's one node exporter
        const QList<QLineSeries *> series = lines(charts, id);
        QCOMPARE(series.size(), 1);
        const QList<QPointF> points = series.constFirst()->points();
        QVERIFY(!points.isEmpty());
        QCOMPARE(points.size(), model->rowCount());
        QVERIFY(points.size() <= rangeSeconds / step + 1);
        // The fixture started seconds ago: the points cover its lifetime, one per step.
        const qint64 firstMs = qint64(points.constFirst().x());
        const qint64 lastMs = qint64(points.constLast().x());
        QCOMPARE(qint64(points.size()), (lastMs - firstMs) / (step * 1000) + 1);
        QVERIFY(firstMs >= charts.rangeStart().toMSecsSinceEpoch());
        QVERIFY(lastMs <= charts.rangeEnd().toMSecsSinceEpoch());
        for (const QPointF &point : points)
            QVERIFY2(point.y() >= 0 && point.y() <= 100, qPrintable(QString::number(point.y())));
    }
}

void MetricsChartsTest::nodeMetricsHaveLinesServiceMetricsNoData()
{
    MetricsCharts charts;
    // Watching every reset, from empty to filled and back on Refresh.
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (const QString &id : charts.metricIds()) {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            charts.model(id), QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    charts.resize(1000, 800);
    charts.setServers({{u"staging"_s, m_fixture->prometheusUrl()}});
    charts.setEnvironment(u"staging"_s);
    charts.setRangeMinutes(15);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QVERIFY(waitUntilUpdated(charts));
    QCOMPARE(charts.serverUrl(), m_fixture->prometheusUrl());
    QCOMPARE(charts.metricIds(), QStringList({u"request_rate"_s, u"error_rate"_s, u"latency_p95"_s,
                                              u"cpu"_s, u"memory"_s}));
    verifyNodeCharts(charts);
    QCOMPARE(charts.stepSeconds(), 5); // 15 minutes in about 300 points
    // A node-only Prometheus has no http_requests_total: empty, not broken.
    for (const QString &id : {u"request_rate"_s, u"error_rate"_s, u"latency_p95"_s}) {
        QCOMPARE(charts.chartStatus(id), u"No data"_s);
        QCOMPARE(charts.model(id)->columnCount(), 1);
        QVERIFY(lines(charts, id).isEmpty());
    }
    QVERIFY2(charts.statusText().contains(m_fixture->prometheusUrl().toDisplayString()),
             qPrintable(charts.statusText()));
    QVERIFY(!charts.statusText().contains(u"failed"_s));

    // Zoomed in, Reset Zoom goes back to the whole range.
    QChart *cpu = charts.chart(u"cpu"_s);
    cpu->zoomIn();
    QVERIFY(cpu->isZoomed());
    charts.resetZoomButton()->click();
    QVERIFY(!cpu->isZoomed());

    // Refresh asks again: a new range ending now.
    const QDateTime before = charts.rangeEnd();
    QTest::qWait(1100);
    charts.refreshButton()->click();
    QVERIFY(charts.pendingQueries() > 0);
    QVERIFY(waitUntilUpdated(charts));
    QVERIFY(charts.rangeEnd() > before);
    verifyNodeCharts(charts);
}

void MetricsChartsTest::switchingTheRangeAsksAgain()
{
    MetricsCharts charts;
    charts.setServers({{u"staging"_s, m_fixture->prometheusUrl()}});
    charts.setEnvironment(u"staging"_s);
    charts.setRangeMinutes(15);
    charts.show();
    QVERIFY(waitUntilUpdated(charts));
    QCOMPARE(charts.stepSeconds(), 5);

    QSignalSpy updated(&charts, &MetricsCharts::updated);
    charts.rangeBox()->setCurrentIndex(charts.rangeBox()->findData(360));
    QCOMPARE(charts.pendingQueries(), 5);
    QVERIFY(updated.wait(30000));
    QCOMPARE(charts.rangeMinutes(), 360);
    QCOMPARE(charts.rangeStart().secsTo(charts.rangeEnd()), 6 * 3600);
    QCOMPARE(charts.stepSeconds(), 300); // 6 hours in about 300 points: 5 minutes
    verifyNodeCharts(charts);

    charts.setRangeMinutes(1440);
    QVERIFY(waitUntilUpdated(charts));
    QCOMPARE(charts.stepSeconds(), 300); // 24 hours: 289 points
    verifyNodeCharts(charts);
}

void MetricsChartsTest::unreachableServerIsAnErrorNamingIt()
{
    // A port nobody listens on: taken, then given back.
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        port = server.serverPort();
    }
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    MetricsCharts charts;
    charts.setServers({{u"broken"_s, url}});
    charts.setEnvironment(u"broken"_s);
    charts.show();
    QVERIFY(waitUntilUpdated(charts));
    QVERIFY2(charts.statusText().contains(url.toDisplayString()), qPrintable(charts.statusText()));
    QVERIFY2(charts.statusText().contains(u"5 of 5 queries failed"_s),
             qPrintable(charts.statusText()));
    const QString cpuStatus = charts.chartStatus(u"cpu"_s);
    QVERIFY2(cpuStatus.contains(url.toDisplayString()), qPrintable(cpuStatus));
    QVERIFY(lines(charts, u"cpu"_s).isEmpty());

    // Bad PromQL is the server's own error, not "no data": a Prometheus that answers 404 for
    // the API (a wrong path prefix) shows the HTTP status.
    QUrl wrongPath = m_fixture->prometheusUrl();
    wrongPath.setPath(u"/not-prometheus"_s);
    charts.setServers({{u"broken"_s, wrongPath}});
    QVERIFY(waitUntilUpdated(charts));
    QVERIFY2(charts.chartStatus(u"memory"_s).contains(u"HTTP 404"_s),
             qPrintable(charts.chartStatus(u"memory"_s)));
}

void MetricsChartsTest::environmentWithoutPrometheusShowsHowToAddIt()
{
    MetricsCharts charts;
    charts.setServers({{u"staging"_s, m_fixture->prometheusUrl()}});
    charts.setEnvironment(u"production"_s);
    charts.show();
    QVERIFY(charts.serverUrl().isEmpty());
    QCOMPARE(charts.pendingQueries(), 0);
    QVERIFY2(charts.hintText().contains(u"prometheus:"_s), qPrintable(charts.hintText()));
    QVERIFY(charts.hintText().contains(u"production"_s));
    QVERIFY(!charts.refreshButton()->isEnabled());

    // All environments: the only Prometheus there is; with two, a choice is asked for.
    charts.setEnvironment({});
    QCOMPARE(charts.serverUrl(), m_fixture->prometheusUrl());
    QVERIFY(charts.hintText().isEmpty());
    QVERIFY(waitUntilUpdated(charts));
    charts.setServers({{u"staging"_s, m_fixture->prometheusUrl()},
                       {u"production"_s, QUrl(u"http://127.0.0.1:1"_s)}});
    QVERIFY(charts.serverUrl().isEmpty());
    QVERIFY2(charts.hintText().contains(u"Choose an environment"_s), qPrintable(charts.hintText()));
}

void MetricsChartsTest::answersOfAnEarlierRoundAreDropped()
{
    MetricsCharts charts;
    charts.setServers({{u"staging"_s, m_fixture->prometheusUrl()}});
    charts.setEnvironment(u"staging"_s);
    charts.setRangeMinutes(15);
    charts.show();
    QVERIFY(charts.pendingQueries() > 0);
    // Before the 15-minute answers arrive, the range becomes 24 hours: only those count.
    charts.setRangeMinutes(1440);
    QSignalSpy updated(&charts, &MetricsCharts::updated);
    QVERIFY(waitUntilUpdated(charts));
    QCOMPARE(updated.size(), 1);
    QCOMPARE(charts.rangeStart().secsTo(charts.rangeEnd()), 24 * 3600);
    verifyNodeCharts(charts);
    // Nothing from the first round arrives later.
    QTest::qWait(500);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(charts.rangeStart().secsTo(charts.rangeEnd()), 24 * 3600);

    // Switched to another environment while asking: the first one's answers are dropped.
    charts.setServers(
        {{u"staging"_s, m_fixture->prometheusUrl()}, {u"broken"_s, QUrl(u"http://127.0.0.1:1"_s)}});
    charts.refresh();
    QVERIFY(charts.pendingQueries() > 0);
    charts.setEnvironment(u"broken"_s);
    QVERIFY(waitUntilUpdated(charts));
    QTest::qWait(500);
    QVERIFY2(charts.chartStatus(u"cpu"_s).contains(u"127.0.0.1:1"_s),
             qPrintable(charts.chartStatus(u"cpu"_s)));
    QVERIFY(lines(charts, u"cpu"_s).isEmpty());
}

void MetricsChartsTest::onTheDashboardPage()
{
    HealthBoardModel board;
    DashboardPage page(&board, nullptr);
    Workspace workspace;
    Environment staging;
    staging.name = u"staging"_s;
    staging.prometheusUrl = m_fixture->prometheusUrl();
    workspace.environments.append(staging);
    page.setWorkspace(workspace);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // Hidden behind the checks, the panel does not ask yet.
    QCOMPARE(page.metrics()->pendingQueries(), 0);
    page.metrics()->setRangeMinutes(15);
    QVERIFY(!page.metricsShown());
    page.findChild<QToolButton *>(u"dashboardMetricsView"_s)->click();
    QVERIFY(page.metricsShown());
    QVERIFY(page.metrics()->pendingQueries() > 0);
    QVERIFY(waitUntilUpdated(*page.metrics()));
    QCOMPARE(page.metrics()->serverUrl(), m_fixture->prometheusUrl());
    verifyNodeCharts(*page.metrics());
    QTest::qWait(200);
    saveScreenshot(page, u"dashboard-metrics"_s);
}

QTEST_MAIN(MetricsChartsTest)
#include "tst_metricscharts.moc"
