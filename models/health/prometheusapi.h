// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/health/prometheustext.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

// What a Prometheus server answers on its HTTP API (/api/v1/query, /api/v1/query_range): for
// dashboards that read the team's Prometheus instead of polling every host themselves.
namespace OpsDeck {

// One point of a series: the time in milliseconds since the epoch and the value (may be NaN or
// ±infinity, which the API writes as the strings "NaN", "+Inf", "-Inf").
struct PrometheusPoint {
    qint64 timeMs = 0;
    double value = 0;
};

struct PrometheusSeries {
    QList<MetricLabel> labels; // sorted by name, as the server sends them; "__name__" included
    QList<PrometheusPoint> points;

    QString label(QStringView name) const;
    // How a person reads it: `up{instance="127.0.0.1:9100", job="node"}`, `{job="node"}` for a
    // series without a name, `scalar` for a scalar.
    QString displayName() const;
};

enum class PrometheusResultType { Vector, Matrix, Scalar, String };

struct PrometheusQueryResult {
    QString url; // what was asked, for errors; set by the client
    // An error names the server's errorType ("bad_data", "execution", "timeout") when it sent
    // one; errorType "" with an error means the answer was not the API's (not JSON, cut off).
    QString errorType;
    QString error;
    QStringList warnings;
    PrometheusResultType type = PrometheusResultType::Vector;
    // Vector: one point per series. Matrix: the points in time order. Scalar: one series
    // without labels and one point. String: no series; see text.
    QList<PrometheusSeries> series;
    QString text;      // the value of a string result
    qint64 timeMs = 0; // the evaluation time of a scalar or string result

    bool ok() const { return error.isEmpty(); }
};

// Reads the JSON body of a query or query_range answer, success or error. Pure.
PrometheusQueryResult parsePrometheusQueryResponse(const QByteArray &body);
// "1", "0.89", "NaN", "+Inf", "-Inf", "1e-3" as the API writes sample values; nullopt otherwise.
std::optional<double> parsePrometheusValue(QStringView text);

// The server refuses a range of more than this many steps; chooseRangeStep() keeps the points
// (steps + 1) within it, one to spare.
inline constexpr qint64 PrometheusMaxPoints = 11000;
// A step in seconds for a range from start to end with about desiredPoints points: the
// smallest friendly step (1 s, 5 s, 15 s, 30 s, 1 min, 5 min, 15 min, 30 min, 1 h, 3 h, 6 h,
// 12 h, then whole days) that keeps (end - start) / step + 1 at or below desiredPoints, which is
// clamped to 2..11,000 so the server never refuses the range.
qint64 chooseRangeStep(const QDateTime &start, const QDateTime &end, int desiredPoints = 300);

// A dashboard's default question to Prometheus; overridable by the workspace later.
struct KeyMetricQuery {
    QString id;    // "request_rate", "error_rate", "latency_p95", "cpu", "memory"
    QString title; // translated
    QString unit;  // "req/s", "%", "s"
    QString expr;  // PromQL
};
// The seeds' key metrics: request and error rate and p95 latency from the services'
// http_requests_total and http_request_duration_seconds histograms, CPU and memory from
// node_exporter.
QList<KeyMetricQuery> defaultKeyMetricQueries();

// Asks one Prometheus server, asynchronously in the caller's thread. Queries are sent as POST
// forms (long PromQL never meets a URL limit). Errors name the URL.
class PrometheusClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusClient)

public:
    using Done = std::function<void(const PrometheusQueryResult &)>;

    // baseUrl: "http://prometheus:9090" (a path prefix such as "/prometheus" is kept).
    PrometheusClient(QNetworkAccessManager *network, const QUrl &baseUrl,
                     QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // time invalid: the server's now. done is called once, in context's thread, never after
    // context is gone.
    void instantQuery(const QString &expr, const QDateTime &time, QObject *context, Done done);
    void rangeQuery(const QString &expr, const QDateTime &start, const QDateTime &end,
                    qint64 stepSeconds, QObject *context, Done done);

private:
    void post(const QString &path, const QList<std::pair<QString, QString>> &form, QObject *context,
              Done done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    int m_timeoutMs = 30000;
};

// Series as a table for charts (QVXYModelMapper): column 0 the time in milliseconds since the
// epoch, then one column per series whose header is its displayName(). One row per distinct
// time of any series, in time order; a series without a point at that time has no value there.
class MetricSeriesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit MetricSeriesModel(QObject *parent = nullptr);

    void setSeries(const QList<PrometheusSeries> &series);
    const QList<PrometheusSeries> &series() const { return m_series; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<PrometheusSeries> m_series;
    QList<qint64> m_times;
    QList<QList<std::optional<double>>> m_values; // [row][series]
};

} // namespace OpsDeck
