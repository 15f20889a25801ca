// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusClient against a real Prometheus (tests/scripts/prometheus-fixture.sh): each answer
// is compared with the server's own, fetched separately with a plain GET.
#include "models/health/prometheusapi.h"
#include "prometheusfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

#include <cmath>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

class PrometheusApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void instantQueryIsTheServersAnswer_data();
    void instantQueryIsTheServersAnswer();
    void rangeQueryWithTheChosenStep();
    void badPromQlNamesTheUrlAndTheError();
    void tooManyPointsIsRefusedByTheServer();
    void unreachableServerNamesTheUrl();
    void answerAfterTheContextIsGoneIsDropped();

private:
    PrometheusQueryResult ask(const std::function<void(PrometheusClient::Done)> &call);
    QByteArray plainGet(const QString &path, const QList<std::pair<QString, QString>> &query);

    std::unique_ptr<PrometheusFixture> m_fixture;
    QNetworkAccessManager m_network;
    std::unique_ptr<PrometheusClient> m_client;
};

void PrometheusApiTest::initTestCase()
{
    m_fixture = std::make_unique<PrometheusFixture>();
    QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    m_client = std::make_unique<PrometheusClient>(&m_network, m_fixture->prometheusUrl());
    m_client->setTimeoutMs(10000);
    // The fixture returns after the first scrape: a query a second back needs one before that.
    QTest::qWait(2500);
}

void PrometheusApiTest::cleanupTestCase()
{
    m_client.reset();
    m_fixture.reset();
}

PrometheusQueryResult
PrometheusApiTest::ask(const std::function<void(PrometheusClient::Done)> &call)
{
    std::optional<PrometheusQueryResult> answer;
    call([&answer](const PrometheusQueryResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000)) {
        PrometheusQueryResult none;
        none.error = u"no answer within 15 s"_s;
        return none;
    }
    return *answer;
}

QByteArray PrometheusApiTest::plainGet(const QString &path,
                                       const QList<std::pair<QString, QString>> &query)
{
    QUrl url = m_fixture->prometheusUrl();
    url.setPath(path);
    QUrlQuery items;
    for (const auto &[name, value] : query)
        items.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(items.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000))
        return {};
    return reply->readAll();
}

void PrometheusApiTest::instantQueryIsTheServersAnswer_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<int>("minimumSeries");
    QTest::newRow("up") << u"up"_s << 2;
    QTest::newRow("node_load1") << u"node_load1"_s << 1;
    QTest::newRow("memory") << defaultKeyMetricQueries().at(4).expr << 1;
    QTest::newRow("scalar") << u"scalar(count(up))"_s << 1;
    QTest::newRow("string") << u"\"a string\""_s << 0;
}

void PrometheusApiTest::instantQueryIsTheServersAnswer()
{
    QFETCH(QString, expr);
    QFETCH(int, minimumSeries);
    // A fixed time in the past, so both answers are of the same evaluation.
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-1);
    const PrometheusQueryResult ours =
        ask([&](auto done) { m_client->instantQuery(expr, at, this, std::move(done)); });
    QVERIFY2(ours.ok(), qPrintable(ours.error));
    QVERIFY(ours.url.endsWith(u"/api/v1/query"_s));
    QVERIFY(ours.series.size() >= minimumSeries);
    const PrometheusQueryResult servers = parsePrometheusQueryResponse(
        plainGet(u"/api/v1/query"_s,
                 {{u"query"_s, expr},
                  {u"time"_s, QString::number(double(at.toMSecsSinceEpoch()) / 1000.0, 'f', 3)}}));
    QVERIFY2(servers.ok(), qPrintable(servers.error));
    QCOMPARE(int(ours.type), int(servers.type));
    QCOMPARE(ours.text, servers.text);
    QCOMPARE(ours.series.size(), servers.series.size());
    for (qsizetype i = 0; i < ours.series.size(); ++i) {
        QCOMPARE(ours.series.at(i).labels, servers.series.at(i).labels);
        QCOMPARE(ours.series.at(i).points.size(), servers.series.at(i).points.size());
        QCOMPARE(ours.series.at(i).points.at(0).timeMs, at.toMSecsSinceEpoch());
        QCOMPARE(formatMetricValue(ours.series.at(i).points.at(0).value),
                 formatMetricValue(servers.series.at(i).points.at(0).value));
    }
}

