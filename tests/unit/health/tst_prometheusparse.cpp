// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus HTTP API and Alertmanager answers read from real captures (taken from the
// servers tests/scripts/prometheus-fixture.sh starts), the range step rule at its edges, and the
// table models.
#include "models/health/alertmanager.h"
#include "models/health/prometheusapi.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTest>

#include <cmath>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QByteArray readData(const QString &relative)
{
    QFile file(QStringLiteral(OPSDECK_TEST_DATA_DIR "/health/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString typeName(PrometheusResultType type)
{
    switch (type) {
    case PrometheusResultType::Vector:
        return u"vector"_s;
    case PrometheusResultType::Matrix:
        return u"matrix"_s;
    case PrometheusResultType::Scalar:
        return u"scalar"_s;
    case PrometheusResultType::String:
        return u"string"_s;
    }
    return {};
}

QString valueText(double value)
{
    return formatMetricValue(value);
}

} // namespace

class PrometheusParseTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queryAnswers_data();
    void queryAnswers();
    void values_data();
    void values();
    void rangeStep_data();
    void rangeStep();
    void rangeStepNeverExceedsTheServersLimit();
    void seriesModel();
    void keyMetricsAreNamed();
    void alerts();
    void silences();
    void silenceRequestBody();
    void alertsForTarget_data();
    void alertsForTarget();
    void alertTables();
};

void PrometheusParseTest::queryAnswers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("seriesCount");
    QTest::addColumn<int>("pointsOfFirst");
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("firstValue");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("errorContains");
    QTest::addColumn<int>("warnings");

    QTest::newRow("up") << "vector-up.json"
                        << "vector" << 2 << 1
                        << R"(up{instance="127.0.0.1:56387", job="prometheus"})"
                        << "1"
                        << ""
                        << "" << 0;
    QTest::newRow("node_load1") << "vector-node-load1.json"
                                << "vector" << 1 << 1
                                << R"(node_load1{instance="127.0.0.1:56861", job="node"})"
                                << "0.89"
                                << ""
                                << "" << 0;
    QTest::newRow("histogram_quantile") << "vector-histogram-quantile.json"
                                        << "vector" << 1 << 1 << R"({job="prometheus"})"
                                        << "0.095"
                                        << ""
                                        << "" << 0;
    QTest::newRow("+Inf") << "vector-inf.json"
                          << "vector" << 2 << 1
                          << R"({instance="127.0.0.1:56387", job="prometheus"})"
                          << "+Inf"
                          << ""
                          << "" << 0;
    QTest::newRow("-Inf") << "vector-neg-inf.json"
                          << "vector" << 2 << 1
                          << R"({instance="127.0.0.1:56387", job="prometheus"})"
                          << "-Inf"
                          << ""
                          << "" << 0;
    QTest::newRow("empty") << "vector-empty.json"
                           << "vector" << 0 << 0 << ""
                           << ""
                           << ""
                           << "" << 0;
    QTest::newRow("scalar NaN") << "scalar-nan.json"
                                << "scalar" << 1 << 1 << "scalar"
                                << "NaN"
                                << ""
                                << "" << 0;
    QTest::newRow("scalar time()") << "scalar-time.json"
                                   << "scalar" << 1 << 1 << "scalar"
                                   << "1796555632.5"
                                   << ""
                                   << "" << 0;
    QTest::newRow("string") << "string.json"
                            << "string" << 0 << 0 << ""
                            << ""
                            << ""
                            << "" << 0;
    QTest::newRow("range vector") << "matrix-range-vector.json"
                                  << "matrix" << 2 << 3
                                  << R"(up{instance="127.0.0.1:56387", job="prometheus"})"
                                  << "1"
                                  << ""
                                  << "" << 0;
    QTest::newRow("query_range") << "matrix-up.json"
                                 << "matrix" << 2 << 6
                                 << R"(up{instance="127.0.0.1:56387", job="prometheus"})"
                                 << "1"
                                 << ""
                                 << "" << 0;
    QTest::newRow("query_range NaN")
        << "matrix-nan.json"
        << "matrix" << 2 << 4 << R"({instance="127.0.0.1:56387", job="prometheus"})"
        << "NaN"
        << ""
        << "" << 0;
    QTest::newRow("bad PromQL") << "error-bad-data.json"
                                << "vector" << 0 << 0 << ""
                                << ""
                                << "bad_data"
                                << "unclosed left parenthesis" << 0;
    QTest::newRow("too many points") << "error-too-many-points.json"
                                     << "vector" << 0 << 0 << ""
                                     << ""
                                     << "bad_data"
                                     << "11,000 points" << 0;
    QTest::newRow("execution") << "error-execution.json"
                               << "vector" << 0 << 0 << ""
                               << ""
                               << "execution"
                               << "many-to-many matching not allowed" << 0;
    QTest::newRow("warnings") << "warnings-handwritten.json"
                              << "vector" << 0 << 0 << ""
                              << ""
                              << ""
                              << "" << 2;
    // Found by fuzz_prometheus_api: a time beyond 64-bit milliseconds overflowed the conversion.
    QTest::newRow("time out of range") << "error-time-out-of-range-fuzz.json"
                                       << "vector" << 0 << 0 << ""
                                       << ""
                                       << ""
                                       << "malformed" << 0;
    QTest::newRow("not JSON") << "error-not-json-handwritten.json"
                              << "vector" << 0 << 0 << ""
                              << ""
                              << ""
                              << "not JSON" << 0;
}

