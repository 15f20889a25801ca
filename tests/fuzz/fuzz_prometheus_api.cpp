// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as a Prometheus /api/v1/query answer and as Alertmanager's
// alert and silence lists never crash the parsers; an answer is either ok or has an error, a
// vector has one point per series, a scalar one series, and the chart table over any series
// has one row per distinct time.
#include "models/health/alertmanager.h"
#include "models/health/prometheusapi.h"

#include <QSet>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *rule)
{
    std::fprintf(stderr, "%s\n", rule);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const OpsDeck::PrometheusQueryResult result = OpsDeck::parsePrometheusQueryResponse(body);
    if (!result.errorType.isEmpty() && result.ok())
        fail("an error type without an error");
    if (result.ok()) {
        if (result.type == OpsDeck::PrometheusResultType::Vector) {
            for (const OpsDeck::PrometheusSeries &series : result.series) {
                if (series.points.size() != 1)
                    fail("a vector series without exactly one point");
            }
        }
        if (result.type == OpsDeck::PrometheusResultType::Scalar && result.series.size() != 1)
            fail("a scalar that is not one series");
        QSet<qint64> times;
        for (const OpsDeck::PrometheusSeries &series : result.series) {
            (void)series.displayName();
            for (const OpsDeck::PrometheusPoint &point : series.points)
                times.insert(point.timeMs);
        }
        OpsDeck::MetricSeriesModel model;
        model.setSeries(result.series);
        if (model.rowCount() != times.size() || model.columnCount() != result.series.size() + 1)
            fail("the chart table does not have one row per time and a column per series");
    } else if (!result.series.isEmpty()) {
        fail("an error with series");
    }
    const auto alerts = OpsDeck::parseAlertmanagerAlerts(body);
    if (!alerts.ok() && !alerts.items.isEmpty())
        fail("alerts with an error");
    (void)OpsDeck::alertsForTarget(alerts.items, {QStringLiteral("db1"), 9100, {}});
    const auto silences = OpsDeck::parseAlertmanagerSilences(body);
    for (const OpsDeck::AlertmanagerSilence &silence : silences.items) {
        for (const OpsDeck::SilenceMatcher &matcher : silence.matchers)
            (void)matcher.text();
    }
    return 0;
}
