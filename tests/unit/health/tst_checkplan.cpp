// SPDX-License-Identifier: GPL-3.0-or-later
// Which checks a workspace asks for: ids, kinds, intervals, via-hosts; and the workspace keys
// behind them rejected with file:line:column when wrong.
#include "models/health/checkplan.h"
#include "models/workspace/workspaceloader.h"

#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QByteArray estate = R"(environments:
  - name: production
    prometheus: http://prometheus.internal:9090
    alertmanager: http://alertmanager.internal:9093
    check-interval: 30s
    hosts:
      - name: web-1
        address: 10.0.0.11
        metrics-interval: 5s
        services:
          - name: api
            health: https://api.example.org/health
            metrics: https://api.example.org/metrics
            tcp: 10.0.0.11:443
            runbook: API outage
          - name: wiki
            health: http://localhost:3000/health
            metrics: http://localhost:9100/metrics
            via: web-1
            interval: 2m
          - name: cache-tls
            tls: rediss://cache.example.org:6380
      - name: db-1
        address: 10.0.0.21
        metrics: false
        databases:
          - name: wiki
            port: 5432
          - name: billing
            host: db.example.org
            sslmode: require
        redis:
          - name: sessions
            port: 6379
          - name: queue
            port: 6380
            tls: true
  - name: workstation
    hosts:
      - name: laptop
        connection: local
        redis:
          - name: local-cache
          - name: socket-cache
            socket: /run/redis/redis.sock
            tls: true
)";

Workspace load(const QByteArray &text)
{
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"estate.yaml"_s);
    [&] { QVERIFY2(loaded.ok(), qPrintable(loaded.diagnostics.value(0).toString())); }();
    return loaded.workspace;
}

const CheckSpec *find(const QList<CheckSpec> &plan, const QString &id)
{
    for (const CheckSpec &spec : plan) {
        if (spec.id == id)
            return &spec;
    }
    // Tests go on with a null pointer no further: stop the whole run with the missing id.
    qFatal("no check %s in the plan", qPrintable(id));
}

} // namespace

class CheckPlanTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCheckOfTheEstate();
    void viaHostsForWhatOnlyTheHostReaches();
    void intervals();
    void filters();
    void kindIdsRoundTrip();
    void badKeysAreErrorsWithPlace_data();
    void badKeysAreErrorsWithPlace();
};