void PrometheusParseTest::queryAnswers()
{
    QFETCH(QString, file);
    QFETCH(QString, type);
    QFETCH(int, seriesCount);
    QFETCH(int, pointsOfFirst);
    QFETCH(QString, firstName);
    QFETCH(QString, firstValue);
    QFETCH(QString, errorType);
    QFETCH(QString, errorContains);
    QFETCH(int, warnings);

    const PrometheusQueryResult result =
        parsePrometheusQueryResponse(readData(u"prometheus-api/"_s + file));
    QCOMPARE(result.errorType, errorType);
    if (errorContains.isEmpty())
        QVERIFY2(result.ok(), qPrintable(result.error));
    else
        QVERIFY2(result.error.contains(errorContains), qPrintable(result.error));
    QCOMPARE(result.warnings.size(), warnings);
    if (!result.ok())
        return;
    QCOMPARE(typeName(result.type), type);
    QCOMPARE(result.series.size(), seriesCount);
    if (seriesCount == 0)
        return;
    const PrometheusSeries &first = result.series.first();
    QCOMPARE(first.points.size(), pointsOfFirst);
    QCOMPARE(first.displayName(), firstName);
    QCOMPARE(valueText(first.points.first().value), firstValue);
    for (const PrometheusSeries &series : result.series) {
        for (qsizetype i = 1; i < series.points.size(); ++i)
            QVERIFY(series.points.at(i - 1).timeMs < series.points.at(i).timeMs);
    }
}

void PrometheusParseTest::values_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("expected");
    QTest::newRow("integer") << "42" << true << "42";
    QTest::newRow("fraction") << "0.095" << true << "0.095";
    QTest::newRow("exponent") << "1e-3" << true << "0.001";
    QTest::newRow("NaN") << "NaN" << true << "NaN";
    QTest::newRow("+Inf") << "+Inf" << true << "+Inf";
    QTest::newRow("-Inf") << "-Inf" << true << "-Inf";
    QTest::newRow("empty") << "" << false << "";
    QTest::newRow("word") << "high" << false << "";
}

void PrometheusParseTest::values()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, expected);
    const std::optional<double> value = parsePrometheusValue(text);
    QCOMPARE(value.has_value(), valid);
    if (valid)
        QCOMPARE(valueText(*value), expected);
}

