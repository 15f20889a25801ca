// SPDX-License-Identifier: GPL-3.0-or-later
// The Dashboard page over a board filled by hand from CheckSpecs and CheckResults, host cards
// from real host metrics captures: the summary strip, the grid's sections and filters,
// keyboard navigation, the details with their chart, and screenshots in both palettes; and a
// health document's dependencies as tiles, from a real HTTP server in the test.
#include "checktesting.h"
#include "healthserver.h"
#include "models/health/checkexecutor.h"
#include "models/health/checkhistorytablemodel.h"
#include "models/health/checkscheduler.h"
#include "models/health/healthboardmodel.h"
#include "models/health/healthmonitor.h"
#include "models/health/hostmetrics.h"
#include "screenshots.h"
#include "widgets/common/appearance.h"
#include "widgets/dashboard/checkdetails.h"
#include "widgets/dashboard/dashboardgrid.h"
#include "widgets/dashboard/dashboardpage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

#include <cmath>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QByteArray capture(const QString &name)
{
    QFile file(QStringLiteral(OPSDECK_TEST_DATA_DIR "/health/hostmetrics/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

CheckSpec spec(const QString &environment, CheckCategory category, CheckKind kind,
               const QString &host, const QString &title)
{
    CheckSpec check;
    check.environment = environment;
    check.category = category;
    check.kind = kind;
    check.host = host;
    check.title = title;
    check.subject = title;
    check.id = environment + u'/' + (host.isEmpty() ? QString() : host + u'/') + title;
    return check;
}

CheckValue value(const QString &name, double number, const QString &unit, Verdict verdict,
                 std::optional<double> warning = {}, std::optional<double> critical = {})
{
    CheckValue checkValue;
    checkValue.name = name;
    checkValue.value = number;
    checkValue.unit = unit;
    checkValue.verdict = verdict;
    checkValue.warning = warning;
    checkValue.critical = critical;
    return checkValue;
}

CheckResult result(const CheckSpec &check, Verdict verdict, const QString &summary,
                   const QList<CheckValue> &values, const QDateTime &time)
{
    CheckResult checkResult;
    checkResult.checkId = check.id;
    checkResult.time = time;
    checkResult.verdict = verdict;
    checkResult.summary = summary;
    checkResult.values = values;
    return checkResult;
}

Threshold threshold(const QString &metric, double warning, double critical)
{
    Threshold limit;
    limit.metric = metric;
    limit.warning = warning;
    limit.critical = critical;
    return limit;
}

// An HTTP check's latencies a minute apart, the newest (`last`) half a minute ago.
QList<CheckResult> latencies(const CheckSpec &check, int count, double last, Verdict verdict,
                             const QString &summary)
{
    QList<CheckResult> history;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        const bool latest = i == count - 1;
        const double ms = latest ? last : 40 + 25 * std::sin(i / 3.0) + (i % 7) * 4;
        const Verdict v = latest ? verdict : Verdict::Ok;
        history.append(result(check, v, latest ? summary : u"200 OK in %1 ms"_s.arg(int(ms)),
                              {value(u"latency"_s, ms, u"ms"_s, v, 500, 2000)},
                              now.addSecs(-60 * (count - 1 - i) - 30)));
    }
    return history;
}

// Host results judged from a real capture (and its rates, when there is a second one), with
// CPU and memory varied around it so the sparklines have a past.
void addHost(HealthBoardModel &board, DashboardPage *page, const CheckSpec &check,
             const QString &first, const QString &second, double load)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::optional<HostSnapshot> before =
        second.isEmpty() ? std::nullopt
                         : std::optional<HostSnapshot>(parseHostSnapshot(capture(first), now));
    const HostMetrics real = hostMetricsBetween(
        before, parseHostSnapshot(capture(second.isEmpty() ? first : second), now));
    const QList<Threshold> limits{threshold(u"cpu_usage"_s, 80, 95),
                                  threshold(u"memory_usage"_s, 85, 95),
                                  threshold(u"disk_usage"_s, 80, 90)};
    QHash<QString, QList<CheckResult>> history;
    for (int i = 0; i < 30; ++i) {
        HostMetrics metrics = real;
        metrics.snapshot.time = now.addSecs(-10 * (29 - i));
        const double wave = 0.5 + 0.5 * std::sin(i / 4.0);
        if (metrics.cpu)
            metrics.cpu->busy = i == 29 ? real.cpu->busy : std::min(100.0, load * wave + 5);
        else
            metrics.cpu = CpuPercent{0, 0, 0, 0, load * wave + 3};
        metrics.receivedBytesPerSecond = 180000 * wave + 20000;
        metrics.sentBytesPerSecond = 60000 * (1 - wave) + 5000;
        history[check.id].append(judgeHostMetrics(metrics, limits, check.id));
        if (page)
            page->addHostSample(check.id, metrics);
    }
    board.addHistory(history);
}

struct Board {
    HealthBoardModel model;
    QList<CheckSpec> plan;
    CheckSpec api = spec(u"production"_s, CheckCategory::Services, CheckKind::Http, u"web-1"_s,
                         u"api health"_s);
    CheckSpec shop = spec(u"production"_s, CheckCategory::Services, CheckKind::Http, u"web-1"_s,
                          u"shop health"_s);
    CheckSpec search = spec(u"production"_s, CheckCategory::Services, CheckKind::Tcp, u"web-2"_s,
                            u"search port"_s);
    CheckSpec web1 =
        spec(u"production"_s, CheckCategory::Hosts, CheckKind::HostMetrics, u"web-1"_s, u"web-1"_s);
    CheckSpec web2 =
        spec(u"production"_s, CheckCategory::Hosts, CheckKind::HostMetrics, u"web-2"_s, u"web-2"_s);
    CheckSpec db1 =
        spec(u"production"_s, CheckCategory::Hosts, CheckKind::HostMetrics, u"db-1"_s, u"db-1"_s);
    CheckSpec wiki = spec(u"production"_s, CheckCategory::Databases, CheckKind::Postgres, u"db-1"_s,
                          u"wiki connections"_s);
    CheckSpec cache =
        spec(u"production"_s, CheckCategory::Redis, CheckKind::Redis, u"db-1"_s, u"cache memory"_s);
    CheckSpec certificate = spec(u"production"_s, CheckCategory::Certificates, CheckKind::Tls,
                                 u"web-1"_s, u"shop.example.com certificate"_s);
    CheckSpec alerts =
        spec(u"production"_s, CheckCategory::Alerts, CheckKind::Alerts, {}, u"alertmanager"_s);
    CheckSpec stagingApi =
        spec(u"staging"_s, CheckCategory::Services, CheckKind::Http, u"stage-1"_s, u"api health"_s);
    CheckSpec stagingHost = spec(u"staging"_s, CheckCategory::Hosts, CheckKind::HostMetrics,
                                 u"stage-1"_s, u"stage-1"_s);

    Board()
    {
        api.runbook = u"API down"_s;
        plan = {api,  shop,  search,      web1,   web2,       db1,
                wiki, cache, certificate, alerts, stagingApi, stagingHost};
        model.setPlan(plan);
    }

    // Results: 1 critical service, warnings on a database and a certificate, the rest OK;
    // hosts from real captures; the staging host has not answered yet.
    void fill(DashboardPage *page)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.addHistory(
            {{api.id, latencies(api, 45, 2350, Verdict::Critical, u"HTTP 503 in 2350 ms"_s)},
             {shop.id, latencies(shop, 45, 48, Verdict::Ok, u"200 OK in 48 ms"_s)}});
        model.addResult(result(search, Verdict::Ok, u"port 9200 open in 2 ms"_s,
                               {value(u"connect"_s, 2, u"ms"_s, Verdict::Ok)}, now.addSecs(-20)));
        model.addResult(result(wiki, Verdict::Warning, u"87 of 100 connections"_s,
                               {value(u"connections"_s, 87, u"%"_s, Verdict::Warning, 80, 95)},
                               now.addSecs(-40)));
        model.addResult(result(cache, Verdict::Ok, u"PONG, 412 MiB of 1 GiB, master"_s,
                               {value(u"memory used"_s, 40, u"%"_s, Verdict::Ok, 80, 90)},
                               now.addSecs(-15)));
        model.addResult(result(certificate, Verdict::Warning, u"certificate expires in 12 days"_s,
                               {value(u"days left"_s, 12, u"days"_s, Verdict::Warning, 14, 7)},
                               now.addSecs(-300)));
        model.addResult(result(alerts, Verdict::Ok, u"no alerts firing"_s,
                               {value(u"firing"_s, 0, {}, Verdict::Ok)}, now.addSecs(-30)));
        model.addResult(result(stagingApi, Verdict::Ok, u"200 OK in 61 ms"_s,
                               {value(u"latency"_s, 61, u"ms"_s, Verdict::Ok, 500, 2000)},
                               now.addSecs(-5)));
        addHost(model, page, web1, u"debian12-container.txt"_s,
                u"debian12-container-3s-later.txt"_s, 70);
        addHost(model, page, web2, u"alpine-no-systemd.txt"_s, {}, 30);
        addHost(model, page, db1, u"server-32cpu.txt"_s, {}, 45);
    }
};

} // namespace

class DashboardPageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void historyTableModel();
    void summaryStripCountsTheBoard();
    void tilesPerSectionAndFilters();
    void keyboardOpensDetailsWithAChart();
    void redCheckOffersRunbookAndIncident();
    void hostCardsShowRealMetrics();
    void refreshAndPauseDriveTheScheduler();
    void healthDocumentDependenciesAreTiles();
    void fiftyHostCardsPaintQuickly();
    void screenshot();
};

void DashboardPageTest::init()
{
    QSettings().clear();
}

void DashboardPageTest::historyTableModel()
{
    Board board;
    board.fill(nullptr);
    CheckHistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHistory(board.model.history(board.model.rowOf(board.web1.id)));
    QCOMPARE(model.rowCount(), 30);
    // time, verdict, summary, then CPU, memory, load per CPU, the disks, failed units...
    QVERIFY(model.columnCount() > CheckHistoryTableModel::FirstValueColumn + 2);
    QCOMPARE(model.valueName(CheckHistoryTableModel::FirstValueColumn), u"CPU"_s);
    // Newest first: the real capture's 100 % CPU.
    const QModelIndex cpu = model.index(0, CheckHistoryTableModel::FirstValueColumn);
    QCOMPARE(cpu.data(CheckHistoryTableModel::ValueRole).toDouble(), 100.0);
    QCOMPARE(cpu.data().toString(), u"100 %"_s);
    QCOMPARE(model.index(0, CheckHistoryTableModel::VerdictColumn).data().toString(),
             u"Critical"_s);
    model.setHistory(board.model.history(board.model.rowOf(board.wiki.id)));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.headerData(CheckHistoryTableModel::FirstValueColumn, Qt::Horizontal).toString(),
             u"connections (%)"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 3);
}