void PrometheusApiTest::rangeQueryWithTheChosenStep()
{
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(-1);
    const QDateTime start = end.addSecs(-10);
    const qint64 step = chooseRangeStep(start, end, 5); // 10 s in at most 5 points: 5 s
    QCOMPARE(step, qint64(5));
    const PrometheusQueryResult ours = ask(
        [&](auto done) { m_client->rangeQuery(u"up"_s, start, end, step, this, std::move(done)); });
    QVERIFY2(ours.ok(), qPrintable(ours.error));
    QCOMPARE(int(ours.type), int(PrometheusResultType::Matrix));
    const auto seconds = [](const QDateTime &t) {
        return QString::number(double(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
    };
    const QByteArray serversJson = plainGet(u"/api/v1/query_range"_s, {{u"query"_s, u"up"_s},
                                                                       {u"start"_s, seconds(start)},
                                                                       {u"end"_s, seconds(end)},
                                                                       {u"step"_s, u"5"_s}});
    const PrometheusQueryResult servers = parsePrometheusQueryResponse(serversJson);
    QVERIFY2(servers.ok(), qPrintable(servers.error));
    QCOMPARE(ours.series.size(), servers.series.size());
    QVERIFY(!ours.series.isEmpty());
    // Every point against the server's raw answer, read without our parser:
    // data.result[i].values is [[unix seconds, "value"], ...].
    const QJsonArray rawSeries =
        QJsonDocument::fromJson(serversJson)[u"data"_s][u"result"_s].toArray();
    QCOMPARE(rawSeries.size(), ours.series.size());
    for (qsizetype i = 0; i < ours.series.size(); ++i) {
        const PrometheusSeries &series = ours.series.at(i);
        QCOMPARE(series.labels, servers.series.at(i).labels);
        QCOMPARE(series.points.size(), servers.series.at(i).points.size());
        QVERIFY(series.points.size() <= 3); // 10 s / 5 s + 1
        for (qsizetype p = 1; p < series.points.size(); ++p)
            QCOMPARE(series.points.at(p).timeMs - series.points.at(p - 1).timeMs, step * 1000);
        const QJsonArray rawPoints = rawSeries.at(i)[u"values"_s].toArray();
        QCOMPARE(rawPoints.size(), series.points.size());
        for (qsizetype p = 0; p < series.points.size(); ++p) {
            const QJsonArray raw = rawPoints.at(p).toArray();
            QCOMPARE(series.points.at(p).timeMs, qint64(std::llround(raw.at(0).toDouble() * 1000)));
            QCOMPARE(formatMetricValue(series.points.at(p).value), raw.at(1).toString());
        }
    }
    MetricSeriesModel model;
    model.setSeries(ours.series);
    QCOMPARE(model.columnCount(), int(ours.series.size()) + 1);
}

void PrometheusApiTest::badPromQlNamesTheUrlAndTheError()
{
    const PrometheusQueryResult ours =
        ask([&](auto done) { m_client->instantQuery(u"sum(up"_s, {}, this, std::move(done)); });
    QVERIFY(!ours.ok());
    QCOMPARE(ours.errorType, u"bad_data"_s);
    QVERIFY2(ours.error.contains(m_fixture->value(u"PROMETHEUS_URL"_s) + u"/api/v1/query"_s),
             qPrintable(ours.error));
    // The server's own words for the same mistake.
    const PrometheusQueryResult servers =
        parsePrometheusQueryResponse(plainGet(u"/api/v1/query"_s, {{u"query"_s, u"sum(up"_s}}));
    QVERIFY(!servers.ok());
    QVERIFY2(ours.error.contains(servers.error), qPrintable(ours.error));
    QVERIFY2(ours.error.contains(u"HTTP 400"_s), qPrintable(ours.error));
}

void PrometheusApiTest::tooManyPointsIsRefusedByTheServer()
{
    // The limit chooseRangeStep() keeps within: the server refuses more than 11,000 steps
    // (it counts (end - start) / step, so 11,001 points still pass).
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-11001);
    const PrometheusQueryResult refused = ask(
        [&](auto done) { m_client->rangeQuery(u"up"_s, start, end, 1, this, std::move(done)); });
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(u"11,000"_s), qPrintable(refused.error));
    const qint64 step = chooseRangeStep(start, end, 50000);
    const PrometheusQueryResult accepted = ask(
        [&](auto done) { m_client->rangeQuery(u"up"_s, start, end, step, this, std::move(done)); });
    QVERIFY2(accepted.ok(), qPrintable(accepted.error));
}

void PrometheusApiTest::unreachableServerNamesTheUrl()
{
    // The node exporter's port with nothing behind it once stopped: use a port nobody listens on.
    PrometheusClient nowhere(&m_network, QUrl(u"http://127.0.0.1:1"_s));
    const PrometheusQueryResult result =
        ask([&](auto done) { nowhere.instantQuery(u"up"_s, {}, this, std::move(done)); });
    QVERIFY(!result.ok());
    QVERIFY2(result.error.startsWith(u"http://127.0.0.1:1/api/v1/query: "_s),
             qPrintable(result.error));
}

void PrometheusApiTest::answerAfterTheContextIsGoneIsDropped()
{
    bool called = false;
    {
        QObject context;
        m_client->instantQuery(u"up"_s, {}, &context,
                               [&called](const PrometheusQueryResult &) { called = true; });
    }
    // A second query on the same connection answers after the first one would have.
    const PrometheusQueryResult later =
        ask([&](auto done) { m_client->instantQuery(u"up"_s, {}, this, std::move(done)); });
    QVERIFY2(later.ok(), qPrintable(later.error));
    QTest::qWait(100);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(PrometheusApiTest)
#include "tst_prometheusapi.moc"
