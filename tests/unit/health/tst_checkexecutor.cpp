// SPDX-License-Identifier: GPL-3.0-or-later
// Checks run once through the executor, from here and "via" a host reached over a real sshd
// (tests/scripts/sshd-fixture.sh) on this machine: HTTP and metrics scrapes by curl on that host,
// TCP through an SSH tunnel, host metrics in two readings, each audited, read-only mode allowing
// them; and curl's output read from data.
#include "checktesting.h"
#include "commandtesting.h"
#include "healthserver.h"
#include "models/health/checkexecutor.h"
#include "models/remote/hostregistry.h"
#include "models/secrets/credentialstore.h"
#include "models/workspace/workspaceloader.h"
#include "redisfixture.h"
#include "sshfixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace CheckTesting;
using namespace Qt::StringLiterals;

namespace {

} // namespace

class CheckExecutorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void curlOutput_data();
    void curlOutput();
    void curlCommandIsReadOnly();
    void httpFromHere();
    void httpViaHostRunsCurlThere_data();
    void httpViaHostRunsCurlThere();
    void viaHostInReadOnlyModeStillChecks();
    void metricsViaHostRunsCurlThere();
    void tcpThroughTunnel();
    void unreachableViaHostIsCritical();
    void hostMetricsOnceHaveCpu();
    void redisThroughTunnelWithKeychainPassword();

private:
    CheckResult run(const CheckSpec &spec, int waitMs = 60000);
    CheckSpec spec(const QString &path, const QString &via = {});

    HealthServer m_server;
    std::unique_ptr<SshFixture> m_sshd;
    std::unique_ptr<CommandTesting::AuditedRunner> m_audited;
    std::unique_ptr<HostRegistry> m_registry;
    std::unique_ptr<CheckExecutor> m_executor;
    std::unique_ptr<CredentialStore> m_credentials;
    QNetworkAccessManager m_network;
    Workspace m_workspace;
};

void CheckExecutorTest::initTestCase()
{
    // No session bus: the keychain is memory-only, so the test's password reaches no file.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/opsdeck-test-bus");
    m_credentials = std::make_unique<CredentialStore>();
    m_credentials->setProbeTimeout(std::chrono::milliseconds(2000));
    QSignalSpy probed(m_credentials.get(), &CredentialStore::probed);
    m_credentials->probe();
    QVERIFY(probed.wait(10000));
    QVERIFY(m_credentials->isMemoryOnly());
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    m_sshd = std::make_unique<SshFixture>();
    QVERIFY2(m_sshd->isRunning(), qPrintable(m_sshd->error()));
    m_audited = std::make_unique<CommandTesting::AuditedRunner>();
    QVERIFY(m_audited->open());
    const QByteArray text =
        QString(u"environments:\n  - name: lab\n    hosts:\n"_s +
                m_sshd->workspaceHost(u"fixture"_s) + m_sshd->workspaceHost(u"gone"_s, 1))
            .toUtf8();
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"lab.yaml"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString()));
    m_workspace = loaded.workspace;
    m_registry = std::make_unique<HostRegistry>(nullptr);
    m_registry->setKnownHostsFiles({m_sshd->value(u"KNOWN_HOSTS"_s)});
    m_registry->setWorkspace(m_workspace);
    HostRegistry *registry = m_registry.get();
    m_executor = std::make_unique<CheckExecutor>(
        CheckServices{&m_network, &m_audited->runner,
                      [registry](const QString &host) { return registry->executor(host); },
                      m_credentials.get(), m_workspace});
}

void CheckExecutorTest::cleanupTestCase()
{
    m_executor.reset();
    m_credentials.reset();
    m_registry.reset();
    m_audited.reset();
    m_sshd.reset();
}

CheckResult CheckExecutorTest::run(const CheckSpec &spec, int waitMs)
{
    QSignalSpy finished(m_executor.get(), &CheckExecutor::finished);
    m_executor->run(spec);
    if (!finished.wait(waitMs))
        return {};
    const CheckResult result = finished.constFirst().constFirst().value<CheckResult>();
    [&] { QCOMPARE(result.checkId, spec.id); }();
    return result;
}

