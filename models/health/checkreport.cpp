// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/health/checkreport.h"

#include "models/incidents/incidentreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

// The translation context of the report's texts.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(CheckReport)
};

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : QString();
}

QString number(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    // Whole numbers without decimals, others with at most two.
    if (std::abs(value - std::round(value)) < 1e-9 && std::abs(value) < 1e15)
        return QString::number(qint64(std::llround(value)));
    return QString::number(value, 'f', 2);
}

QString thresholdText(const CheckValue &value)
{
    QStringList parts;
    const QString unit = value.unit.isEmpty() ? QString() : u" "_s + value.unit;
    if (value.warning)
        parts.append(Text::tr("warning %1").arg(number(*value.warning) + unit));
    if (value.critical)
        parts.append(Text::tr("critical %1").arg(number(*value.critical) + unit));
    return parts.join(u", "_s);
}

// Problems first (critical, unknown, warning), then the rest in plan order.
int problemRank(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Critical:
        return 0;
    case Verdict::Unknown:
        return 1;
    case Verdict::Warning:
        return 2;
    case Verdict::Ok:
        return 3;
    }
    return 1;
}

QString countsText(const CheckReport &report)
{
    int counts[4] = {0, 0, 0, 0};
    for (const CheckSpec &spec : report.plan)
        ++counts[int(report.resultFor(spec).verdict)];
    return Text::tr("%n check(s): %1 OK, %2 warning, %3 critical, %4 unknown", nullptr,
                    int(report.plan.size()))
        .arg(counts[int(Verdict::Ok)])
        .arg(counts[int(Verdict::Warning)])
        .arg(counts[int(Verdict::Critical)])
        .arg(counts[int(Verdict::Unknown)]);
}

QString titleOf(const CheckReport &report)
{
    const QString where = report.environment.isEmpty() ? report.workspace
                          : report.workspace.isEmpty()
                              ? report.environment
                              : report.workspace + u" / "_s + report.environment;
    return where.isEmpty() ? Text::tr("Morning check") : Text::tr("Morning check: %1").arg(where);
}

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

QString verdictClass(Verdict verdict)
{
    return verdictId(verdict).toLower();
}

} // namespace

CheckResult CheckReport::resultFor(const CheckSpec &spec) const
{
    const auto it = results.constFind(spec.id);
    if (it != results.cend())
        return *it;
    CheckResult missing;
    missing.checkId = spec.id;
    missing.verdict = Verdict::Unknown;
    missing.error = Text::tr("no answer");
    missing.summary = missing.error;
    return missing;
}

Verdict CheckReport::overall() const
{
    Verdict worst = Verdict::Ok;
    for (const CheckSpec &spec : plan)
        worst = worseForExitCode(worst, resultFor(spec).verdict);
    return worst;
}

QString formatCheckValue(const CheckValue &value)
{
    if (!value.text.isEmpty() && (value.unit.isEmpty() || !std::isfinite(value.value)))
        return value.text;
    if (!std::isfinite(value.value))
        return Text::tr("unknown");
    return value.unit.isEmpty() ? number(value.value) : number(value.value) + u' ' + value.unit;
}

