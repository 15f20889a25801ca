// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/metricscommand.h"

#include "models/health/prometheustext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QUrl>

#include <cstdio>
#include <memory>

namespace OpsDeck::CommandLine {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(MetricsCommand)
};

struct Fetched {
    QByteArray body;
    ExpositionFormat format = ExpositionFormat::Detect;
    QString error;
};

Fetched readLocalFile(const QString &path)
{
    Fetched fetched;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fetched.error = Text::tr("%1: %2").arg(path, file.errorString());
        return fetched;
    }
    fetched.body = file.readAll();
    if (file.error() != QFileDevice::NoError)
        fetched.error = Text::tr("%1: %2").arg(path, file.errorString());
    return fetched;
}

// One scrape, the way Prometheus asks: OpenMetrics preferred, 0.0.4 text accepted.
Fetched fetchUrl(const QUrl &url, int timeoutSeconds)
{
    Fetched fetched;
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/openmetrics-text;version=1.0.0,"
                                   "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    request.setTransferTimeout((timeoutSeconds > 0 ? timeoutSeconds : 10) * 1000);
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (reply->error() != QNetworkReply::NoError) {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        fetched.error =
            status.isValid()
                ? Text::tr("%1: HTTP %2 %3")
                      .arg(url.toDisplayString())
                      .arg(status.toInt())
                      .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                : Text::tr("%1: %2").arg(url.toDisplayString(), reply->errorString());
        return fetched;
    }
    fetched.body = reply->readAll();
    fetched.format = expositionFormatForContentType(
        reply->header(QNetworkRequest::ContentTypeHeader).toString().toUtf8());
    return fetched;
}

// A label value as the exposition writes it, so the table reads like the scrape.
QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'\n', QStringLiteral("\\n"));
    return u'"' + escaped + u'"';
}

QString labelsText(const QList<MetricLabel> &labels)
{
    QStringList parts;
    for (const MetricLabel &label : labels)
        parts.append(label.name + u'=' + quoted(label.value));
    return u'{' + parts.join(u',') + u'}';
}

QString seriesText(const MetricSample &sample)
{
    return sample.labels.isEmpty() ? sample.name : sample.name + labelsText(sample.labels);
}

void printTable(QTextStream &out, const QList<MetricFamily> &families)
{
    qsizetype samples = 0;
    for (const MetricFamily &family : families) {
        QString heading = family.name + u"  " + metricTypeId(family.type);
        if (!family.unit.isEmpty())
            heading += u"  " + Text::tr("unit %1").arg(family.unit);
        if (!family.help.isEmpty())
            heading += u"  " + QString(family.help).replace(u'\n', u' ');
        out << heading << '\n';
        qsizetype width = 0;
        for (const MetricSample &sample : family.samples)
            width = std::max(width, seriesText(sample).size());
        for (const MetricSample &sample : family.samples) {
            out << "  " << seriesText(sample).leftJustified(width) << "  "
                << formatMetricValue(sample.value);
            if (sample.timestampMs)
                out << "  "
                    << QDateTime::fromMSecsSinceEpoch(*sample.timestampMs, Qt::UTC)
                           .toString(Qt::ISODateWithMs);
            if (sample.exemplar)
                out << "  # " << labelsText(sample.exemplar->labels) << ' '
                    << formatMetricValue(sample.exemplar->value);
            out << '\n';
        }
        samples += family.samples.size();
    }
    out << Text::tr("families: %1, samples: %2").arg(families.size()).arg(samples) << '\n';
}

} // namespace

int parseMetrics(const QString &source, bool json, int timeoutSeconds)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QUrl url(source);
    const QString scheme = url.scheme().toLower();
    Fetched fetched;
    if (scheme == u"http" || scheme == u"https")
        fetched = fetchUrl(url, timeoutSeconds);
    else if (scheme == u"file")
        fetched = readLocalFile(url.toLocalFile());
    else
        fetched = readLocalFile(source);
    if (!fetched.error.isEmpty()) {
        err << Text::tr("opsdeck metrics parse: %1").arg(fetched.error) << '\n';
        return 2;
    }
    const ExpositionParseResult result = parseExposition(fetched.body, source, fetched.format);
    if (json)
        out << QJsonDocument(toJson(result.families)).toJson(QJsonDocument::Indented);
    else
        printTable(out, result.families);
    out.flush();
    for (const Diagnostic &diagnostic : result.diagnostics)
        err << diagnostic.toString() << '\n';
    return result.ok() ? 0 : 1;
}

} // namespace OpsDeck::CommandLine
