// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/diagnostic.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// What a Prometheus /metrics endpoint says: the text exposition format 0.0.4 and OpenMetrics 1.0
// text, read by hand (no regular expressions) because a dashboard scrapes it every few seconds.
namespace OpsDeck {

enum class ExpositionFormat {
    Detect,         // OpenMetrics when the text ends with "# EOF", else the 0.0.4 text format
    PrometheusText, // text/plain; version=0.0.4
    OpenMetrics,    // application/openmetrics-text; version=1.0.0
};

// Untyped is 0.0.4's word, Unknown OpenMetrics'; the rest only exist in OpenMetrics from Info on.
enum class MetricType {
    Untyped,
    Counter,
    Gauge,
    Histogram,
    Summary,
    Unknown,
    Info,
    StateSet,
    GaugeHistogram,
};

struct MetricLabel {
    QString name;
    QString value; // unescaped
    friend bool operator==(const MetricLabel &, const MetricLabel &) = default;
};

// OpenMetrics' "# {trace_id="…"} 0.04 1700000000.1" after a counter or bucket sample.
struct MetricExemplar {
    QList<MetricLabel> labels;
    double value = 0;
    std::optional<qint64> timestampMs;
};

struct MetricSample {
    QString name;              // as written: "http_requests_total", "latency_seconds_bucket"
    QList<MetricLabel> labels; // in the order of the line
    double value = 0;          // may be ±infinity or NaN
    // Milliseconds since the epoch: 0.0.4 writes milliseconds, OpenMetrics seconds (rounded to
    // the millisecond here).
    std::optional<qint64> timestampMs;
    std::optional<MetricExemplar> exemplar;

    // The value of the label called name, or an empty string.
    QString label(QStringView name) const;
};

// One metric with its metadata; a histogram's _bucket, _sum and _count series (a summary's
// quantiles, a counter's _total and _created) are samples of one family, as the format has them.
// A sample without a TYPE line makes a family of its own name, Untyped (Unknown in OpenMetrics).
struct MetricFamily {
    QString name;
    MetricType type = MetricType::Untyped;
    QString help; // unescaped
    QString unit; // OpenMetrics' "# UNIT"
    QList<MetricSample> samples;
};

struct ExpositionParseResult {
    ExpositionFormat format = ExpositionFormat::PrometheusText; // the one read (never Detect)
    QList<MetricFamily> families;                               // in the order they first appear
    // Errors with line and column. A line with an error is skipped and reading goes on, so a
    // file with errors still gives every family and sample of the lines that parsed; after 100
    // errors reading stops.
    Diagnostics diagnostics;

    bool ok() const { return !hasErrors(diagnostics); }
    qsizetype sampleCount() const;
    const MetricFamily *family(QStringView name) const;
};

// fileName goes into the diagnostics (a path or a URL).
ExpositionParseResult parseExposition(QByteArrayView text, const QString &fileName = {},
                                      ExpositionFormat format = ExpositionFormat::Detect);

// The format a Content-Type header names: OpenMetrics for application/openmetrics-text,
// otherwise Detect.
ExpositionFormat expositionFormatForContentType(QByteArrayView contentType);

// "counter", "gauge", "histogram", "summary", "untyped", "unknown", "info", "stateset",
// "gaugehistogram": the format's own words.
QString metricTypeId(MetricType type);
// A sample value as the format writes it: "+Inf", "-Inf", "NaN", or the shortest exact number.
QString formatMetricValue(double value);

// {"families":[{"name","type","help","unit","samples":[{"name","labels":{…},"value",
// "timestamp"}]}]}: value a JSON number, or "+Inf", "-Inf", "NaN"; timestamp in milliseconds or
// null; "exemplar" only where there is one.
QJsonObject toJson(const QList<MetricFamily> &families);

} // namespace OpsDeck