void DashboardPageTest::summaryStripCountsTheBoard()
{
    Board board;
    DashboardPage page(&board.model, nullptr);
    // Before any result, every planned check is unknown.
    QCOMPARE(page.shownCount(Verdict::Unknown), board.plan.size());
    board.fill(&page);
    const VerdictCounts counts = board.model.counts();
    QCOMPARE(page.shownCount(Verdict::Ok), counts.ok);
    QCOMPARE(page.shownCount(Verdict::Warning), counts.warning);
    QCOMPARE(page.shownCount(Verdict::Critical), counts.critical);
    QCOMPARE(page.shownCount(Verdict::Unknown), counts.unknown);
    // The api, web-1 (its CPU at 100 %) and db-1 (a disk at 95 %) are critical; the wiki and
    // the certificate warn; the staging host has not answered.
    QCOMPARE(counts.critical, 3);
    QCOMPARE(counts.warning, 2);
    QCOMPARE(counts.unknown, 1);
    auto *critical = page.findChild<QLabel *>(u"summaryCRITICAL"_s);
    QVERIFY(critical);
    QCOMPARE(critical->text(), u"3 Critical"_s);

    // One environment: its counts only.
    page.setEnvironment(u"staging"_s);
    QCOMPARE(page.shownCount(Verdict::Ok), 1);
    QCOMPARE(page.shownCount(Verdict::Unknown), 1);
    QCOMPARE(page.shownCount(Verdict::Critical), 0);
}