QString checkReportMarkdown(const CheckReport &report)
{
    QString out = u"# "_s + markdownInlineText(titleOf(report)) + u"\n\n"_s;
    out += u"- **"_s + Text::tr("Result:") + u"** "_s + verdictName(report.overall()) + u'\n';
    out +=
        u"- **"_s + Text::tr("Checks:") + u"** "_s + markdownInlineText(countsText(report)) + u'\n';
    out += u"- **"_s + Text::tr("Started:") + u"** "_s + utc(report.startedAt) + u'\n';
    out += u"- **"_s + Text::tr("Finished:") + u"** "_s + utc(report.finishedAt) + u"\n\n"_s;

    QList<CheckSpec> problems;
    for (const CheckSpec &spec : report.plan) {
        if (report.resultFor(spec).verdict != Verdict::Ok)
            problems.append(spec);
    }
    std::stable_sort(problems.begin(), problems.end(), [&](const auto &a, const auto &b) {
        return problemRank(report.resultFor(a).verdict) < problemRank(report.resultFor(b).verdict);
    });
    out += u"## "_s + Text::tr("Problems") + u"\n\n"_s;
    if (problems.isEmpty()) {
        out += Text::tr("None: every check is OK.") + u"\n\n"_s;
    } else {
        for (const CheckSpec &spec : std::as_const(problems)) {
            const CheckResult result = report.resultFor(spec);
            out += u"- **"_s + verdictName(result.verdict) + u"** "_s +
                   markdownInlineText(spec.environment + u" / "_s + spec.title) + u": "_s +
                   markdownInlineText(result.error.isEmpty() ? result.summary : result.error);
            if (!spec.runbook.isEmpty())
                out += u" ("_s + Text::tr("runbook: %1").arg(markdownInlineText(spec.runbook)) +
                       u")"_s;
            out += u'\n';
        }
        out += u'\n';
    }

    QString environment;
    for (const CheckSpec &spec : report.plan) {
        if (spec.environment != environment) {
            environment = spec.environment;
            out += u"## "_s + markdownInlineText(Text::tr("Environment %1").arg(environment)) +
                   u"\n\n"_s;
        }
        const CheckResult result = report.resultFor(spec);
        out += u"### "_s +
               markdownInlineText(checkCategoryName(spec.category) + u": "_s + spec.title) +
               u"\n\n"_s;
        out += u"**"_s + verdictName(result.verdict) + u"**: "_s +
               markdownInlineText(result.summary.isEmpty() ? result.error : result.summary);
        if (!spec.viaHost.isEmpty())
            out += u" "_s + markdownInlineText(Text::tr("(checked from %1)").arg(spec.viaHost));
        out += u"\n\n"_s;
        if (!result.error.isEmpty() && result.error != result.summary)
            out += markdownInlineText(result.error) + u"\n\n"_s;
        if (result.values.isEmpty())
            continue;
        out += u"| "_s + Text::tr("Value") + u" | "_s + Text::tr("Measured") + u" | "_s +
               Text::tr("Thresholds") + u" | "_s + Text::tr("Status") +
               u" |\n|---|---|---|---|\n"_s;
        for (const CheckValue &value : result.values) {
            out += u"| "_s + markdownInlineText(value.name) + u" | "_s +
                   markdownInlineText(formatCheckValue(value)) + u" | "_s +
                   markdownInlineText(thresholdText(value)) + u" | "_s +
                   verdictName(value.verdict) + u" |\n"_s;
        }
        out += u'\n';
    }
    return out;
}

QString checkReportHtml(const CheckReport &report)
{
    QString out = u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>"_s +
                  html(titleOf(report)) + u"</title>\n<style>\n"_s;
    out += uR"(body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto;
 padding: 0 1rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.3rem; }
h2 { font-size: 1.25rem; margin-top: 1.8rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
.ok { color: #1a7f37; } .warning { color: #9a6700; } .critical { color: #cf222e; }
.unknown { color: #656d76; }
.verdict { font-weight: 600; white-space: nowrap; }
@media print { body { margin: 0; max-width: none; } }
)"_s;
    out += u"</style></head><body>\n<h1>"_s + html(titleOf(report)) + u"</h1>\n"_s;
    out += u"<p><span class=\"verdict "_s + verdictClass(report.overall()) + u"\">"_s +
           html(verdictName(report.overall())) + u"</span>: "_s + html(countsText(report)) +
           u"<br>"_s +
           html(Text::tr("Started %1, finished %2")
                    .arg(utc(report.startedAt), utc(report.finishedAt))) +
           u"</p>\n"_s;
    out += u"<table>\n<tr><th>"_s + html(Text::tr("Environment")) + u"</th><th>"_s +
           html(Text::tr("Check")) + u"</th><th>"_s + html(Text::tr("Status")) + u"</th><th>"_s +
           html(Text::tr("Values")) + u"</th></tr>\n"_s;
    QList<CheckSpec> ordered = report.plan;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const auto &a, const auto &b) {
        return problemRank(report.resultFor(a).verdict) < problemRank(report.resultFor(b).verdict);
    });
    for (const CheckSpec &spec : std::as_const(ordered)) {
        const CheckResult result = report.resultFor(spec);
        QString values;
        for (const CheckValue &value : result.values) {
            QString line = html(value.name) + u": "_s + html(formatCheckValue(value));
            const QString thresholds = thresholdText(value);
            if (!thresholds.isEmpty())
                line += u" ("_s + html(thresholds) + u")"_s;
            values += u"<span class=\""_s + verdictClass(value.verdict) + u"\">"_s + line +
                      u"</span><br>"_s;
        }
        if (!result.error.isEmpty())
            values += html(result.error);
        out += u"<tr><td>"_s + html(spec.environment) + u"</td><td>"_s +
               html(checkCategoryName(spec.category) + u": "_s + spec.title) +
               u"</td><td class=\"verdict "_s + verdictClass(result.verdict) + u"\">"_s +
               html(verdictName(result.verdict)) + u"</td><td>"_s + html(result.summary) +
               u"<br>"_s + values + u"</td></tr>\n"_s;
    }
    out += u"</table>\n</body></html>\n"_s;
    return out;
}

