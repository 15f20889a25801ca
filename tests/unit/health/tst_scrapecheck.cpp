// SPDX-License-Identifier: GPL-3.0-or-later
// A service's /metrics endpoint scraped through the executor, from this computer, against the
// HTTP server of the health tests serving a real node_exporter 1.5 capture, a broken body, a
// missing path and a closed port; and the judging of an answer from data.
#include "checktesting.h"
#include "healthserver.h"
#include "models/health/checkexecutor.h"
#include "models/health/scrapecheck.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace CheckTesting;
using namespace Qt::StringLiterals;

class ScrapeCheckTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nodeExporterCapture();
    void brokenBodySaysWhere();
    void notFoundIsCritical();
    void closedPortIsCritical();
    void optionsFromTheWorkspace();
    void cutBodyReadsWholeLines();

private:
    CheckSpec spec(const QString &path) const;
    CheckResult run(const CheckSpec &spec);

    HealthServer m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<CheckExecutor> m_executor;
    Workspace m_workspace;
};

void ScrapeCheckTest::initTestCase()
{
    qRegisterMetaType<CheckResult>();
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    m_workspace = apiWorkspace(u"http://127.0.0.1:%1/healthy"_s.arg(m_server.serverPort()));
    m_executor = std::make_unique<CheckExecutor>(
        CheckServices{&m_network, nullptr, {}, nullptr, m_workspace});
}

CheckSpec ScrapeCheckTest::spec(const QString &path) const
{
    CheckSpec check;
    check.id = u"lab/web-1/api:metrics"_s;
    check.kind = CheckKind::Metrics;
    check.title = u"api metrics"_s;
    // The workspace's service: its response_time levels judge the scrape.
    check.service = m_workspace.environments.constFirst().hosts.constFirst().services.constFirst();
    check.url = QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    return check;
}

CheckResult ScrapeCheckTest::run(const CheckSpec &spec)
{
    QSignalSpy finished(m_executor.get(), &CheckExecutor::finished);
    m_executor->run(spec);
    if (!finished.wait(30000))
        return {};
    [&] { QCOMPARE(finished.count(), 1); }();
    const CheckResult result = finished.constFirst().constFirst().value<CheckResult>();
    [&] { QCOMPARE(result.checkId, spec.id); }();
    return result;
}

void ScrapeCheckTest::nodeExporterCapture()
{
    const CheckResult result = run(spec(u"/metrics/node-exporter-1.5.prom"_s));
    QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
    QVERIFY(result.error.isEmpty());
    // The capture's TYPE lines and sample lines, counted by hand.
    QVERIFY(findValue(result, u"families"_s));
    QCOMPARE(findValue(result, u"families"_s)->value, 283.0);
    QVERIFY(findValue(result, u"samples"_s));
    QCOMPARE(findValue(result, u"samples"_s)->value, 514.0);
    QVERIFY(findValue(result, u"scrape"_s));
    QCOMPARE(findValue(result, u"scrape"_s)->unit, u"ms"_s);
    QCOMPARE(findValue(result, u"scrape"_s)->warning, std::optional<double>(5000));
    QCOMPARE(findValue(result, u"status"_s)->text, u"200 OK"_s);
    QVERIFY(findValue(result, u"resident memory"_s));
    QCOMPARE(findValue(result, u"resident memory"_s)->value, 1.8825216e+07);
    QCOMPARE(findValue(result, u"resident memory"_s)->unit, u"B"_s);
    QVERIFY(findValue(result, u"CPU time"_s));
    QCOMPARE(findValue(result, u"CPU time"_s)->value, 0.0);
    QVERIFY2(result.summary.startsWith(u"200 OK in "_s), qPrintable(result.summary));
    QVERIFY2(result.summary.endsWith(u": 283 families, 514 samples"_s), qPrintable(result.summary));
}

void ScrapeCheckTest::brokenBodySaysWhere()
{
    const CheckResult result = run(spec(u"/metrics-broken"_s));
    QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
    // The label set opened on line 4 never closes: the parser's line and column (the value
    // where ',' or '}' belongs).
    QVERIFY2(result.error.contains(u"/metrics-broken is not valid metrics text: line 4:20: "_s),
             qPrintable(result.error));
    QVERIFY2(result.error.endsWith(u"expected ',' or '}' after the value of label 'cpu'"_s),
             qPrintable(result.error));
    QVERIFY(findValue(result, u"exposition"_s));
    QCOMPARE(findValue(result, u"exposition"_s)->verdict, Verdict::Critical);
    QVERIFY(!findValue(result, u"families"_s));
}

void ScrapeCheckTest::notFoundIsCritical()
{
    const CheckResult result = run(spec(u"/metrics/no-such.prom"_s));
    QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
    QCOMPARE(findValue(result, u"status"_s)->value, 404.0);
    QVERIFY2(result.error.endsWith(u"/metrics/no-such.prom answered 404 Not Found, not 200"_s),
             qPrintable(result.error));
}

void ScrapeCheckTest::closedPortIsCritical()
{
    CheckSpec closed = spec(u"/metrics"_s);
    const quint16 port = closedPort();
    closed.url.setPort(port);
    const CheckResult result = run(closed);
    QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
    QVERIFY2(result.error.contains(u"connection refused by 127.0.0.1:%1"_s.arg(port)),
             qPrintable(result.error));
}

void ScrapeCheckTest::optionsFromTheWorkspace()
{
    Service service;
    service.metricsUrl = QUrl(u"http://10.0.0.5:9100/metrics"_s);
    service.healthUrl = QUrl(u"http://10.0.0.5/health"_s);
    service.expectedStatus = 204;
    service.expectedBody = u"ok"_s;
    const HttpCheckOptions options = scrapeCheckOptions(service, m_workspace);
    QCOMPARE(options.url, service.metricsUrl);
    // The health check's expectations are not the scrape's.
    QCOMPARE(options.expectedStatus, 200);
    QVERIFY(options.expectedBody.isEmpty());
    QCOMPARE(options.latency.warning, 5000.0);
    QCOMPARE(options.latency.critical, 9000.0);
}

void ScrapeCheckTest::cutBodyReadsWholeLines()
{
    HttpCheckOptions options;
    options.maxBodyBytes = 40;
    HttpAnswer answer;
    answer.url = QUrl(u"http://127.0.0.1/metrics"_s);
    answer.status = 200;
    answer.reason = u"OK"_s;
    answer.body = "# TYPE up gauge\nup 1\nprocess_resident_mem";
    answer.truncated = true;
    const CheckResult result = judgeScrapeAnswer(options, answer);
    QVERIFY2(result.verdict == Verdict::Warning, qPrintable(describe(result)));
    QCOMPARE(findValue(result, u"families"_s)->value, 1.0);
    QCOMPARE(findValue(result, u"samples"_s)->value, 1.0);
    QCOMPARE(findValue(result, u"body"_s)->verdict, Verdict::Warning);
    QVERIFY(!findValue(result, u"resident memory"_s));
}

QTEST_GUILESS_MAIN(ScrapeCheckTest)
#include "tst_scrapecheck.moc"