CheckSpec CheckExecutorTest::spec(const QString &path, const QString &via)
{
    CheckSpec check;
    check.id = u"lab/fixture/api:health"_s;
    check.kind = CheckKind::Http;
    check.title = u"api"_s;
    check.viaHost = via;
    check.url = QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    return check;
}

void CheckExecutorTest::curlOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<bool>("parsed");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("json body") << QByteArray("{\"status\":\"healthy\"}\n@@opsdeck-http 200 "
                                             "0.012345 http://localhost:3000/health\n")
                               << true << 200 << qint64(12)
                               << QByteArray("{\"status\":\"healthy\"}");
    QTest::newRow("body without newline") << QByteArray("OK\n@@opsdeck-http 503 1.5 http://a/b\n")
                                          << true << 503 << qint64(1500) << QByteArray("OK");
    QTest::newRow("empty body") << QByteArray("\n@@opsdeck-http 204 0.001 http://a/\n") << true
                                << 204 << qint64(1) << QByteArray();
    // A body that contains the mark itself: the last one is curl's.
    QTest::newRow("mark in body")
        << QByteArray("x\n@@opsdeck-http 1 2 3\n@@opsdeck-http 200 0.1 http://a/\n") << true << 200
        << qint64(100) << QByteArray("x\n@@opsdeck-http 1 2 3");
    QTest::newRow("no trailer") << QByteArray("curl: (7) Failed to connect") << false << 0
                                << qint64(0) << QByteArray();
    QTest::newRow("garbled trailer")
        << QByteArray("\n@@opsdeck-http abc\n") << false << 0 << qint64(0) << QByteArray();
    QTest::newRow("connection failed")
        << QByteArray("\n@@opsdeck-http 000 0.000 http://127.0.0.1:1/\n") << true << 0 << qint64(0)
        << QByteArray();
}

void CheckExecutorTest::curlOutput()
{
    QFETCH(QByteArray, output);
    QFETCH(bool, parsed);
    QFETCH(int, status);
    QFETCH(qint64, elapsedMs);
    QFETCH(QByteArray, body);
    const std::optional<HttpAnswer> answer = parseCurlHealthOutput(output);
    QCOMPARE(answer.has_value(), parsed);
    if (!answer)
        return;
    QCOMPARE(answer->status, status);
    QCOMPARE(answer->elapsedMs, elapsedMs);
    QCOMPARE(answer->body, body);
}

void CheckExecutorTest::curlCommandIsReadOnly()
{
    HttpCheckOptions options;
    options.url = QUrl(u"http://localhost:3000/health?x=1&y='2'"_s);
    CommandRequest request;
    request.argv = curlHealthCommand(options);
    const RiskAssessment risk = CommandRunner::assess(request);
    QVERIFY2(risk.risk == Risk::Read, qPrintable(risk.reason));
    QCOMPARE(request.argv.constLast(), u"http://localhost:3000/health?x=1&y='2'"_s);
}

void CheckExecutorTest::httpFromHere()
{
    const CheckResult result = run(spec(u"/degraded"_s));
    QCOMPARE(result.verdict, Verdict::Warning);
    QVERIFY(findValue(result, u"redis"_s));
    QCOMPARE(findValue(result, u"redis"_s)->verdict, Verdict::Warning);
    QVERIFY(result.durationMs > 0 || findValue(result, u"latency"_s));
}

void CheckExecutorTest::httpViaHostRunsCurlThere_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("dependency"); // a dependency row the document gives, if any
    QTest::newRow("healthy") << u"/healthy"_s << int(Verdict::Ok) << u"database"_s;
    QTest::newRow("degraded") << u"/degraded"_s << int(Verdict::Warning) << u"redis"_s;
    QTest::newRow("500") << u"/error"_s << int(Verdict::Critical) << u"database"_s;
    QTest::newRow("invalid json") << u"/invalid"_s << int(Verdict::Unknown) << QString();
    QTest::newRow("redirect") << u"/moved"_s << int(Verdict::Ok) << u"redis"_s;
}

