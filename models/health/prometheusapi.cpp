// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/prometheusapi.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusClient)
};

// Seconds with a fraction as milliseconds; nullopt beyond what milliseconds in 64 bits hold
// (a broken or hostile answer must not overflow the conversion).
std::optional<qint64> readTimeMs(const QJsonValue &json)
{
    if (!json.isDouble())
        return std::nullopt;
    const double seconds = json.toDouble();
    if (!std::isfinite(seconds) || std::fabs(seconds) > 9.0e15)
        return std::nullopt;
    return qRound64(seconds * 1000.0);
}

// "[1796555632.764, "1"]": seconds with a fraction, and the value as a string.
bool readPoint(const QJsonValue &json, PrometheusPoint *point)
{
    const QJsonArray pair = json.toArray();
    if (pair.size() != 2 || !pair.at(1).isString())
        return false;
    const std::optional<qint64> timeMs = readTimeMs(pair.at(0));
    const std::optional<double> value = parsePrometheusValue(pair.at(1).toString());
    if (!timeMs || !value)
        return false;
    point->timeMs = *timeMs;
    point->value = *value;
    return true;
}

QList<MetricLabel> readLabels(const QJsonObject &metric)
{
    QList<MetricLabel> labels;
    labels.reserve(metric.size());
    // QJsonObject iterates in key order: the sorted order people expect.
    for (auto it = metric.begin(); it != metric.end(); ++it)
        labels.append({it.key(), it.value().toString()});
    return labels;
}

