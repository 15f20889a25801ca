// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP check against a real HTTP server in this process: a QTcpServer answering the paths
// a health endpoint is seen to answer with (healthy, degraded, slow, 500, invalid JSON, a
// redirect loop, an endless body), the health-document parser from data, and a document's
// dependencies as rows of their own.
#include "checktesting.h"
#include "healthserver.h"
#include "models/health/healthdependencies.h"
#include "models/health/httpcheck.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace OpsDeck;
using namespace CheckTesting;
using namespace Qt::StringLiterals;

namespace {

CheckResult run(const HttpCheckOptions &options, int waitMs = 20000)
{
    HttpCheck check;
    QSignalSpy spy(&check, &HttpCheck::finished);
    check.start(u"test:http"_s, options);
    if (!spy.wait(waitMs))
        return {};
    [&] { QCOMPARE(spy.count(), 1); }();
    return spy.constFirst().constFirst().value<CheckResult>();
}

} // namespace

class TestHttpCheck : public QObject
{
    Q_OBJECT

private:
    HealthServer m_server;

    HttpCheckOptions options(const QString &path) const
    {
        HttpCheckOptions result;
        result.url = QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
        result.timeoutMs = 10000;
        // Generous, so a loaded test machine does not turn "healthy" into a latency warning.
        result.latency = {u"response_time"_s, 5000, 9000, u"ms"_s, Threshold::Direction::Above, {}};
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<CheckResult>();
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("isJson");
        QTest::addColumn<QString>("verdict");
        // name=VERDICT:text; dependencies of an object in key order, as QJsonObject keeps them
        QTest::addColumn<QStringList>("values");

        QTest::newRow("plain text") << QByteArray("OK\n") << false << u"UNKNOWN"_s << QStringList{};
        QTest::newRow("seed dependencies as words")
            << QByteArray(R"({"status":"healthy","version":"1.2.0","uptime":86400,)"
                          R"("dependencies":{"database":"healthy","cache":"healthy",)"
                          R"("messageQueue":"healthy"}})")
            << true << u"OK"_s
            << QStringList{u"health=OK:healthy"_s, u"cache=OK:healthy"_s, u"database=OK:healthy"_s,
                           u"messageQueue=OK:healthy"_s};
        QTest::newRow("checks as objects, one degraded")
            << QByteArray(R"({"status":"healthy","checks":{"database":{"status":"healthy",)"
                          R"("latency_ms":4},"redis":{"status":"degraded",)"
                          R"("message":"used_memory 92%"}}})")
            << true << u"WARNING"_s
            << QStringList{u"health=OK:healthy"_s, u"database=OK:healthy"_s,
                           u"redis=WARNING:degraded: used_memory 92%"_s};
        QTest::newRow("spring boot actuator")
            << QByteArray(R"({"status":"DOWN","components":{"db":{"status":"UP","details":)"
                          R"({"database":"PostgreSQL"}},"diskSpace":{"status":"UP"},)"
                          R"("redis":{"status":"DOWN","details":{"error":"timeout"}}}})")
            << true << u"CRITICAL"_s
            << QStringList{u"health=CRITICAL:DOWN"_s, u"db=OK:UP"_s, u"diskSpace=OK:UP"_s,
                           u"redis=CRITICAL:DOWN"_s};
        QTest::newRow("ietf health+json")
            << QByteArray(R"({"status":"warn","checks":{"postgres:responseTime":[)"
                          R"({"componentId":"a","status":"pass"},{"componentId":"b",)"
                          R"("status":"warn","output":"slow"}],"uptime":[{"status":"pass"}]}})")
            << true << u"WARNING"_s
            << QStringList{u"health=WARNING:warn"_s, u"postgres:responseTime=WARNING:warn: slow"_s,
                           u"uptime=OK:pass"_s};
        QTest::newRow("aspnet entries")
            << QByteArray(
                   R"({"status":"Unhealthy","totalDuration":"00:00:00.01",)"
                   R"("entries":{"sql":{"status":"Unhealthy"},"cache":{"status":"Healthy"}}})")
            << true << u"CRITICAL"_s
            << QStringList{u"health=CRITICAL:Unhealthy"_s, u"cache=OK:Healthy"_s,
                           u"sql=CRITICAL:Unhealthy"_s};
        QTest::newRow("list of named checks")
            << QByteArray(R"({"status":"ok","checks":[{"name":"database","status":"ok"},)"
                          R"({"name":"storage","status":"fail","error":"disk full"}]})")
            << true << u"CRITICAL"_s
            << QStringList{u"health=OK:ok"_s, u"database=OK:ok"_s,
                           u"storage=CRITICAL:fail: disk full"_s};
        QTest::newRow("booleans")
            << QByteArray(R"({"healthy":true,"dependencies":{"database":true,"queue":false}})")
            << true << u"CRITICAL"_s
            << QStringList{u"health=OK:true"_s, u"database=OK:true"_s, u"queue=CRITICAL:false"_s};
        QTest::newRow("unknown word")
            << QByteArray(R"({"status":"maintenance"})") << true << u"UNKNOWN"_s
            << QStringList{u"health=UNKNOWN:maintenance"_s};
        QTest::newRow("json without status")
            << QByteArray(R"({"version":"1.2.0"})") << true << u"UNKNOWN"_s << QStringList{};
        QTest::newRow("invalid") << QByteArray("  {\"status\": \"healthy\",") << true
                                 << u"UNKNOWN"_s << QStringList{};
    }

