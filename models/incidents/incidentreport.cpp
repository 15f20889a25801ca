// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incidentreport.h"

#include "models/core/units.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(IncidentReport)
};

// ---- What the report says, independent of the format ----------------------------------------

struct SummaryRow {
    QString label;
    QString value; // plain text; empty = not recorded
};

struct TimelineRow {
    QString elapsed;
    QString time;
    const IncidentEvent *event = nullptr;
};

struct Section {
    QString title;
    QString text; // the record's own words; empty = not recorded
};

struct Report {
    QString title;
    QList<SummaryRow> summary;
    Section impact;
    Section rootCause;
    QList<TimelineRow> timeline;
    Section detection;
    // Response
    QString commander;
    QString runbook;
    QStringList escalations; // "T+15:00 Platform Lead"
    int commandsRun = 0;
    int commandsFailed = 0;
    int messagesSent = 0;
    Section lessons;
    Section actionItems;
};

QString utcDateTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s : QString();
}

Report buildReport(const Incident &incident, const QList<IncidentEvent> &events)
{
    Report report;
    report.title =
        incident.id > 0
            ? Text::tr("Incident report: %1 %2").arg(incident.reference(), incident.title)
            : Text::tr("Incident report: %1").arg(incident.title);

    const SeverityDefinition &severity = severityDefinition(incident.severity);
    QString duration;
    if (incident.declaredAt.isValid() && incident.resolvedAt.isValid())
        duration = formatDuration(incident.declaredAt.msecsTo(incident.resolvedAt));
    else if (incident.declaredAt.isValid())
        duration = Text::tr("not resolved yet");
    report.summary = {
        {Text::tr("Date"), utcDateTime(incident.declaredAt)},
        {Text::tr("Duration"), duration},
        {Text::tr("Severity"), Text::tr("%1 (%2)").arg(severity.name, severity.meaning)},
        {Text::tr("Status"), incidentStatusText(incident.status)},
        {Text::tr("Affected services"), incident.services.join(u", ")},
        {Text::tr("Commander"), incident.commander},
    };
    report.impact = {Text::tr("Impact"), incident.impact};
    report.rootCause = {Text::tr("Root cause"), incident.rootCause};
    report.detection = {Text::tr("Detection"), incident.detection};
    report.lessons = {Text::tr("Lessons learned"), incident.lessons};
    report.actionItems = {Text::tr("Action items"), incident.actionItems};
    report.commander = incident.commander;
    report.runbook = incident.runbook;

    const QDate declaredDay = incident.declaredAt.toUTC().date();
    for (const IncidentEvent &event : events) {
        const QDateTime at = event.at.toUTC();
        // Only the time of day while on the day of the declaration: shorter and easier to scan.
        const QString time = at.date() == declaredDay ? at.toString(u"HH:mm:ss"_s)
                                                      : at.toString(u"yyyy-MM-dd HH:mm:ss"_s);
        report.timeline.append({elapsedLabel(incident.declaredAt, event.at), time, &event});
        switch (event.kind) {
        case IncidentEvent::Kind::StepRun:
            ++report.commandsRun;
            if (!event.exitCode || *event.exitCode != 0)
                ++report.commandsFailed;
            break;
        case IncidentEvent::Kind::Escalation:
            report.escalations.append(elapsedLabel(incident.declaredAt, event.at) + u' ' +
                                      (event.subject.isEmpty() ? event.summary : event.subject));
            break;
        case IncidentEvent::Kind::Communication:
            ++report.messagesSent;
            break;
        default:
            break;
        }
    }
    return report;
}

QString commandsText(const Report &report)
{
    if (report.commandsFailed == 0)
        return Text::tr("%n command(s) run", nullptr, report.commandsRun);
    return Text::tr("%n command(s) run, %1 without success", nullptr, report.commandsRun)
        .arg(report.commandsFailed);
}

// The line of a step run, in the parts each format dresses up.
struct StepLine {
    QString command;
    QString host;
    QString outcome; // "exit 0 in 1.2 s", or the summary when there was no exit code
};

StepLine stepLine(const IncidentEvent &event)
{
    StepLine line{event.command, event.host, {}};
    line.outcome =
        event.exitCode
            ? Text::tr("exit %1 in %2").arg(*event.exitCode).arg(formatDuration(event.durationMs))
            : event.summary;
    return line;
}

// ---- Markdown ------------------------------------------------------------------------------

QString markdownParagraphs(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? notRecordedText() : trimmed;
}

QString markdownTimelineEvent(const IncidentEvent &event)
{
    if (event.kind != IncidentEvent::Kind::StepRun)
        return markdownInlineText(event.summary);
    const StepLine line = stepLine(event);
    QString cell = line.host.isEmpty()
                       ? Text::tr("%1: %2").arg(markdownCodeSpan(line.command),
                                                markdownInlineText(line.outcome))
                       : Text::tr("%1 on %2: %3")
                             .arg(markdownCodeSpan(line.command), markdownInlineText(line.host),
                                  markdownInlineText(line.outcome));
    const QString digest = outputDigest(event.output);
    if (!digest.isEmpty())
        cell += u"<br>"_s + markdownCodeSpan(digest);
    return cell;
}