void DashboardPageTest::tilesPerSectionAndFilters()
{
    Board board;
    DashboardPage page(&board.model, nullptr);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    board.fill(&page);
    QCoreApplication::processEvents(); // the grid lays out once after a burst of results
    DashboardGrid *grid = page.grid();
    const QString production = u"production"_s;
    QCOMPARE(grid->visibleRows(production, CheckCategory::Services).size(), 3);
    QCOMPARE(grid->visibleRows(production, CheckCategory::Hosts).size(), 3);
    QCOMPARE(grid->visibleRows(production, CheckCategory::Databases).size(), 1);
    QCOMPARE(grid->visibleRows(production, CheckCategory::Redis).size(), 1);
    QCOMPARE(grid->visibleRows(production, CheckCategory::Certificates).size(), 1);
    QCOMPARE(grid->visibleRows(production, CheckCategory::Alerts).size(), 1);
    QCOMPARE(grid->visibleRows(u"staging"_s, CheckCategory::Services).size(), 1);
    QCOMPARE(grid->visibleRows().size(), board.plan.size());
    // Every tile is somewhere on the page, none on top of another.
    const QList<int> rows = grid->visibleRows();
    for (int i = 0; i < rows.size(); ++i) {
        QVERIFY(!grid->tileRect(rows[i]).isEmpty());
        for (int j = i + 1; j < rows.size(); ++j)
            QVERIFY(!grid->tileRect(rows[i]).intersects(grid->tileRect(rows[j])));
    }

    // Only problems: the three critical, two warnings and the unknown staging host.
    page.setOnlyProblems(true);
    QList<int> problems = grid->visibleRows();
    std::ranges::sort(problems);
    QList<int> expected{
        board.model.rowOf(board.api.id),         board.model.rowOf(board.web1.id),
        board.model.rowOf(board.db1.id),         board.model.rowOf(board.wiki.id),
        board.model.rowOf(board.certificate.id), board.model.rowOf(board.stagingHost.id)};
    std::ranges::sort(expected);
    QCOMPARE(problems, expected);
    QCOMPARE(grid->visibleRows(production, CheckCategory::Services),
             QList<int>{board.model.rowOf(board.api.id)});

    // Text filters on titles, hosts and summaries.
    page.setOnlyProblems(false);
    page.setFilterText(u"expires"_s);
    QCOMPARE(grid->visibleRows(), QList<int>{board.model.rowOf(board.certificate.id)});
    page.setFilterText(u"db-1"_s);
    QCOMPARE(grid->visibleRows().size(), 3); // the host, its database and its Redis
    page.setFilterText(u"nothing like this"_s);
    QVERIFY(grid->visibleRows().isEmpty());
    page.setFilterText({});

    // The environment selector shows one environment, and is remembered.
    page.setEnvironment(u"staging"_s);
    QCOMPARE(grid->visibleRows().size(), 2);
    QCOMPARE(QSettings().value(u"dashboardPage/environment"_s).toString(), u"staging"_s);
    DashboardPage again(&board.model, nullptr);
    QCOMPARE(again.environment(), u"staging"_s);
    QCOMPARE(again.grid()->visibleRows().size(), 2);
}