void CheckPlanTest::everyCheckOfTheEstate()
{
    const QList<CheckSpec> plan = planChecks(load(estate));
    QStringList ids;
    for (const CheckSpec &spec : plan)
        ids.append(spec.id);
    // Workspace order: per host its metrics, services, databases, Redis; then the alerts.
    QCOMPARE(ids, (QStringList{
                      u"production/web-1:metrics"_s,
                      u"production/web-1/api:health"_s,
                      u"production/web-1/api:certificate"_s,
                      u"production/web-1/api:metrics"_s,
                      u"production/web-1/api:tcp"_s,
                      u"production/web-1/wiki:health"_s,
                      u"production/web-1/wiki:metrics"_s,
                      u"production/web-1/cache-tls:tls"_s,
                      u"production/db-1/wiki:postgres"_s,
                      u"production/db-1/billing:postgres"_s,
                      u"production/db-1/billing:certificate"_s,
                      u"production/db-1/sessions:redis"_s,
                      u"production/db-1/queue:redis"_s,
                      u"production/db-1/queue:certificate"_s,
                      u"production:alerts"_s,
                      u"workstation/laptop:metrics"_s,
                      u"workstation/laptop/local-cache:redis"_s,
                      // A Unix socket has no certificate to read.
                      u"workstation/laptop/socket-cache:redis"_s,
                  }));
    const CheckSpec *api = find(plan, u"production/web-1/api:health"_s);
    QCOMPARE(api->kind, CheckKind::Http);
    QCOMPARE(api->category, CheckCategory::Services);
    QCOMPARE(api->runbook, u"API outage"_s);
    QCOMPARE(api->url, QUrl(u"https://api.example.org/health"_s));
    const CheckSpec *certificate = find(plan, u"production/web-1/api:certificate"_s);
    QCOMPARE(certificate->kind, CheckKind::Tls);
    QCOMPARE(certificate->category, CheckCategory::Certificates);
    QCOMPARE(certificate->title, u"api.example.org"_s);
    // A service's `metrics:` URL is scraped, in the Services group beside its health.
    const CheckSpec *scrape = find(plan, u"production/web-1/api:metrics"_s);
    QCOMPARE(scrape->kind, CheckKind::Metrics);
    QCOMPARE(scrape->category, CheckCategory::Services);
    QCOMPARE(scrape->url, QUrl(u"https://api.example.org/metrics"_s));
    QCOMPARE(scrape->title, u"api metrics"_s);
    QCOMPARE(scrape->subject, u"api"_s);
    QCOMPARE(scrape->runbook, u"API outage"_s);
    QVERIFY(scrape->service);
    const CheckSpec *tcp = find(plan, u"production/web-1/api:tcp"_s);
    QCOMPARE(tcp->address, u"10.0.0.11"_s);
    QCOMPARE(tcp->port, quint16(443));
    const CheckSpec *billingTls = find(plan, u"production/db-1/billing:certificate"_s);
    QCOMPARE(billingTls->url.scheme(), u"postgres"_s);
    QCOMPARE(billingTls->url.port(), 5432);
    // rediss: the certificate of the Redis server itself, as a database's with sslmode.
    const CheckSpec *queueTls = find(plan, u"production/db-1/queue:certificate"_s);
    QCOMPARE(queueTls->kind, CheckKind::Tls);
    QCOMPARE(queueTls->category, CheckCategory::Certificates);
    QCOMPARE(queueTls->url, QUrl(u"rediss://127.0.0.1:6380"_s));
    QCOMPARE(queueTls->title, u"127.0.0.1:6380"_s);
    QCOMPARE(queueTls->subject, u"queue"_s);
    const CheckSpec *alerts = find(plan, u"production:alerts"_s);
    QCOMPARE(alerts->kind, CheckKind::Alerts);
    QVERIFY(alerts->host.isEmpty());
    QCOMPARE(alerts->url, QUrl(u"http://alertmanager.internal:9093"_s));
    QVERIFY(find(plan, u"workstation/laptop:metrics"_s)->hostIsLocal);
    QVERIFY(!find(plan, u"production/web-1:metrics"_s)->hostIsLocal);
}

void CheckPlanTest::viaHostsForWhatOnlyTheHostReaches()
{
    const QList<CheckSpec> plan = planChecks(load(estate));
    // Declared in the workspace.
    QCOMPARE(find(plan, u"production/web-1/wiki:health"_s)->viaHost, u"web-1"_s);
    // A scrape goes the way the service's health check goes.
    QCOMPARE(find(plan, u"production/web-1/wiki:metrics"_s)->viaHost, u"web-1"_s);
    QVERIFY(find(plan, u"production/web-1/api:metrics"_s)->viaHost.isEmpty());
    // A database on 127.0.0.1 of a remote host: only that host reaches it.
    QCOMPARE(find(plan, u"production/db-1/wiki:postgres"_s)->viaHost, u"db-1"_s);
    QCOMPARE(find(plan, u"production/db-1/sessions:redis"_s)->viaHost, u"db-1"_s);
    // Services with public URLs are checked from here.
    QVERIFY(find(plan, u"production/web-1/api:health"_s)->viaHost.isEmpty());
    // This computer's Redis needs no tunnel.
    QVERIFY(find(plan, u"workstation/laptop/local-cache:redis"_s)->viaHost.isEmpty());
    // A database's certificate is read the way the database is reached.
    QCOMPARE(find(plan, u"production/db-1/billing:certificate"_s)->viaHost, u"db-1"_s);
    // So is a Redis server's, on the remote host's loopback.
    QCOMPARE(find(plan, u"production/db-1/queue:certificate"_s)->viaHost, u"db-1"_s);
}

void CheckPlanTest::intervals()
{
    const QList<CheckSpec> plan = planChecks(load(estate));
    QCOMPARE(find(plan, u"production/web-1:metrics"_s)->intervalSeconds, 5);
    QCOMPARE(find(plan, u"production/web-1/api:health"_s)->intervalSeconds, 30);
    QCOMPARE(find(plan, u"production/web-1/wiki:health"_s)->intervalSeconds, 120);
    QCOMPARE(find(plan, u"production/web-1/wiki:metrics"_s)->intervalSeconds, 120);
    // Certificates change seldom.
    QCOMPARE(find(plan, u"production/web-1/api:certificate"_s)->intervalSeconds, 3600);
    QCOMPARE(find(plan, u"production/db-1/queue:certificate"_s)->intervalSeconds, 3600);
    QCOMPARE(find(plan, u"production/db-1/queue:redis"_s)->intervalSeconds, 30);
    // Defaults: a minute for checks, 10 s for host metrics.
    QCOMPARE(find(plan, u"workstation/laptop/local-cache:redis"_s)->intervalSeconds, 60);
    QCOMPARE(find(plan, u"workstation/laptop:metrics"_s)->intervalSeconds, 10);
}