void PrometheusParseTest::rangeStep_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("desired");
    QTest::addColumn<qint64>("step");
    QTest::newRow("empty range") << qint64(0) << 300 << qint64(1);
    QTest::newRow("5 min in 300 points") << qint64(300'000) << 300 << qint64(5);
    QTest::newRow("299 s in 300 points") << qint64(299'000) << 300 << qint64(1);
    QTest::newRow("1 h in 300 points") << qint64(3'600'000) << 300 << qint64(15);
    QTest::newRow("1 day in 300 points") << qint64(86'400'000) << 300 << qint64(300);
    QTest::newRow("7 days in 300 points") << qint64(7 * 86'400'000LL) << 300 << qint64(3600);
    QTest::newRow("10999 s at the limit") << qint64(10'999'000) << 11000 << qint64(1);
    QTest::newRow("11000 s over the limit") << qint64(11'000'000) << 11000 << qint64(5);
    QTest::newRow("asked for more than the limit") << qint64(10'999'000) << 50000 << qint64(1);
    QTest::newRow("asked for more, over the limit") << qint64(11'000'000) << 50000 << qint64(5);
    QTest::newRow("a fraction of a second more") << qint64(10'999'001) << 11000 << qint64(5);
    QTest::newRow("one point asked") << qint64(60'000) << 1 << qint64(60);
    QTest::newRow("10 years") << qint64(3650 * 86'400'000LL) << 300 << qint64(13 * 86400);
}

void PrometheusParseTest::rangeStep()
{
    QFETCH(qint64, spanMs);
    QFETCH(int, desired);
    QFETCH(qint64, step);
    const QDateTime start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    QCOMPARE(chooseRangeStep(start, start.addMSecs(spanMs), desired), step);
}

void PrometheusParseTest::rangeStepNeverExceedsTheServersLimit()
{
    const QDateTime start = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    for (qint64 spanMs : {1'000LL, 59'999LL, 10'999'999LL, 11'000'000LL, 54'999'000LL,
                          86'400'000LL * 400, 86'400'000LL * 3650}) {
        for (int desired : {1, 2, 100, 10999, 11000, 11001, 1'000'000}) {
            const qint64 step = chooseRangeStep(start, start.addMSecs(spanMs), desired);
            const qint64 points = spanMs / 1000 / step + 1;
            QVERIFY2(points <= PrometheusMaxPoints,
                     qPrintable(u"%1 ms, %2 points: step %3"_s.arg(spanMs).arg(desired).arg(step)));
        }
    }
}

void PrometheusParseTest::seriesModel()
{
    const PrometheusQueryResult result =
        parsePrometheusQueryResponse(readData(u"prometheus-api/matrix-up.json"_s));
    QVERIFY(result.ok());
    QList<PrometheusSeries> series = result.series;
    series[1].points.removeFirst(); // a gap: that row has no value in column 2
    MetricSeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSeries(series);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), series.at(0).displayName());
    QCOMPARE(model.data(model.index(0, 0)).toLongLong(), series.at(0).points.at(0).timeMs);
    QCOMPARE(model.data(model.index(0, 1)).toDouble(), 1.0);
    QVERIFY(!model.data(model.index(0, 2)).isValid());
    QCOMPARE(model.data(model.index(5, 2)).toDouble(), 1.0);
    model.setSeries({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 1);
}

void PrometheusParseTest::keyMetricsAreNamed()
{
    const QList<KeyMetricQuery> queries = defaultKeyMetricQueries();
    QStringList ids;
    for (const KeyMetricQuery &query : queries) {
        QVERIFY(!query.title.isEmpty());
        QVERIFY(!query.expr.isEmpty());
        ids.append(query.id);
    }
    QCOMPARE(ids, QStringList({u"request_rate"_s, u"error_rate"_s, u"latency_p95"_s, u"cpu"_s,
                               u"memory"_s}));
}

void PrometheusParseTest::alerts()
{
    const auto list = parseAlertmanagerAlerts(readData(u"alertmanager/alerts.json"_s));
    QVERIFY2(list.ok(), qPrintable(list.error));
    QCOMPARE(list.items.size(), 2);
    const AlertmanagerAlert &disk = list.items.at(0);
    QCOMPARE(disk.name(), u"DiskFull"_s);
    QCOMPARE(disk.state, u"suppressed"_s);
    QCOMPARE(disk.silencedBy, QStringList{u"fcae19bb-f5bf-47b1-9949-1403461997c0"_s});
    QVERIFY(disk.inhibitedBy.isEmpty());
    QCOMPARE(disk.annotations.value(u"summary"_s), u"Disk 91% full"_s);
    QCOMPARE(disk.receivers, QStringList{u"none"_s});
    QCOMPARE(disk.startsAt, QDateTime(QDate(2026, 12, 6), QTime(11, 14, 0, 521), Qt::UTC));
    const AlertmanagerAlert &load = list.items.at(1);
    QCOMPARE(load.state, u"active"_s);
    QVERIFY(!load.isSilenced());
    QCOMPARE(load.labels.value(u"instance"_s), u"db1.example.com:9100"_s);
    QVERIFY(!parseAlertmanagerAlerts("{\"not\":\"a list\"}").ok());
    QVERIFY(!parseAlertmanagerAlerts("<html>").ok());
}

void PrometheusParseTest::silences()
{
    const auto list = parseAlertmanagerSilences(readData(u"alertmanager/silences.json"_s));
    QVERIFY2(list.ok(), qPrintable(list.error));
    QCOMPARE(list.items.size(), 2);
    const AlertmanagerSilence &active = list.items.at(0);
    QCOMPARE(active.id, u"fcae19bb-f5bf-47b1-9949-1403461997c0"_s);
    QCOMPARE(active.state, u"active"_s);
    QCOMPARE(active.createdBy, u"alice"_s);
    QCOMPARE(active.comment, u"Disk being replaced, ticket OPS-42"_s);
    QCOMPARE(active.matchers.size(), 2);
    QCOMPARE(active.matchers.at(0).text(), uR"(alertname="DiskFull")"_s);
    QCOMPARE(active.matchers.at(1).text(), uR"(host=~"web.*")"_s);
    QCOMPARE(active.endsAt, QDateTime(QDate(2026, 12, 6), QTime(13, 14), Qt::UTC));
    const AlertmanagerSilence &expired = list.items.at(1);
    QCOMPARE(expired.state, u"expired"_s);
    QCOMPARE(expired.matchers.at(0).text(), uR"(job!="batch")"_s);
}

void PrometheusParseTest::silenceRequestBody()
{
    SilenceRequest request;
    request.matchers = {{u"alertname"_s, u"HighLoad"_s, false, true}};
    request.startsAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    request.endsAt = request.startsAt.addSecs(3600);
    request.createdBy = u"alice"_s;
    request.comment = u"maintenance"_s;
    QCOMPARE(silenceRequestJson(request),
             QByteArray(R"({"comment":"maintenance","createdBy":"alice",)"
                        R"("endsAt":"2026-01-02T04:04:05.000Z","matchers":[{"isEqual":true,)"
                        R"("isRegex":false,"name":"alertname","value":"HighLoad"}],)"
                        R"("startsAt":"2026-01-02T03:04:05.000Z"})"));
}

void PrometheusParseTest::alertsForTarget_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<bool>>("silenced");
    QTest::newRow("instance host:port")
        << "db1.example.com" << 9100 << "" << QStringList{u"HighLoad"_s} << QList<bool>{false};
    QTest::newRow("instance host, any port")
        << "db1.example.com" << 0 << "" << QStringList{u"HighLoad"_s} << QList<bool>{false};
    QTest::newRow("other port") << "db1.example.com" << 5432 << "" << QStringList{}
                                << QList<bool>{};
    QTest::newRow("host label, silenced")
        << "web1" << 443 << "" << QStringList{u"DiskFull"_s} << QList<bool>{true};
    QTest::newRow("host and service")
        << "web1" << 0 << "nginx" << QStringList{u"DiskFull"_s} << QList<bool>{true};
    QTest::newRow("host, other service") << "web1" << 0 << "api" << QStringList{} << QList<bool>{};
    QTest::newRow("job as service")
        << "db1.example.com" << 0 << "node" << QStringList{u"HighLoad"_s} << QList<bool>{false};
    QTest::newRow("case of the host")
        << "DB1.example.com" << 0 << "" << QStringList{u"HighLoad"_s} << QList<bool>{false};
    QTest::newRow("other host") << "db2.example.com" << 0 << "" << QStringList{} << QList<bool>{};
    QTest::newRow("service without a host")
        << "" << 0 << "payments" << QStringList{u"QueueBacklog"_s} << QList<bool>{false};
}