// ---- HTML ----------------------------------------------------------------------------------

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

QString htmlValue(const QString &value)
{
    if (value.trimmed().isEmpty())
        return u"<span class=\"missing\">"_s + html(notRecordedText()) + u"</span>"_s;
    return html(value);
}

QString htmlSection(const Section &section)
{
    QString out = u"<h2>"_s + html(section.title) + u"</h2>\n"_s;
    const QString text = section.text.trimmed();
    if (text.isEmpty())
        out += u"<p class=\"missing\">"_s + html(notRecordedText()) + u"</p>\n"_s;
    else
        out += u"<p class=\"text\">"_s + html(text) + u"</p>\n"_s;
    return out;
}

QString htmlTimelineEvent(const IncidentEvent &event)
{
    if (event.kind != IncidentEvent::Kind::StepRun)
        return u"<span class=\"text\">"_s + html(event.summary) + u"</span>"_s;
    const StepLine line = stepLine(event);
    const QString code = u"<code>"_s + html(line.command) + u"</code>"_s;
    QString cell = line.host.isEmpty()
                       ? Text::tr("%1: %2").arg(code, html(line.outcome))
                       : Text::tr("%1 on %2: %3").arg(code, html(line.host), html(line.outcome));
    const QString digest = outputDigest(event.output);
    if (!digest.isEmpty())
        cell += u"<pre>"_s + html(digest) + u"</pre>"_s;
    return cell;
}

constexpr auto Css = R"(body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; )"
                     R"(max-width: 64rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; )"
                     R"(line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.3rem; }