void CheckExecutorTest::httpViaHostRunsCurlThere()
{
    QFETCH(QString, path);
    QFETCH(int, verdict);
    QFETCH(QString, dependency);
    const std::optional<QList<AuditEntry>> before = m_audited->entries();
    QVERIFY(before);
    const CheckResult result = run(spec(path, u"fixture"_s));
    QVERIFY2(result.verdict == Verdict(verdict), qPrintable(result.summary + result.error));
    QVERIFY2(result.summary.contains(u"(from fixture)"_s), qPrintable(result.summary));
    QVERIFY(findValue(result, u"status"_s));
    if (!dependency.isEmpty())
        QVERIFY(findValue(result, dependency));
    // One audited command on the host: curl.
    const std::optional<QList<AuditEntry>> after = m_audited->entries();
    QVERIFY(after);
    QCOMPARE(after->size(), before->size() + 1);
    QCOMPARE(after->constFirst().host, u"fixture"_s);
    QVERIFY(after->constFirst().command.startsWith(u"curl "_s));
}

void CheckExecutorTest::viaHostInReadOnlyModeStillChecks()
{
    m_audited->readOnly.setEnabled(true);
    const CheckResult result = run(spec(u"/healthy"_s, u"fixture"_s));
    m_audited->readOnly.setEnabled(false);
    QCOMPARE(result.verdict, Verdict::Ok);
    // A refused port on the via host: curl's own words, critical.
    CheckSpec refused = spec(u"/"_s, u"fixture"_s);
    refused.url.setPort(closedPort());
    const CheckResult down = run(refused);
    QCOMPARE(down.verdict, Verdict::Critical);
    QVERIFY2(down.error.contains(u"from fixture"_s) && down.error.contains(u"onnect"_s),
             qPrintable(down.error));
}

void CheckExecutorTest::metricsViaHostRunsCurlThere()
{
    // The scrape goes the health check's way: curl on the via host, audited, parsed here.
    const std::optional<QList<AuditEntry>> before = m_audited->entries();
    QVERIFY(before);
    CheckSpec scrape = spec(u"/metrics/node-exporter-1.5.prom"_s, u"fixture"_s);
    scrape.id = u"lab/fixture/api:metrics"_s;
    scrape.kind = CheckKind::Metrics;
    const CheckResult result = run(scrape);
    QVERIFY2(result.verdict == Verdict::Ok, qPrintable(describe(result)));
    QVERIFY2(result.summary.endsWith(u"283 families, 514 samples (from fixture)"_s),
             qPrintable(result.summary));
    QVERIFY(findValue(result, u"samples"_s));
    QCOMPARE(findValue(result, u"samples"_s)->value, 514.0);
    const std::optional<QList<AuditEntry>> after = m_audited->entries();
    QVERIFY(after);
    QCOMPARE(after->size(), before->size() + 1);
    QCOMPARE(after->constFirst().host, u"fixture"_s);
    QVERIFY(after->constFirst().command.startsWith(u"curl "_s));

    CheckSpec broken = scrape;
    broken.url.setPath(u"/metrics-broken"_s);
    const CheckResult rejected = run(broken);
    QVERIFY2(rejected.verdict == Verdict::Critical, qPrintable(describe(rejected)));
    QVERIFY2(rejected.error.contains(u"is not valid metrics text: line 4:20: "_s),
             qPrintable(rejected.error));

    CheckSpec missing = scrape;
    missing.url.setPath(u"/metrics/no-such.prom"_s);
    const CheckResult notFound = run(missing);
    QVERIFY2(notFound.verdict == Verdict::Critical, qPrintable(describe(notFound)));
    QVERIFY2(notFound.summary.endsWith(u"(from fixture)"_s), qPrintable(notFound.summary));
    QCOMPARE(findValue(notFound, u"status"_s)->value, 404.0);
}