void PrometheusParseTest::alertsForTarget()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, service);
    QFETCH(QStringList, names);
    QFETCH(QList<bool>, silenced);
    QList<AlertmanagerAlert> alerts =
        parseAlertmanagerAlerts(readData(u"alertmanager/alerts.json"_s)).items;
    AlertmanagerAlert backlog;
    backlog.labels = {{u"alertname"_s, u"QueueBacklog"_s}, {u"service"_s, u"payments"_s}};
    backlog.state = u"active"_s;
    alerts.append(backlog);
    const QList<AlertMatch> matches = OpsDeck::alertsForTarget(alerts, {host, port, service});
    QStringList found;
    QList<bool> foundSilenced;
    for (const AlertMatch &match : matches) {
        found.append(match.alert.name());
        foundSilenced.append(match.silenced);
    }
    QCOMPARE(found, names);
    QCOMPARE(foundSilenced, silenced);
}

void PrometheusParseTest::alertTables()
{
    AlertsModel alerts;
    QAbstractItemModelTester alertsTester(&alerts,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    alerts.setAlerts(parseAlertmanagerAlerts(readData(u"alertmanager/alerts.json"_s)).items);
    QCOMPARE(alerts.rowCount(), 2);
    QCOMPARE(alerts.data(alerts.index(0, AlertsModel::Name)).toString(), u"DiskFull"_s);
    QCOMPARE(alerts.data(alerts.index(1, AlertsModel::Instance)).toString(),
             u"db1.example.com:9100"_s);
    QCOMPARE(alerts.data(alerts.index(0, AlertsModel::Instance)).toString(), u"web1"_s);
    QVERIFY(alerts.data(alerts.index(0, AlertsModel::State)) !=
            alerts.data(alerts.index(1, AlertsModel::State)));

    SilencesModel silences;
    QAbstractItemModelTester silencesTester(&silences,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    silences.setSilences(
        parseAlertmanagerSilences(readData(u"alertmanager/silences.json"_s)).items);
    QCOMPARE(silences.rowCount(), 2);
    QCOMPARE(silences.data(silences.index(0, SilencesModel::Matchers)).toString(),
             uR"(alertname="DiskFull", host=~"web.*")"_s);
    QCOMPARE(silences.data(silences.index(1, SilencesModel::CreatedBy)).toString(), u"bob"_s);
    silences.setSilences({});
    QCOMPARE(silences.rowCount(), 0);
}

QTEST_GUILESS_MAIN(PrometheusParseTest)
#include "tst_prometheusparse.moc"