QString seconds(const QDateTime &time)
{
    return QString::number(double(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

} // namespace

std::optional<double> parsePrometheusValue(QStringView text)
{
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf" || text == u"Inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString PrometheusSeries::label(QStringView name) const
{
    for (const MetricLabel &label : labels) {
        if (label.name == name)
            return label.value;
    }
    return {};
}

QString PrometheusSeries::displayName() const
{
    QString name;
    QStringList parts;
    for (const MetricLabel &label : labels) {
        if (label.name == u"__name__")
            name = label.value;
        else
            parts.append(u"%1=\"%2\""_s.arg(label.name, label.value));
    }
    if (name.isEmpty() && parts.isEmpty())
        return u"scalar"_s;
    if (parts.isEmpty())
        return name;
    return name + u'{' + parts.join(u", "_s) + u'}';
}

PrometheusQueryResult parsePrometheusQueryResponse(const QByteArray &body)
{
    PrometheusQueryResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        result.error = parseError.error != QJsonParseError::NoError
                           ? Text::tr("the answer is not JSON (%1 at byte %2)")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset)
                           : Text::tr("the answer is not a JSON object");
        return result;
    }
    const QJsonObject root = document.object();
    for (const QJsonValue &warning : root.value(u"warnings").toArray())
        result.warnings.append(warning.toString());
    const QString status = root.value(u"status").toString();
    if (status == u"error") {
        result.errorType = root.value(u"errorType").toString();
        result.error = root.value(u"error").toString();
        if (result.error.isEmpty())
            result.error = Text::tr("the server reported an error without a message");
        return result;
    }
    if (status != u"success") {
        result.error = Text::tr("the answer has no status \"success\" or \"error\"");
        return result;
    }
    const QJsonObject data = root.value(u"data").toObject();
    const QString type = data.value(u"resultType").toString();
    const QJsonValue payload = data.value(u"result");
    const auto malformed = [&result](const QString &what) {
        result.series.clear();
        result.error = Text::tr("malformed answer: %1").arg(what);
        return result;
    };
    if (type == u"vector" || type == u"matrix") {
        result.type =
            type == u"vector" ? PrometheusResultType::Vector : PrometheusResultType::Matrix;
        if (!payload.isArray())
            return malformed(Text::tr("the result is not a list"));
        for (const QJsonValue &item : payload.toArray()) {
            const QJsonObject object = item.toObject();
            PrometheusSeries series;
            series.labels = readLabels(object.value(u"metric").toObject());
            if (result.type == PrometheusResultType::Vector) {
                PrometheusPoint point;
                if (!readPoint(object.value(u"value"), &point))
                    return malformed(Text::tr("a sample is not [time, \"value\"]"));
                series.points.append(point);
            } else {
                const QJsonArray values = object.value(u"values").toArray();
                series.points.reserve(values.size());
                for (const QJsonValue &value : values) {
                    PrometheusPoint point;
                    if (!readPoint(value, &point))
                        return malformed(Text::tr("a sample is not [time, \"value\"]"));
                    series.points.append(point);
                }
            }
            result.series.append(series);
        }
        return result;
    }
    if (type == u"scalar") {
        result.type = PrometheusResultType::Scalar;
        PrometheusPoint point;
        if (!readPoint(payload, &point))
            return malformed(Text::tr("the scalar is not [time, \"value\"]"));
        result.timeMs = point.timeMs;
        result.series.append({{}, {point}});
        return result;
    }
    if (type == u"string") {
        result.type = PrometheusResultType::String;
        const QJsonArray pair = payload.toArray();
        const std::optional<qint64> timeMs = readTimeMs(pair.at(0));
        if (pair.size() != 2 || !timeMs || !pair.at(1).isString())
            return malformed(Text::tr("the string is not [time, \"text\"]"));
        result.timeMs = *timeMs;
        result.text = pair.at(1).toString();
        return result;
    }
    return malformed(Text::tr("unknown result type \"%1\"").arg(type));
}

qint64 chooseRangeStep(const QDateTime &start, const QDateTime &end, int desiredPoints)
{
    const qint64 points = std::clamp<qint64>(desiredPoints, 2, PrometheusMaxPoints);
    const qint64 spanMs = std::max<qint64>(0, start.msecsTo(end));
    // The server counts floor(span / step) + 1 points: a step of at least span / (points - 1)
    // keeps within points.
    const qint64 intervals = points - 1;
    const qint64 spanSeconds = (spanMs + 999) / 1000;
    const qint64 least = std::max<qint64>(1, (spanSeconds + intervals - 1) / intervals);
    static constexpr qint64 friendly[] = {1,    5,    15,       30,       60,        300,  900,
                                          1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400};
    for (const qint64 step : friendly) {
        if (step >= least)
            return step;
    }
    return (least + 86399) / 86400 * 86400;
}

QList<KeyMetricQuery> defaultKeyMetricQueries()
{
    return {
        {u"request_rate"_s, Text::tr("Request rate"), u"req/s"_s,
         u"sum by (job) (rate(http_requests_total[5m]))"_s},
        {u"error_rate"_s, Text::tr("Error rate"), u"%"_s,
         u"100 * sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))"
         u" / sum by (job) (rate(http_requests_total[5m]))"_s},
        {u"latency_p95"_s, Text::tr("Latency (p95)"), u"s"_s,
         u"histogram_quantile(0.95, sum by (job, le) "
         u"(rate(http_request_duration_seconds_bucket[5m])))"_s},
        {u"cpu"_s, Text::tr("CPU"), u"%"_s,
         u"100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m])))"_s},
        {u"memory"_s, Text::tr("Memory"), u"%"_s,
         u"100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)"_s},
    };
}

PrometheusClient::PrometheusClient(QNetworkAccessManager *network, const QUrl &baseUrl,
                                   QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(baseUrl)
{
}

void PrometheusClient::instantQuery(const QString &expr, const QDateTime &time, QObject *context,
                                    Done done)
{
    QList<std::pair<QString, QString>> form{{u"query"_s, expr}};
    if (time.isValid())
        form.append({u"time"_s, seconds(time)});
    post(u"/api/v1/query"_s, form, context, std::move(done));
}

void PrometheusClient::rangeQuery(const QString &expr, const QDateTime &start, const QDateTime &end,
                                  qint64 stepSeconds, QObject *context, Done done)
{
    post(u"/api/v1/query_range"_s,
         {{u"query"_s, expr},
          {u"start"_s, seconds(start)},
          {u"end"_s, seconds(end)},
          {u"step"_s, QString::number(stepSeconds)}},
         context, std::move(done));
}

void PrometheusClient::post(const QString &path, const QList<std::pair<QString, QString>> &form,
                            QObject *context, Done done)
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    QUrlQuery query;
    for (const auto &[name, value] : form)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->post(request, query.toString(QUrl::FullyEncoded).toUtf8());
    const int timeoutMs = m_timeoutMs;
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, reply, [reply, guard, done, url, timeoutMs] {
        reply->deleteLater();
        if (!guard || !done)
            return;
        const QByteArray body = reply->readAll();
        const QString where = url.toDisplayString();
        PrometheusQueryResult result;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            result.error = Text::tr("%1: no answer within %2 ms").arg(where).arg(timeoutMs);
        } else if (status == 0) {
            result.error = Text::tr("%1: %2").arg(where, reply->errorString());
        } else {
            // The API answers errors with JSON too (400 bad_data, 422 execution, 503 timeout).
            result = parsePrometheusQueryResponse(body);
            if (!result.ok()) {
                const QString detail = result.errorType.isEmpty()
                                           ? result.error
                                           : u"%1: %2"_s.arg(result.errorType, result.error);
                result.error = status == 200
                                   ? Text::tr("%1: %2").arg(where, detail)
                                   : Text::tr("%1: HTTP %2: %3").arg(where).arg(status).arg(detail);
            }
        }
        result.url = where;
        done(result);
    });
}

MetricSeriesModel::MetricSeriesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MetricSeriesModel::setSeries(const QList<PrometheusSeries> &series)
{
    beginResetModel();
    m_series = series;
    std::map<qint64, QList<std::optional<double>>> rows;
    for (qsizetype column = 0; column < series.size(); ++column) {
        for (const PrometheusPoint &point : series.at(column).points) {
            QList<std::optional<double>> &row = rows[point.timeMs];
            row.resize(series.size());
            row[column] = point.value;
        }
    }
    m_times.clear();
    m_values.clear();
    for (auto &[time, values] : rows) {
        m_times.append(time);
        m_values.append(values);
    }
    endResetModel();
}

int MetricSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_times.size());
}

int MetricSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.size()) + 1;
}

QVariant MetricSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (index.column() == 0)
        return m_times.at(index.row());
    const std::optional<double> value = m_values.at(index.row()).at(index.column() - 1);
    if (!value)
        return {};
    return *value;
}

QVariant MetricSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
        section > m_series.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return Text::tr("Time");
    return m_series.at(section - 1).displayName();
}

} // namespace OpsDeck