QJsonObject checkReportJson(const CheckReport &report)
{
    QJsonArray checks;
    int counts[4] = {0, 0, 0, 0};
    for (const CheckSpec &spec : report.plan) {
        const CheckResult result = report.resultFor(spec);
        ++counts[int(result.verdict)];
        QJsonArray values;
        for (const CheckValue &value : result.values) {
            QJsonObject item{
                {u"name"_s, value.name},
                {u"value"_s, std::isfinite(value.value) ? QJsonValue(value.value) : QJsonValue()},
                {u"unit"_s, value.unit},
                {u"text"_s, value.text},
                {u"status"_s, verdictId(value.verdict)},
                {u"warning"_s, value.warning ? QJsonValue(*value.warning) : QJsonValue()},
                {u"critical"_s, value.critical ? QJsonValue(*value.critical) : QJsonValue()}};
            values.append(item);
        }
        checks.append(QJsonObject{
            {u"id"_s, spec.id},
            {u"kind"_s, checkKindId(spec.kind)},
            {u"environment"_s, spec.environment},
            {u"host"_s, spec.host},
            {u"title"_s, spec.title},
            {u"via"_s, spec.viaHost},
            {u"parent"_s, spec.parentId},
            {u"status"_s, verdictId(result.verdict)},
            {u"summary"_s, result.summary},
            {u"error"_s, result.error},
            {u"duration_ms"_s, result.durationMs},
            {u"time"_s,
             result.time.isValid() ? result.time.toUTC().toString(Qt::ISODateWithMs) : QString()},
            {u"values"_s, values},
        });
    }
    const Verdict overall = report.overall();
    return QJsonObject{
        {u"workspace"_s, report.workspace},
        {u"environment"_s, report.environment},
        {u"started"_s, report.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"finished"_s, report.finishedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"status"_s, verdictId(overall)},
        {u"exit_code"_s, exitCodeFor(overall)},
        {u"counts"_s, QJsonObject{{u"ok"_s, counts[int(Verdict::Ok)]},
                                  {u"warning"_s, counts[int(Verdict::Warning)]},
                                  {u"critical"_s, counts[int(Verdict::Critical)]},
                                  {u"unknown"_s, counts[int(Verdict::Unknown)]}}},
        {u"checks"_s, checks},
    };
}

QString checkReportTable(const CheckReport &report)
{
    QList<QStringList> rows;
    for (const CheckSpec &spec : report.plan) {
        const CheckResult result = report.resultFor(spec);
        rows.append({verdictId(result.verdict), spec.environment,
                     spec.host.isEmpty() ? u"-"_s : spec.host, checkKindId(spec.kind), spec.title,
                     QString(result.summary.isEmpty() ? result.error : result.summary)
                         .replace(u'\n', u' ')});
    }
    QList<qsizetype> widths(5, 0);
    const QStringList header{Text::tr("STATUS"), Text::tr("ENVIRONMENT"), Text::tr("HOST"),
                             Text::tr("KIND"), Text::tr("CHECK")};
    for (int column = 0; column < 5; ++column) {
        widths[column] = header[column].size();
        for (const QStringList &row : std::as_const(rows))
            widths[column] = qMax(widths[column], row[column].size());
    }
    auto line = [&](const QStringList &cells, const QString &last) -> QString {
        QString text;
        for (int column = 0; column < 5; ++column)
            text += cells[column].leftJustified(widths[column]) + u"  "_s;
        return text + last + u'\n';
    };
    QString out = line(header, Text::tr("RESULT"));
    for (const QStringList &row : std::as_const(rows))
        out += line(row, row[5]);
    out += countsText(report) + u'\n';
    return out;
}

} // namespace OpsDeck