void CheckExecutorTest::tcpThroughTunnel()
{
    CheckSpec tcp;
    tcp.id = u"lab/fixture/api:tcp"_s;
    tcp.kind = CheckKind::Tcp;
    tcp.title = u"api port"_s;
    tcp.address = u"127.0.0.1"_s;
    tcp.port = m_server.serverPort();
    tcp.viaHost = u"fixture"_s;
    const CheckResult result = run(tcp);
    QVERIFY2(result.verdict == Verdict::Ok, qPrintable(result.summary + result.error));
    QVERIFY2(result.summary.contains(u"through fixture"_s), qPrintable(result.summary));
    // From here too.
    tcp.viaHost.clear();
    QCOMPARE(run(tcp).verdict, Verdict::Ok);
    tcp.port = closedPort();
    const CheckResult refused = run(tcp);
    QCOMPARE(refused.verdict, Verdict::Critical);
}

void CheckExecutorTest::unreachableViaHostIsCritical()
{
    const CheckResult result = run(spec(u"/healthy"_s, u"gone"_s));
    QVERIFY2(result.verdict == Verdict::Critical || result.verdict == Verdict::Unknown,
             qPrintable(result.summary));
    QVERIFY2(result.error.contains(u"gone"_s), qPrintable(result.error));
    // A host the workspace does not have.
    const CheckResult unknownHost = run(spec(u"/healthy"_s, u"nowhere"_s));
    QCOMPARE(unknownHost.verdict, Verdict::Unknown);
    QVERIFY2(unknownHost.error.contains(u"nowhere"_s), qPrintable(unknownHost.error));
}

void CheckExecutorTest::hostMetricsOnceHaveCpu()
{
    for (const bool local : {true, false}) {
        CheckSpec host;
        host.id = local ? u"lab/laptop:metrics"_s : u"lab/fixture:metrics"_s;
        host.kind = CheckKind::HostMetrics;
        host.host = local ? u"laptop"_s : u"fixture"_s;
        host.hostIsLocal = local;
        const CheckResult result = run(host);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const CheckValue *cpu = findValue(result, u"CPU"_s);
        QVERIFY2(cpu, qPrintable(result.summary));
        QVERIFY(cpu->value >= 0 && cpu->value <= 100);
        QVERIFY(findValue(result, u"memory"_s));
    }
}

void CheckExecutorTest::redisThroughTunnelWithKeychainPassword()
{
    RedisFixture redis;
    QVERIFY2(redis.ok(), qPrintable(redis.error()));
    // The fixture's Redis listens on 127.0.0.1 of "fixture": only a tunnel reaches it.
    const QString address = secretAddress(u"127.0.0.1"_s, redis.value(u"PORT"_s).toInt());
    QSignalSpy written(m_credentials.get(), &CredentialStore::written);
    m_credentials->write(u"lab/cache"_s, redis.value(u"PASSWORD"_s), address);
    QVERIFY(written.wait(5000));

    CheckSpec spec;
    spec.id = u"lab/fixture/cache:redis"_s;
    spec.kind = CheckKind::Redis;
    spec.host = u"fixture"_s;
    spec.title = u"cache"_s;
    spec.viaHost = u"fixture"_s;
    RedisInstance instance;
    instance.name = u"cache"_s;
    instance.port = quint16(redis.value(u"PORT"_s).toInt());
    instance.password.entry = u"lab/cache"_s;
    spec.redis = instance;
    spec.address = instance.host;
    spec.port = quint16(instance.port);
    const CheckResult result = run(spec);
    QVERIFY2(result.verdict == Verdict::Ok, qPrintable(result.summary + u" / "_s + result.error));
    QVERIFY2(result.summary.contains(u"through fixture"_s), qPrintable(result.summary));
    QVERIFY(!result.summary.contains(redis.value(u"PASSWORD"_s)));

    // An entry the keychain does not have: unknown, named.
    spec.redis->password.entry = u"lab/missing"_s;
    const CheckResult missing = run(spec);
    QCOMPARE(missing.verdict, Verdict::Unknown);
    QVERIFY2(missing.error.contains(u"lab/missing"_s), qPrintable(missing.error));
}

QTEST_GUILESS_MAIN(CheckExecutorTest)
#include "tst_checkexecutor.moc"