void DashboardPageTest::keyboardOpensDetailsWithAChart()
{
    Board board;
    DashboardPage page(&board.model, nullptr);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    board.fill(&page);
    QCoreApplication::processEvents();
    DashboardGrid *grid = page.grid();
    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_Home);
    QCOMPARE(grid->currentRow(), board.model.rowOf(board.api.id));
    QTest::keyClick(grid, Qt::Key_Right);
    QCOMPARE(grid->currentRow(), board.model.rowOf(board.shop.id));
    QTest::keyClick(grid, Qt::Key_Left);
    // Down goes to the tile below, past the last row of services into the host cards.
    const QRect apiTile = grid->tileRect(grid->currentRow());
    for (int i = 0; i < 3 && board.model.spec(grid->currentRow()).category != CheckCategory::Hosts;
         ++i) {
        QTest::keyClick(grid, Qt::Key_Down);
        QVERIFY(grid->tileRect(grid->currentRow()).top() > apiTile.bottom());
    }
    QCOMPARE(board.model.spec(grid->currentRow()).category, CheckCategory::Hosts);
    for (int i = 0; i < 3 && grid->currentRow() != board.model.rowOf(board.api.id); ++i)
        QTest::keyClick(grid, Qt::Key_Up);
    QCOMPARE(grid->currentRow(), board.model.rowOf(board.api.id));
    QTest::keyClick(grid, Qt::Key_Return);
    CheckDetails *details = page.details();
    QCOMPARE(details->checkId(), board.api.id);

    // 45 latencies a minute apart: all within the hour, 15 within the last quarter.
    details->setRangeMinutes(60);
    QCOMPARE(details->chart()->series().size(), 1);
    auto *series = qobject_cast<QLineSeries *>(details->chart()->series().constFirst());
    QVERIFY(series);
    QCOMPARE(series->count(), 45);
    QCOMPARE(series->name(), u"latency"_s);
    QCOMPARE(series->at(44).y(), 2350.0);
    details->setRangeMinutes(15);
    series = qobject_cast<QLineSeries *>(details->chart()->series().constFirst());
    QCOMPARE(series->count(), 15);
    QCOMPARE(details->table()->model()->rowCount(), 45);

    // A new result moves the chart and the table along.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    board.model.addResult(result(board.api, Verdict::Ok, u"200 OK in 50 ms"_s,
                                 {value(u"latency"_s, 50, u"ms"_s, Verdict::Ok)}, now));
    QCOMPARE(details->table()->model()->rowCount(), 46);
    series = qobject_cast<QLineSeries *>(details->chart()->series().constFirst());
    QCOMPARE(series->at(series->count() - 1).y(), 50.0);

    // A click opens another check.
    grid->ensurePolished();
    const QRect wikiTile = grid->tileRect(board.model.rowOf(board.wiki.id));
    QVERIFY(grid->viewport()->rect().contains(wikiTile.center()));
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, wikiTile.center());
    QCOMPARE(details->checkId(), board.wiki.id);
    QCOMPARE(grid->currentRow(), board.model.rowOf(board.wiki.id));
}

void DashboardPageTest::redCheckOffersRunbookAndIncident()
{
    Board board;
    DashboardPage page(&board.model, nullptr);
    page.show();
    board.fill(&page);
    QSignalSpy runbooks(&page, &DashboardPage::openRunbookRequested);
    QSignalSpy incidents(&page, &DashboardPage::declareIncidentRequested);
    page.openDetails(board.api.id);
    CheckDetails *details = page.details();
    QVERIFY(details->runbookButton()->isVisible());
    QVERIFY(details->runbookButton()->isEnabled());
    details->runbookButton()->click();
    QCOMPARE(runbooks.size(), 1);
    QCOMPARE(runbooks.at(0).at(0).toString(), u"API down"_s);
    details->incidentButton()->click();
    QCOMPARE(incidents.size(), 1);
    QCOMPARE(incidents.at(0).at(0).toString(), u"api health: Critical"_s);
    const QString evidence = incidents.at(0).at(1).toString();
    QVERIFY2(evidence.contains(u"HTTP 503 in 2350 ms"_s), qPrintable(evidence));
    QVERIFY2(evidence.contains(u"latency: 2350 ms (Critical); warning at 500, critical at 2000"_s),
             qPrintable(evidence));
    QVERIFY(evidence.contains(board.api.id));

    // A healthy check offers neither; a warning neither.
    page.openDetails(board.shop.id);
    QVERIFY(!details->runbookButton()->isVisible());
    QVERIFY(!details->incidentButton()->isVisible());
    // A red host without a runbook: the incident, and a runbook button that says why not.
    page.openDetails(board.web1.id);
    QVERIFY(details->incidentButton()->isVisible());
    QVERIFY(!details->runbookButton()->isEnabled());
}