void CheckPlanTest::filters()
{
    const Workspace workspace = load(estate);
    const QList<CheckSpec> workstation = planChecks(workspace, {u"workstation"_s, {}});
    QCOMPARE(workstation.size(), 3);
    const QList<CheckSpec> certificates = planChecks(workspace, {{}, {CheckKind::Tls}});
    QCOMPARE(certificates.size(), 4);
    for (const CheckSpec &spec : certificates)
        QCOMPARE(spec.kind, CheckKind::Tls);
    const QList<CheckSpec> scrapes = planChecks(workspace, {{}, {CheckKind::Metrics}});
    QCOMPARE(scrapes.size(), 2);
    for (const CheckSpec &spec : scrapes)
        QCOMPARE(spec.kind, CheckKind::Metrics);
    QVERIFY(planChecks(workspace, {u"nowhere"_s, {}}).isEmpty());
}

void CheckPlanTest::kindIdsRoundTrip()
{
    const QStringList ids = checkKindIds();
    QCOMPARE(ids.size(), 9);
    QCOMPARE(checkKindFromId(u"metrics"), CheckKind::Metrics);
    for (const QString &id : ids) {
        const std::optional<CheckKind> kind = checkKindFromId(id);
        QVERIFY(kind);
        QCOMPARE(checkKindId(*kind), id);
        QVERIFY(!checkKindName(*kind).isEmpty());
    }
    QVERIFY(!checkKindFromId(u"HTTP"));
    QVERIFY(!checkKindFromId(u""));
}

void CheckPlanTest::badKeysAreErrorsWithPlace_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    const QByteArray head = "environments:\n  - name: p\n";
    QTest::newRow("interval unit") << head + "    check-interval: 30x\n    hosts: []\n"
                                   << u"estate.yaml:3:21: error: 'check-interval' must be an "
                                      "interval from 5 s to 86400 s"_s;
    QTest::newRow("interval too short")
        << head + "    hosts:\n      - name: a\n        metrics-interval: 0s\n"
        << u"estate.yaml:5:27: error: 'metrics-interval'"_s;
    QTest::newRow("metrics not a bool")
        << head + "    hosts:\n      - name: a\n        metrics: sometimes\n"
        << u"estate.yaml:5:18: error: 'metrics' must be true or false"_s;
    QTest::newRow("tcp without port")
        << head + "    hosts:\n      - name: a\n        services:\n          - name: s\n"
                  "            tcp: db.internal\n"
        << u"estate.yaml:7:18: error: 'tcp' must be HOST:PORT"_s;
    QTest::newRow("tls scheme")
        << head + "    hosts:\n      - name: a\n        services:\n          - name: s\n"
                  "            tls: ftp://files.internal\n"
        << u"estate.yaml:7:18: error: 'tls' must be a URL starting with https://"_s;
    QTest::newRow("via unknown host")
        << head + "    hosts:\n      - name: a\n        services:\n          - name: s\n"
                  "            via: bastion\n"
        << u"estate.yaml:7:18: error: 'via' refers to 'bastion', which is not a host"_s;
    QTest::newRow("prometheus not http")
        << head + "    prometheus: prometheus.internal:9090\n"
        << u"estate.yaml:3:17: error: 'prometheus' must be an http:// or https:// URL"_s;
}

void CheckPlanTest::badKeysAreErrorsWithPlace()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const WorkspaceLoadResult loaded = parseWorkspace(text, u"estate.yaml"_s);
    QVERIFY(!loaded.ok());
    QStringList messages;
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        messages.append(diagnostic.toString());
    QVERIFY2(messages.constFirst().startsWith(expected), qPrintable(messages.join(u'\n')));
}

QTEST_GUILESS_MAIN(CheckPlanTest)
#include "tst_checkplan.moc"