h2 { font-size: 1.25rem; margin-top: 1.8rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.nowrap { white-space: nowrap; font-variant-numeric: tabular-nums; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
td code { white-space: pre-wrap; }
pre { margin: 0.3rem 0 0; padding: 0.3rem 0.5rem; background: #f6f8fa; white-space: pre-wrap; }
.text { white-space: pre-wrap; }
.missing { color: #656d76; font-style: italic; }
@media print { body { margin: 0; max-width: none; } }
)";

} // namespace

QString markdownInlineText(const QString &text)
{
    static const QString special = u"\\`*_[]<>|~&#"_s;
    QString out;
    out.reserve(text.size() + 8);
    QString normalised = text;
    normalised.replace(u"\r\n"_s, u"\n"_s);
    normalised.replace(u'\r', u'\n');
    for (const QChar c : std::as_const(normalised)) {
        if (c == u'\n') {
            out += u"<br>"_s;
            continue;
        }
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString markdownCodeSpan(const QString &text)
{
    QString normalised = text;
    normalised.replace(u"\r\n"_s, u"\n"_s);
    normalised.replace(u'\r', u'\n');
    QStringList spans;
    for (const QString &line : normalised.split(u'\n')) {
        if (line.isEmpty())
            continue;
        // The fence must be longer than any run of backticks inside.
        int longestRun = 0;
        int run = 0;
        for (const QChar c : line) {
            run = c == u'`' ? run + 1 : 0;
            longestRun = std::max(longestRun, run);
        }
        const QString fence(longestRun + 1, u'`');
        // A GFM table cell ends at a '|' that is not escaped, and the table scanner reads "\\"
        // as an escaped backslash: a pipe needs an odd number of backslashes in front of it.
        // Inside a code span the unescaping removes only one of them again, so after an odd
        // run of the command's own backslashes one extra shows: GFM has no better way.
        QString content;
        content.reserve(line.size() + 4);
        int backslashes = 0;
        for (const QChar c : line) {
            if (c == u'|')
                content += backslashes % 2 == 0 ? u"\\"_s : u"\\\\"_s;
            backslashes = c == u'\\' ? backslashes + 1 : 0;
            content += c;
        }
        // A span that starts or ends with a backtick needs a space so the fence stays apart;
        // CommonMark strips exactly one space on each side.
        const bool pad = content.startsWith(u'`') || content.endsWith(u'`') ||
                         (content.startsWith(u' ') && content.endsWith(u' '));
        spans.append(pad ? QString(fence + u' ' + content + u' ' + fence)
                         : QString(fence + content + fence));
    }
    return spans.join(u"<br>");
}

QString incidentReportMarkdown(const Incident &incident, const QList<IncidentEvent> &events)
{
    const Report report = buildReport(incident, events);
    QStringList lines;
    lines << u"# "_s + markdownInlineText(report.title.simplified()) << QString();

    lines << u"## "_s + Text::tr("Summary") << QString();
    lines << u"| "_s + Text::tr("Field") + u" | "_s + Text::tr("Value") + u" |"_s;
    lines << u"|-------|-------|"_s;
    for (const SummaryRow &row : report.summary) {
        lines << u"| "_s + markdownInlineText(row.label) + u" | "_s +
                     (row.value.trimmed().isEmpty() ? notRecordedText()
                                                    : markdownInlineText(row.value)) +
                     u" |"_s;
    }
    lines << QString();

    for (const Section *section : {&report.impact, &report.rootCause}) {
        lines << u"## "_s + section->title << QString() << markdownParagraphs(section->text)
              << QString();
    }

    lines << u"## "_s + Text::tr("Timeline") << QString();
    if (report.timeline.isEmpty()) {
        lines << notRecordedText();
    } else {
        lines << u"| "_s + Text::tr("Elapsed") + u" | "_s + Text::tr("Time (UTC)") + u" | "_s +
                     Text::tr("Event") + u" |"_s;
        lines << u"|---------|------|-------|"_s;
        for (const TimelineRow &row : report.timeline) {
            lines << u"| "_s + row.elapsed + u" | "_s + row.time + u" | "_s +
                         markdownTimelineEvent(*row.event) + u" |"_s;
        }
    }
    lines << QString();

    lines << u"## "_s + report.detection.title << QString()
          << markdownParagraphs(report.detection.text) << QString();

    lines << u"## "_s + Text::tr("Response") << QString();
    const auto item = [&](const QString &label, const QString &value) {
        lines << u"- "_s + label + u": "_s +
                     (value.trimmed().isEmpty() ? notRecordedText() : markdownInlineText(value));
    };
    item(Text::tr("Incident commander"), report.commander);
    if (!report.runbook.isEmpty())
        item(Text::tr("Runbook followed"), report.runbook);
    item(Text::tr("Escalations"), report.escalations.join(u", "));
    lines << u"- "_s + Text::tr("Commands: %1").arg(commandsText(report));
    lines << u"- "_s + Text::tr("Messages sent: %1").arg(report.messagesSent);
    lines << QString();

    for (const Section *section : {&report.lessons, &report.actionItems}) {
        lines << u"## "_s + section->title << QString() << markdownParagraphs(section->text)
              << QString();
    }
    lines.removeLast();
    return lines.join(u'\n') + u'\n';
}

QString incidentReportHtml(const Incident &incident, const QList<IncidentEvent> &events)
{
    const Report report = buildReport(incident, events);
    QString out;
    out += u"<!DOCTYPE html>\n<html lang=\""_s + html(QLocale().bcp47Name()) + u"\">\n"_s;
    out += u"<head>\n<meta charset=\"utf-8\">\n"_s;
    out += u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"_s;
    out += u"<title>"_s + html(report.title) + u"</title>\n"_s;
    out += u"<style>\n"_s + QLatin1String(Css) + u"</style>\n</head>\n<body>\n"_s;
    out += u"<h1>"_s + html(report.title) + u"</h1>\n"_s;

    out += u"<h2>"_s + html(Text::tr("Summary")) + u"</h2>\n<table>\n"_s;
    out += u"<tr><th>"_s + html(Text::tr("Field")) + u"</th><th>"_s + html(Text::tr("Value")) +
           u"</th></tr>\n"_s;
    for (const SummaryRow &row : report.summary) {
        out += u"<tr><td>"_s + html(row.label) + u"</td><td>"_s + htmlValue(row.value) +
               u"</td></tr>\n"_s;
    }
    out += u"</table>\n"_s;

    out += htmlSection(report.impact);
    out += htmlSection(report.rootCause);

    out += u"<h2>"_s + html(Text::tr("Timeline")) + u"</h2>\n"_s;
    if (report.timeline.isEmpty()) {
        out += u"<p class=\"missing\">"_s + html(notRecordedText()) + u"</p>\n"_s;
    } else {
        out += u"<table>\n<tr><th>"_s + html(Text::tr("Elapsed")) + u"</th><th>"_s +
               html(Text::tr("Time (UTC)")) + u"</th><th>"_s + html(Text::tr("Event")) +
               u"</th></tr>\n"_s;
        for (const TimelineRow &row : report.timeline) {
            out += u"<tr><td class=\"nowrap\">"_s + html(row.elapsed) +
                   u"</td><td class=\"nowrap\">"_s + html(row.time) + u"</td><td>"_s +
                   htmlTimelineEvent(*row.event) + u"</td></tr>\n"_s;
        }
        out += u"</table>\n"_s;
    }

    out += htmlSection(report.detection);

    out += u"<h2>"_s + html(Text::tr("Response")) + u"</h2>\n<ul>\n"_s;
    const auto item = [&](const QString &label, const QString &value) {
        out += u"<li>"_s + html(label) + u": "_s + htmlValue(value) + u"</li>\n"_s;
    };
    item(Text::tr("Incident commander"), report.commander);
    if (!report.runbook.isEmpty())
        item(Text::tr("Runbook followed"), report.runbook);
    item(Text::tr("Escalations"), report.escalations.join(u", "));
    out += u"<li>"_s + html(Text::tr("Commands: %1").arg(commandsText(report))) + u"</li>\n"_s;
    out += u"<li>"_s + html(Text::tr("Messages sent: %1").arg(report.messagesSent)) + u"</li>\n"_s;
    out += u"</ul>\n"_s;

    out += htmlSection(report.lessons);
    out += htmlSection(report.actionItems);
    out += u"</body>\n</html>\n"_s;
    return out;
}

} // namespace OpsDeck