void DashboardPageTest::hostCardsShowRealMetrics()
{
    Board board;
    board.fill(nullptr);
    QList<NetworkSample> network{{1000, 500}, {3000, 700}};
    const int row = board.model.rowOf(board.web1.id);
    const HostCard card = makeHostCard(board.web1, board.model.history(row), network);
    QCOMPARE(card.title, u"web-1"_s);
    QCOMPARE(card.verdict, Verdict::Critical);
    QVERIFY(card.hasResult);
    QCOMPARE(card.metrics.size(), 6);
    QCOMPARE(card.metrics.at(0).text, u"100 %"_s); // CPU of the real capture
    QCOMPARE(card.metrics.at(0).verdict, Verdict::Critical);
    QCOMPARE(card.metrics.at(0).samples.size(), 30);
    QVERIFY(!card.metrics.at(1).text.isEmpty());           // memory
    QVERIFY(card.metrics.at(2).text.contains(u"CPU"_s));   // "0.91 on 4 CPUs"
    QVERIFY(card.metrics.at(3).text.contains(u" of /"_s)); // the fullest disk
    QCOMPARE(card.metrics.at(4).samples, (QList<double>{1000, 3000}));
    QCOMPARE(card.metrics.at(5).samples, (QList<double>{500, 700}));
    // A host that never answered says so instead of showing zeros.
    const HostCard waiting = makeHostCard(board.stagingHost, {}, {});
    QVERIFY(!waiting.hasResult);
    QCOMPARE(waiting.verdict, Verdict::Unknown);
    QVERIFY(waiting.metrics.at(0).samples.isEmpty());
}

void DashboardPageTest::refreshAndPauseDriveTheScheduler()
{
    // A real TCP check against a port nobody listens on: refused at once, so critical.
    quint16 closedPort = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        closedPort = server.serverPort();
    }
    CheckSpec port =
        spec(u"here"_s, CheckCategory::Services, CheckKind::Tcp, u"box"_s, u"app port"_s);
    port.address = u"127.0.0.1"_s;
    port.port = closedPort;
    port.intervalSeconds = 3600;
    QNetworkAccessManager network;
    CheckServices services;
    services.network = &network;
    CheckExecutor executor(services);
    CheckScheduler scheduler(&executor, nullptr);
    scheduler.setPlan({port});
    HealthBoardModel board;
    board.setPlan({port});
    connect(&scheduler, &CheckScheduler::resultReady, &board, &HealthBoardModel::addResult);

    DashboardPage page(&board, &scheduler);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QAction *pause = page.action(u"dashboardPause"_s);
    QVERIFY(pause->isChecked()); // a scheduler starts paused
    QCOMPARE(pause->text(), u"Res&ume"_s);
    QCOMPARE(page.shownCount(Verdict::Unknown), 1);

    // F5 on the page runs the checks now, paused or not.
    page.grid()->setFocus();
    QTest::keyClick(page.grid(), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(page.shownCount(Verdict::Critical), 1, 10000);
    QCOMPARE(page.shownCount(Verdict::Unknown), 0);

    pause->trigger();
    QVERIFY(!scheduler.isPaused());
    QCOMPARE(pause->text(), u"&Pause"_s);
    pause->trigger();
    QVERIFY(scheduler.isPaused());
    // The scheduler paused from elsewhere: the action follows.
    scheduler.start();
    QVERIFY(!pause->isChecked());
    scheduler.pause();
}