    void parse()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, isJson);
        QFETCH(QString, verdict);
        QFETCH(QStringList, values);
        const HealthDocument document = parseHealthDocument(body);
        QCOMPARE(document.isJson, isJson);
        QCOMPARE(verdictId(document.verdict), verdict);
        QStringList got;
        for (const CheckValue &value : document.values)
            got.append(u"%1=%2:%3"_s.arg(value.name, verdictId(value.verdict), value.text));
        QCOMPARE(got, values);
    }

    void invalidJsonSaysWhere()
    {
        const HealthDocument document = parseHealthDocument("  {\"status\": \"healthy\",");
        QVERIFY2(document.error.startsWith(u"invalid JSON at byte "_s), qPrintable(document.error));
        QVERIFY(document.values.isEmpty());
    }

    void thresholdFromWorkspace()
    {
        Workspace workspace;
        Service service;
        service.healthUrl = QUrl(u"https://api.example.org/health"_s);
        service.expectedStatus = 204;
        service.expectedBody = u"ok"_s;
        HttpCheckOptions defaults = httpCheckOptions(service, workspace);
        QCOMPARE(defaults.latency.warning, 500.0);
        QCOMPARE(defaults.latency.critical, 1000.0);
        QCOMPARE(defaults.expectedStatus, 204);
        QCOMPARE(defaults.expectedBody, u"ok"_s);
        workspace.thresholds.append(
            {u"response_time"_s, 200, 800, u"ms"_s, Threshold::Direction::Above, {}});
        QCOMPARE(httpCheckOptions(service, workspace).latency.warning, 200.0);
    }

    void healthy()
    {
        const CheckResult result = run(options(u"/healthy"_s));
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QCOMPARE(result.checkId, u"test:http"_s);
        QVERIFY(findValue(result, u"status"_s));
        QCOMPARE(findValue(result, u"status"_s)->value, 200.0);
        QCOMPARE(findValue(result, u"status"_s)->text, u"200 OK"_s);
        QVERIFY(findValue(result, u"latency"_s));
        QCOMPARE(findValue(result, u"latency"_s)->warning, std::optional<double>(5000));
        QVERIFY(findValue(result, u"database"_s));
        QCOMPARE(findValue(result, u"database"_s)->verdict, Verdict::Ok);
        QCOMPARE(findValue(result, u"redis"_s)->verdict, Verdict::Ok);
        QVERIFY2(result.summary.startsWith(u"200 OK in "_s), qPrintable(result.summary));
        QVERIFY(result.error.isEmpty());
    }

    void degradedDependency()
    {
        const CheckResult result = run(options(u"/degraded"_s));
        QVERIFY2(result.verdict == Verdict::Warning, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"status"_s)->verdict, Verdict::Ok);
        QCOMPARE(findValue(result, u"database"_s)->verdict, Verdict::Ok);
        QCOMPARE(findValue(result, u"redis"_s)->verdict, Verdict::Warning);
        QCOMPARE(findValue(result, u"redis"_s)->text, u"degraded: latency 800 ms"_s);
        QVERIFY2(result.summary.contains(u"redis"_s), qPrintable(result.summary));
        // The overall status stays as the document says it, on the check's own row.
        QCOMPARE(findValue(result, u"health"_s)->text, u"degraded"_s);
        QCOMPARE(findValue(result, u"health"_s)->verdict, Verdict::Warning);

        // Each dependency a row of its own, keyed under the check.
        QCOMPARE(result.dependencies, std::optional(QStringList{u"database"_s, u"redis"_s}));
        const QList<CheckResult> rows = dependencyResults(result, *result.dependencies);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].checkId, u"test:http/database"_s);
        QCOMPARE(rows[0].verdict, Verdict::Ok);
        QCOMPARE(rows[0].summary, u"healthy"_s);
        QCOMPARE(rows[1].checkId, u"test:http/redis"_s);
        QCOMPARE(rows[1].verdict, Verdict::Warning);
        QCOMPARE(rows[1].summary, u"degraded: latency 800 ms"_s);
        QCOMPARE(rows[1].time, result.time);
        QCOMPARE(rows[1].values.size(), 1);
        QCOMPARE(rows[1].values[0].name, u"redis"_s);
        QVERIFY(rows[1].error.isEmpty());
    }

    void dependencyRowsWithoutADocument()
    {
        // No document (unreachable, not JSON, broken JSON): no dependencies to list, and the
        // rows already shown become unknown with the reason.
        HttpCheckOptions refused;
        refused.url = QUrl(u"http://127.0.0.1:%1/health"_s.arg(closedPort()));
        const CheckResult down = run(refused);
        QVERIFY2(down.verdict == Verdict::Critical, qPrintable(describe(down)));
        QVERIFY(!down.dependencies);
        const QList<CheckResult> rows = dependencyResults(down, {u"redis"_s});
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].checkId, u"test:http/redis"_s);
        QCOMPARE(rows[0].verdict, Verdict::Unknown);
        QVERIFY2(rows[0].error.startsWith(u"not reported: connection refused"_s),
                 qPrintable(rows[0].error));
        QVERIFY(!run(options(u"/text"_s)).dependencies);
        QVERIFY(!run(options(u"/invalid"_s)).dependencies);
        // A document without dependencies lists none.
        QCOMPARE(run(options(u"/slow"_s)).dependencies, std::optional(QStringList{}));
    }

    void dependencyNamedLikeAValueOfTheCheck()
    {
        HttpAnswer answer;
        answer.url = QUrl(u"http://api.example/health"_s);
        answer.status = 200;
        answer.reason = u"OK"_s;
        answer.body = R"({"status":"healthy","checks":{"status":{"status":"degraded"}}})";
        const CheckResult result = judgeHttpAnswer({}, answer);
        QCOMPARE(result.dependencies, std::optional(QStringList{u"status"_s}));
        const QList<CheckResult> rows = dependencyResults(result, *result.dependencies);
        QCOMPARE(rows.size(), 1);
        // The document's "status" dependency, not the HTTP status 200.
        QCOMPARE(rows[0].verdict, Verdict::Warning);
        QCOMPARE(rows[0].summary, u"degraded"_s);
        // The check's own row judges the whole document, as before.
        QCOMPARE(result.verdict, Verdict::Warning);
    }

    void slowIsALatencyWarning()
    {
        HttpCheckOptions slow = options(u"/slow"_s);
        slow.latency = {u"response_time"_s, 150, 5000, u"ms"_s, Threshold::Direction::Above, {}};
        const CheckResult result = run(slow);
        QVERIFY2(result.verdict == Verdict::Warning, qPrintable(describe(result)));
        const CheckValue *latency = findValue(result, u"latency"_s);
        QVERIFY(latency);
        QVERIFY2(latency->value >= 300, qPrintable(describe(result)));
        QCOMPARE(latency->verdict, Verdict::Warning);
        QCOMPARE(latency->unit, u"ms"_s);
    }

    void serverError()
    {
        const CheckResult result = run(options(u"/error"_s));
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"status"_s)->value, 500.0);
        QCOMPARE(findValue(result, u"status"_s)->verdict, Verdict::Critical);
        QCOMPARE(findValue(result, u"database"_s)->text, u"unhealthy: connection refused"_s);
        QCOMPARE(findValue(result, u"redis"_s)->verdict, Verdict::Ok);
    }

    void expectedStatusOtherThan200()
    {
        HttpCheckOptions notFound = options(u"/nothing"_s);
        notFound.expectedStatus = 404;
        const CheckResult result = run(notFound);
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
    }

    void invalidJson()
    {
        const CheckResult result = run(options(u"/invalid"_s));
        QVERIFY2(result.verdict == Verdict::Unknown, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"status"_s)->verdict, Verdict::Ok);
        QVERIFY2(result.error.contains(u"invalid JSON"_s), qPrintable(result.error));
        QVERIFY2(result.error.contains(u"/invalid"_s), qPrintable(result.error));
    }

    void redirectFollowed()
    {
        const CheckResult result = run(options(u"/moved"_s));
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QVERIFY(findValue(result, u"database"_s));
    }

    void redirectLoop()
    {
        const CheckResult result = run(options(u"/loop-a"_s));
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QVERIFY2(result.error.startsWith(u"redirect loop: "_s), qPrintable(result.error));
        QVERIFY2(result.error.contains(u"/loop-b"_s), qPrintable(result.error));
        QVERIFY2(result.error.endsWith(u"/loop-a"_s), qPrintable(result.error));
    }

    void tooManyRedirects()
    {
        HttpCheckOptions chain = options(u"/chain/0"_s);
        chain.maxRedirects = 3;
        const int before = m_server.requests;
        const CheckResult result = run(chain);
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QVERIFY2(result.error.startsWith(u"more than 3 redirects: "_s), qPrintable(result.error));
        QCOMPARE(m_server.requests - before, 4);
    }

    void hugeBodyIsCut()
    {
        HttpCheckOptions huge = options(u"/huge"_s);
        huge.maxBodyBytes = 128 * 1024;
        const CheckResult result = run(huge);
        QVERIFY2(result.verdict == Verdict::Warning, qPrintable(describe(result)));
        const CheckValue *body = findValue(result, u"body"_s);
        QVERIFY(body);
        QCOMPARE(body->value, 128.0 * 1024);
        QVERIFY2(body->text.contains(u"stopped reading"_s), qPrintable(body->text));
        // The client hung up long before the server could send its half gigabyte.
        QTRY_VERIFY(m_server.hugeDisconnected);
        QVERIFY2(m_server.hugeBytesSent < hugeBodyBytes / 4,
                 qPrintable(QString::number(m_server.hugeBytesSent)));
    }

    void expectedBody()
    {
        HttpCheckOptions text = options(u"/text"_s);
        text.expectedBody = u"pong"_s;
        CheckResult result = run(text);
        QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
        QCOMPARE(findValue(result, u"expected text"_s)->verdict, Verdict::Ok);

        text.expectedBody = u"healthy"_s;
        result = run(text);
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QVERIFY(findValue(result, u"expected text"_s)->text.contains(u"\"healthy\" not in"_s));
    }

    void refused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        HttpCheckOptions refused;
        refused.url = QUrl(u"http://127.0.0.1:%1/health"_s.arg(port));
        const CheckResult result = run(refused);
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QVERIFY2(result.error.contains(u"connection refused by 127.0.0.1:%1"_s.arg(port)),
                 qPrintable(result.error));
    }

    void timeout()
    {
        HttpCheckOptions hang = options(u"/hang"_s);
        hang.timeoutMs = 300;
        QElapsedTimer elapsed;
        elapsed.start();
        const CheckResult result = run(hang);
        QVERIFY(elapsed.elapsed() < 5000);
        QVERIFY2(result.verdict == Verdict::Critical, qPrintable(describe(result)));
        QVERIFY2(result.error.startsWith(u"no answer from http://127.0.0.1:"_s),
                 qPrintable(result.error));
        QVERIFY2(result.error.contains(u"/hang"_s), qPrintable(result.error));
        QVERIFY2(result.error.contains(u"300 ms"_s), qPrintable(result.error));
    }

    void notHttp()
    {
        HttpCheckOptions wrong;
        wrong.url = QUrl(u"ftp://example.org/"_s);
        const CheckResult result = run(wrong);
        QCOMPARE(result.verdict, Verdict::Unknown);
        QVERIFY2(result.error.contains(u"ftp://example.org/"_s), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestHttpCheck)
#include "tst_httpcheck.moc"
