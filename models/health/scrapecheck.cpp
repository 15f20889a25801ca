// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/scrapecheck.h"

#include "models/core/units.h"
#include "models/health/prometheustext.h"

#include <QCoreApplication>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(HealthScrape)
};

// The value of the sample called name (the first, when labels make several), if the endpoint has
// it. OpenMetrics names a counter's family without "_total", the 0.0.4 format with it.
std::optional<double> sampleValue(const ExpositionParseResult &parsed, QStringView name)
{
    const MetricFamily *family = parsed.family(name);
    if (!family && name.endsWith(u"_total"))
        family = parsed.family(name.chopped(6));
    if (!family)
        return std::nullopt;
    for (const MetricSample &sample : family->samples) {
        if (sample.name == name)
            return sample.value;
    }
    return std::nullopt;
}

} // namespace

HttpCheckOptions scrapeCheckOptions(const Service &service, const Workspace &workspace)
{
    HttpCheckOptions options;
    options.url = service.metricsUrl;
    options.latency = thresholdFor(workspace, u"response_time"_s, defaultResponseTimeThreshold());
    return options;
}

CheckResult judgeScrapeAnswer(const HttpCheckOptions &options, const HttpAnswer &answer)
{
    CheckResult result;
    result.durationMs = answer.elapsedMs;
    const QString url = answer.url.toDisplayString(QUrl::RemoveUserInfo);
    const QString statusLine = u"%1 %2"_s.arg(answer.status).arg(answer.reason).trimmed();
    const bool answered = answer.status == options.expectedStatus;
    result.values = {
        {Text::tr("status"),
         double(answer.status),
         {},
         statusLine,
         answered ? Verdict::Ok : Verdict::Critical,
         {},
         {}},
        {Text::tr("scrape"),
         double(result.durationMs),
         u"ms"_s,
         {},
         judge(double(result.durationMs), options.latency),
         options.latency.warning,
         options.latency.critical},
    };
    if (!answered) {
        result.verdict = Verdict::Critical;
        result.error =
            Text::tr("%1 answered %2, not %3").arg(url, statusLine).arg(options.expectedStatus);
        result.summary = result.error;
        return result;
    }

    // A body cut at the size limit ends inside a line: read the whole lines, and say so.
    QByteArrayView body = answer.body;
    if (answer.truncated) {
        body = body.first(body.lastIndexOf('\n') + 1);
        result.values.append(truncatedBodyValue(options, answer));
    }
    const ExpositionParseResult parsed = parseExposition(body, url);
    const auto firstError = std::find_if(parsed.diagnostics.cbegin(), parsed.diagnostics.cend(),
                                         [](const Diagnostic &d) { return d.isError(); });
    if (firstError != parsed.diagnostics.cend()) {
        const QString where = u"%1:%2"_s.arg(firstError->line).arg(firstError->column);
        result.values.append({Text::tr("exposition"),
                              double(countErrors(parsed.diagnostics)),
                              {},
                              Text::tr("line %1: %2").arg(where, firstError->message),
                              Verdict::Critical,
                              {},
                              {}});
        result.verdict = Verdict::Critical;
        result.error = Text::tr("%1 is not valid metrics text: line %2: %3")
                           .arg(url, where, firstError->message);
        result.summary = result.error;
        return result;
    }

    result.values.append(
        {Text::tr("families"), double(parsed.families.size()), {}, {}, Verdict::Ok, {}, {}});
    result.values.append(
        {Text::tr("samples"), double(parsed.sampleCount()), {}, {}, Verdict::Ok, {}, {}});
    if (const std::optional<double> memory = sampleValue(parsed, u"process_resident_memory_bytes"))
        result.values.append(
            {Text::tr("resident memory"), *memory, u"B"_s, {}, Verdict::Ok, {}, {}});
    if (const std::optional<double> cpu = sampleValue(parsed, u"process_cpu_seconds_total"))
        result.values.append({Text::tr("CPU time"), *cpu, u"s"_s, {}, Verdict::Ok, {}, {}});

    result.verdict = Verdict::Ok;
    QStringList notOk;
    for (const CheckValue &value : std::as_const(result.values)) {
        result.verdict = worseForExitCode(result.verdict, value.verdict);
        if (value.verdict != Verdict::Ok)
            notOk.append(value.name);
    }
    result.summary = Text::tr("%1 in %2: %3 families, %4 samples")
                         .arg(statusLine, formatDuration(result.durationMs))
                         .arg(parsed.families.size())
                         .arg(parsed.sampleCount());
    if (!notOk.isEmpty())
        result.summary += Text::tr("; not OK: %1").arg(notOk.join(u", "_s));
    return result;
}

} // namespace OpsDeck