void DashboardPageTest::healthDocumentDependenciesAreTiles()
{
    // The monitor over a real HTTP server: the degraded document's dependencies become tiles of
    // their own once it has answered, and the chosen tile stays on its check meanwhile.
    HealthServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QNetworkAccessManager network;
    CheckServices services;
    services.network = &network;
    HealthMonitor monitor(services, nullptr);
    monitor.setWorkspace(
        CheckTesting::apiWorkspace(u"http://127.0.0.1:%1/degraded"_s.arg(server.serverPort())));
    const HealthBoardModel *board = monitor.board();
    QAbstractItemModelTester tester(monitor.board(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString api = u"lab/web-1/api:health"_s;
    const QString redis = u"lab/web-1/api:health/redis"_s;

    DashboardPage page(monitor.board(), monitor.scheduler());
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    DashboardGrid *grid = page.grid();
    QCOMPARE(grid->visibleRows(), QList<int>{0});
    grid->setCurrentRow(0);
    grid->setFocus();
    QTest::keyClick(grid, Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(board->rowOf(redis) >= 0, 20000);
    QTRY_COMPARE(grid->visibleRows(u"lab"_s, CheckCategory::Services), (QList<int>{0, 1, 2}));
    QCOMPARE(grid->currentRow(), board->rowOf(api));
    QCOMPARE(page.shownCount(Verdict::Warning), 2); // the service as a whole, and its redis
    QCOMPARE(page.shownCount(Verdict::Ok), 1);      // its database

    const QRect redisTile = grid->tileRect(board->rowOf(redis));
    QVERIFY(grid->viewport()->rect().contains(redisTile.center()));
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, redisTile.center());
    CheckDetails *details = page.details();
    QCOMPARE(details->checkId(), redis);
    QCOMPARE(details->table()->model()->rowCount(), 1);

    // Only problems: the database's tile goes, the service's and its redis's stay.
    auto *onlyProblems = page.findChild<QCheckBox *>(u"dashboardOnlyProblems"_s);
    QVERIFY(onlyProblems);
    onlyProblems->setChecked(true);
    QCOMPARE(grid->visibleRows(), (QList<int>{board->rowOf(api), board->rowOf(redis)}));
    onlyProblems->setChecked(false);
}

void DashboardPageTest::fiftyHostCardsPaintQuickly()
{
    HealthBoardModel board;
    QList<CheckSpec> plan;
    for (int i = 0; i < 50; ++i) {
        plan.append(spec(u"fleet"_s, CheckCategory::Hosts, CheckKind::HostMetrics,
                         u"node-%1"_s.arg(i, 2, 10, QChar(u'0')),
                         u"node-%1"_s.arg(i, 2, 10, QChar(u'0'))));
    }
    board.setPlan(plan);
    DashboardPage page(&board, nullptr);
    page.resize(1600, 1000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    for (const CheckSpec &host : std::as_const(plan))
        addHost(board, &page, host, u"debian12-container.txt"_s,
                u"debian12-container-3s-later.txt"_s, 60);
    QCoreApplication::processEvents();
    QCOMPARE(page.grid()->visibleRows().size(), 50);

    // A whole new round of samples (one per host, as a poll brings them), then a full paint.
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const CheckSpec &host : std::as_const(plan)) {
        HostMetrics metrics = hostMetricsBetween(
            parseHostSnapshot(capture(u"debian12-container.txt"_s), now),
            parseHostSnapshot(capture(u"debian12-container-3s-later.txt"_s), now));
        metrics.receivedBytesPerSecond = 1000;
        metrics.sentBytesPerSecond = 500;
        board.addResult(judgeHostMetrics(metrics, {}, host.id));
        page.addHostSample(host.id, metrics);
    }
    QCoreApplication::processEvents();
    const qint64 updateMs = timer.restart();
    page.grid()->viewport()->repaint();
    const qint64 paintMs = timer.elapsed();
    qInfo("50 host cards: %lld ms to take a round of samples, %lld ms to paint", updateMs, paintMs);
    // Far below a frame's worth each on an idle machine; generous for a loaded 2-core one.
    QVERIFY2(updateMs < 250, qPrintable(QString::number(updateMs)));
    QVERIFY2(paintMs < 250, qPrintable(QString::number(paintMs)));
    saveScreenshot(page, u"dashboard-fleet"_s);
}

void DashboardPageTest::screenshot()
{
    Board board;
    // A running scheduler with nothing planned: Refresh Now and Pause as an operator sees them.
    QNetworkAccessManager network;
    CheckServices services;
    services.network = &network;
    CheckExecutor executor(services);
    CheckScheduler scheduler(&executor, nullptr);
    scheduler.start();
    DashboardPage page(&board.model, &scheduler);
    page.resize(1440, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    board.fill(&page);
    QCoreApplication::processEvents();
    page.grid()->setFocus();
    page.openDetails(board.api.id);
    saveScreenshot(page, u"dashboard"_s);
    page.setPalette(Appearance::darkPalette());
    saveScreenshot(page, u"dashboard-dark"_s);
}

QTEST_MAIN(DashboardPageTest)
#include "tst_dashboardpage.moc"
