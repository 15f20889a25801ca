// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/communicationtemplates.h"
#include "models/incidents/escalationschedule.h"
#include "models/incidents/incident.h"
#include "models/incidents/incidentreport.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(2024, 3, 1), QTime(hour, minute, second, ms), Qt::UTC);
}

// Numbered lines where two texts differ, for readable failures of whole documents.
QString firstDifference(const QStringList &actual, const QStringList &expected)
{
    for (qsizetype i = 0; i < std::max(actual.size(), expected.size()); ++i) {
        const QString a = actual.value(i, u"<missing>"_s);
        const QString e = expected.value(i, u"<missing>"_s);
        if (a != e)
            return u"line %1:\n  actual:   %2\n  expected: %3"_s.arg(i + 1).arg(a, e);
    }
    return {};
}

IncidentEvent makeEvent(IncidentEvent::Kind kind, const QDateTime &at, const QString &summary)
{
    IncidentEvent result;
    result.kind = kind;
    result.at = at;
    result.summary = summary;
    return result;
}

Incident sampleIncident()
{
    Incident incident;
    incident.id = 7;
    incident.title = u"Checkout | API *down*"_s;
    incident.severity = IncidentSeverity::Sev1;
    incident.status = IncidentStatus::Resolved;
    incident.services = {u"api"_s, u"checkout"_s};
    incident.commander = u"Jane Roe"_s;
    incident.declaredAt = utc(12, 0);
    incident.resolvedAt = utc(13, 2, 3);
    incident.impact = u"Users could not pay.\n- 30% of requests failed\n"_s;
    incident.detection = u"Alert from Prometheus"_s;
    incident.actionItems = u"- Add an alert | owner: ops"_s;
    return incident;
}

QList<IncidentEvent> sampleTimeline(const Incident &incident)
{
    QList<IncidentEvent> events;
    events.append(declarationEvent(incident));

    IncidentEvent step =
        makeEvent(IncidentEvent::Kind::StepRun, utc(12, 5, 10), u"Ran on web_1: exit 0 in 1.2 s"_s);
    step.host = u"web_1"_s;
    step.command = u"ps aux | grep `nginx`"_s;
    step.exitCode = 0;
    step.durationMs = 1234;
    step.output = u"line1\nline2\n"_s;
    events.append(step);

    IncidentEvent failedStep = makeEvent(IncidentEvent::Kind::StepRun, utc(12, 7),
                                         u"Could not run on db-1: connection refused"_s);
    failedStep.host = u"db-1"_s;
    failedStep.command = u"systemctl restart pg"_s;
    events.append(failedStep);

    IncidentEvent escalation =
        makeEvent(IncidentEvent::Kind::Escalation, utc(12, 15), u"Notified Platform Lead"_s);
    escalation.subject = u"Platform Lead"_s;
    events.append(escalation);
    events.append(makeEvent(IncidentEvent::Kind::Note, utc(12, 20), u"Rolled back <b>v2</b>"_s));
    IncidentEvent message =
        makeEvent(IncidentEvent::Kind::Communication, utc(12, 30), u"Sent the message: Update"_s);
    message.subject = u"update"_s;
    message.output = u"INCIDENT UPDATE ..."_s;
    events.append(message);
    events.append(makeEvent(IncidentEvent::Kind::StatusChanged, utc(13, 2, 3),
                            u"Status changed from Monitoring to Resolved"_s));
    return events;
}

} // namespace

class tst_Incident final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void severityTable();
    void severityFromName_data();
    void severityFromName();
    void statusIdsRoundTrip();
    void transitions_data();
    void transitions();
    void fieldsRoundTrip();
    void declarationEventDescribesIncident();
    void elapsedLabel_data();
    void elapsedLabel();
    void outputDigest_data();
    void outputDigest();

    void fillTemplate_data();
    void fillTemplate();
    void defaultTemplatesUseKnownFields();
    void workspaceTemplatesOverrideDefaults();

    void markdownInlineText_data();
    void markdownInlineText();
    void markdownCodeSpan_data();
    void markdownCodeSpan();
    void reportMarkdown();
    void reportMarkdownOfEmptyRecord();
    void reportHtmlEscapesEverything();

    void escalationDelayText_data();
    void escalationDelayText();
    void defaultMatrix();
    void workspaceMatrixAndContacts();
    void remindersSkipRecordedSteps();
    void remindersFollowTheClock();
    void remindersReplanOnSeverityChange();
    void resumedIncidentDoesNotRepeatReminders();
    void reminderTimerFires();
};

void tst_Incident::severityTable()
{
    const QList<SeverityDefinition> &definitions = severityDefinitions();
    QCOMPARE(definitions.size(), 4);
    const QList<int> response = {15, 60, 240, 1440};
    for (int i = 0; i < 4; ++i) {
        const SeverityDefinition &definition = definitions.at(i);
        QVERIFY(definition.severity == IncidentSeverity(i + 1));
        QCOMPARE(definition.name, u"SEV-%1"_s.arg(i + 1));
        QCOMPARE(severityName(definition.severity), definition.name);
        QCOMPARE(definition.responseMinutes, response.at(i));
        QVERIFY(!definition.meaning.isEmpty());
        QVERIFY(!definition.examples.isEmpty());
        QVERIFY(definition.updateEveryMinutes > 0);
        QCOMPARE(&severityDefinition(definition.severity), &definition);
    }
    QCOMPARE(definitions.at(0).meaning, u"Critical – service down"_s);
    // Updates get rarer as the severity drops.
    for (int i = 1; i < 4; ++i)
        QVERIFY(definitions.at(i).updateEveryMinutes >= definitions.at(i - 1).updateEveryMinutes);
}

void tst_Incident::severityFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // 0: not a severity

    QTest::newRow("SEV-1") << u"SEV-1"_s << 1;
    QTest::newRow("lower case") << u"sev-2"_s << 2;
    QTest::newRow("without dash") << u"SEV3"_s << 3;
    QTest::newRow("number only") << u"4"_s << 4;
    QTest::newRow("surrounding spaces") << u" SEV-1 "_s << 1;
    QTest::newRow("SEV-0") << u"SEV-0"_s << 0;
    QTest::newRow("SEV-5") << u"SEV-5"_s << 0;
    QTest::newRow("SEV-10") << u"SEV-10"_s << 0;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("word") << u"critical"_s << 0;
    QTest::newRow("double dash") << u"SEV--1"_s << 0;
}

void tst_Incident::severityFromName()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    const std::optional<IncidentSeverity> severity = OpsDeck::severityFromName(name);
    QCOMPARE(severity.has_value(), expected != 0);
    if (severity)
        QCOMPARE(int(*severity), expected);
}

void tst_Incident::statusIdsRoundTrip()
{
    QStringList ids;
    for (const IncidentStatus status : allIncidentStatuses()) {
        ids.append(incidentStatusId(status));
        QVERIFY(incidentStatusFromId(incidentStatusId(status)) == status);
        QVERIFY(!incidentStatusText(status).isEmpty());
    }
    QCOMPARE(ids, (QStringList{u"investigating"_s, u"identified"_s, u"monitoring"_s, u"resolved"_s,
                               u"closed"_s}));
    QVERIFY(!incidentStatusFromId(u"Investigating"));
    QVERIFY(!incidentStatusFromId(u""));

    for (int i = 0; i <= int(IncidentEvent::Kind::FieldChanged); ++i) {
        const auto kind = IncidentEvent::Kind(i);
        QVERIFY(incidentEventKindFromId(incidentEventKindId(kind)) == kind);
        QVERIFY(!incidentEventKindText(kind).isEmpty());
    }
}

void tst_Incident::transitions_data()
{
    QTest::addColumn<IncidentStatus>("from");
    QTest::addColumn<IncidentStatus>("to");
    QTest::addColumn<bool>("allowed");

    using S = IncidentStatus;
    // The rule, written out: forward along the flow; back from monitoring or resolved to
    // investigating or identified; never out of closed; never to the same status.
    const QList<std::pair<S, S>> allowed = {
        {S::Investigating, S::Identified}, {S::Investigating, S::Monitoring},
        {S::Investigating, S::Resolved},   {S::Investigating, S::Closed},
        {S::Identified, S::Monitoring},    {S::Identified, S::Resolved},
        {S::Identified, S::Closed},        {S::Monitoring, S::Resolved},
        {S::Monitoring, S::Closed},        {S::Resolved, S::Closed},
        {S::Monitoring, S::Investigating}, {S::Monitoring, S::Identified},
        {S::Resolved, S::Investigating},   {S::Resolved, S::Identified},
    };
    for (const S from : allIncidentStatuses()) {
        for (const S to : allIncidentStatuses()) {
            const QByteArray name =
                (incidentStatusId(from) + u" -> "_s + incidentStatusId(to)).toUtf8();
            QTest::newRow(name.constData()) << from << to << allowed.contains({from, to});
        }
    }
}

void tst_Incident::transitions()
{
    QFETCH(IncidentStatus, from);
    QFETCH(IncidentStatus, to);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedTransition(from, to), allowed);
}

void tst_Incident::fieldsRoundTrip()
{
    Incident incident;
    for (const IncidentField field :
         {IncidentField::Title, IncidentField::Commander, IncidentField::Runbook,
          IncidentField::Impact, IncidentField::RootCause, IncidentField::Detection,
          IncidentField::Lessons, IncidentField::ActionItems}) {
        const QString value = u"value of "_s + incidentFieldId(field);
        incident.setField(field, value);
        QCOMPARE(incident.field(field), value);
        QVERIFY(incidentFieldFromId(incidentFieldId(field)) == field);
        QVERIFY(!incidentFieldText(field).isEmpty());
    }
    QCOMPARE(incident.rootCause, u"value of root_cause"_s);
    QCOMPARE(incident.actionItems, u"value of action_items"_s);

    incident.setField(IncidentField::Services, u" api, ,checkout ,"_s);
    QCOMPARE(incident.services, (QStringList{u"api"_s, u"checkout"_s}));
    QCOMPARE(incident.field(IncidentField::Services), u"api, checkout"_s);

    QCOMPARE(incident.reference(), QString());
    incident.id = 42;
    QCOMPARE(incident.reference(), u"INC-42"_s);
}

void tst_Incident::declarationEventDescribesIncident()
{
    Incident incident = sampleIncident();
    const IncidentEvent declared = declarationEvent(incident);
    QVERIFY(declared.kind == IncidentEvent::Kind::Declared);
    QCOMPARE(declared.incidentId, 7);
    QCOMPARE(declared.at, incident.declaredAt);
    QCOMPARE(declared.subject, u"SEV-1"_s);
    QCOMPARE(declared.author, u"Jane Roe"_s);
    QCOMPARE(declared.summary,
             u"Declared SEV-1 (Critical – service down): Checkout | API *down*; commander: "
             "Jane Roe"_s);
    incident.commander.clear();
    QCOMPARE(declarationEvent(incident).summary,
             u"Declared SEV-1 (Critical – service down): Checkout | API *down*"_s);
}

void tst_Incident::elapsedLabel_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << u"T+00:00"_s;
    QTest::newRow("seconds") << qint64(7'000) << u"T+00:07"_s;
    QTest::newRow("cut, not rounded") << qint64(59'999) << u"T+00:59"_s;
    QTest::newRow("minutes") << qint64((12 * 60 + 5) * 1000) << u"T+12:05"_s;
    QTest::newRow("just under an hour") << qint64(3'599'000) << u"T+59:59"_s;
    QTest::newRow("one hour") << qint64(3'600'000) << u"T+1:00:00"_s;
    QTest::newRow("over an hour") << qint64(3'723'000) << u"T+1:02:03"_s;
    QTest::newRow("days") << qint64(100) * 3'600'000 << u"T+100:00:00"_s;
    QTest::newRow("half a second before") << qint64(-500) << u"T+00:00"_s;
    QTest::newRow("before") << qint64(-5'000) << u"T-00:05"_s;
    QTest::newRow("long before") << qint64(-3'723'000) << u"T-1:02:03"_s;
}

void tst_Incident::elapsedLabel()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, expected);
    const QDateTime declared = utc(12, 0);
    QCOMPARE(OpsDeck::elapsedLabel(declared, declared.addMSecs(milliseconds)), expected);
    // Time zones do not matter, only the instants.
    QCOMPARE(OpsDeck::elapsedLabel(declared.toOffsetFromUtc(3600),
                                   declared.addMSecs(milliseconds).toOffsetFromUtc(-7200)),
             expected);
}

void tst_Incident::outputDigest_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("maxLines");
    QTest::addColumn<QString>("expected");

    const auto numbered = [](int count, const QString &separator = u"\n"_s) {
        QStringList lines;
        for (int i = 1; i <= count; ++i)
            lines.append(u"line %1"_s.arg(i));
        return lines.join(separator);
    };

    QTest::newRow("empty") << QString() << 6 << QString();
    QTest::newRow("only blank lines") << u"\n  \n\n"_s << 6 << QString();
    QTest::newRow("one line") << u"ok\n"_s << 6 << u"ok"_s;
    QTest::newRow("fits") << numbered(6) << 6 << numbered(6);
    QTest::newRow("one more than fits is shown whole") << numbered(7) << 6 << numbered(7);
    QTest::newRow("long")
        << numbered(10) << 6
        << u"line 1\nline 2\nline 3\n… 4 more line(s) …\nline 8\nline 9\nline 10"_s;
    QTest::newRow("odd limit") << numbered(10) << 3
                               << u"line 1\nline 2\n… 7 more line(s) …\nline 10"_s;
    QTest::newRow("CRLF and trailing newlines")
        << numbered(10, u"\r\n"_s) + u"\r\n\r\n"_s << 2 << u"line 1\n… 8 more line(s) …\nline 10"_s;
    QTest::newRow("inner blank lines stay") << u"a\n\nb\n"_s << 6 << u"a\n\nb"_s;
    QTest::newRow("zero lines") << numbered(5) << 0 << u"… 5 more line(s) …"_s;
    QTest::newRow("very long line is cut")
        << QString(500, u'x') << 6 << QString(200, u'x') + u"…"_s;
}

void tst_Incident::outputDigest()
{
    QFETCH(QString, output);
    QFETCH(int, maxLines);
    QFETCH(QString, expected);
    QCOMPARE(OpsDeck::outputDigest(output, maxLines), expected);
}

void tst_Incident::fillTemplate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("resolved");
    QTest::addColumn<QString>("expected");

    QTest::newRow("identity") << u"{reference} {title} ({id})"_s << false
                              << u"INC-7 Checkout | API *down* (7)"_s;
    QTest::newRow("severity") << u"{severity}: {severity_meaning}"_s << false
                              << u"SEV-1: Critical – service down"_s;
    QTest::newRow("people and services") << u"{commander} on {services}, {status}"_s << false
                                         << u"Jane Roe on api, checkout, Investigating"_s;
    QTest::newRow("times") << u"{declared_at} / {elapsed} / {next_update}"_s << false
                           << u"2024-03-01 12:00 UTC / 20 min / 2024-03-01 12:50 UTC"_s;
    QTest::newRow("duration while unresolved") << u"{duration}"_s << false << u"20 min"_s;
    QTest::newRow("duration once resolved") << u"{duration}"_s << true << u"1 h 02 min"_s;
    QTest::newRow("empty field") << u"[{root_cause}]"_s << false << u"[(not recorded)]"_s;
    QTest::newRow("multi-line value")
        << u"{impact}"_s << false << u"Users could not pay.\n- 30% of requests failed"_s;
    QTest::newRow("unknown field stays")
        << u"{customer} {Title} {title"_s << false << u"{customer} {Title} {title"_s;
    QTest::newRow("no fields") << u"plain text"_s << false << u"plain text"_s;
    QTest::newRow("empty") << QString() << false << QString();
}

void tst_Incident::fillTemplate()
{
    QFETCH(QString, text);
    QFETCH(bool, resolved);
    QFETCH(QString, expected);
    Incident incident = sampleIncident();
    incident.status = IncidentStatus::Investigating;
    incident.rootCause.clear();
    if (!resolved)
        incident.resolvedAt = {};
    const QDateTime now = utc(12, 20);
    QCOMPARE(OpsDeck::fillTemplate(text, incident, now), expected);

    // Whole minutes, whatever the span.
    QCOMPARE(OpsDeck::fillTemplate(u"{elapsed}"_s, incident, incident.declaredAt.addSecs(59)),
             u"less than a minute"_s);
    QCOMPARE(OpsDeck::fillTemplate(u"{elapsed}"_s, incident, incident.declaredAt.addSecs(-60)),
             u"less than a minute"_s);
    QCOMPARE(OpsDeck::fillTemplate(u"{elapsed}"_s, incident,
                                   incident.declaredAt.addSecs((26 * 60 + 5) * 60 + 59)),
             u"1 d 2 h"_s);

    // A value that looks like a field is left alone.
    incident.commander = u"{id} & {title}"_s;
    QCOMPARE(OpsDeck::fillTemplate(u"{commander}/{id}"_s, incident, now), u"{id} & {title}/7"_s);
}

void tst_Incident::defaultTemplatesUseKnownFields()
{
    static const QRegularExpression field(u"\\{([^{}]*)\\}"_s);
    const QStringList known = templateFieldNames();
    QStringList ids;
    for (const CommunicationTemplate which : allCommunicationTemplates()) {
        ids.append(communicationTemplateId(which));
        QVERIFY(communicationTemplateFromId(communicationTemplateId(which)) == which);
        QVERIFY(!communicationTemplateTitle(which).isEmpty());
        const QString text = defaultTemplateText(which);
        QVERIFY(text.contains(u"{title}") || text.contains(u"{services}"));
        QRegularExpressionMatchIterator matches = field.globalMatch(text);
        while (matches.hasNext()) {
            const QString name = matches.next().captured(1);
            QVERIFY2(known.contains(name), qPrintable(name));
        }
        // Filled, nothing of the template syntax is left.
        const QString filled = OpsDeck::fillTemplate(text, sampleIncident(), utc(12, 30));
        QVERIFY2(!filled.contains(u'{'), qPrintable(filled));
    }
    QCOMPARE(ids,
             (QStringList{u"declaration"_s, u"update"_s, u"resolution"_s, u"customer_notice"_s}));
}

void tst_Incident::workspaceTemplatesOverrideDefaults()
{
    const QMap<QString, QString> own = {
        {u"update"_s, u"Still on it: {title}"_s},
        {u"resolution"_s, u"  \n"_s}, // blank: falls back to the default
        {u"unknown"_s, u"ignored"_s},
    };
    const CommunicationTemplates templates(own);
    QCOMPARE(templates.text(CommunicationTemplate::Update), u"Still on it: {title}"_s);
    QVERIFY(templates.isFromWorkspace(CommunicationTemplate::Update));
    QCOMPARE(templates.text(CommunicationTemplate::Resolution),
             defaultTemplateText(CommunicationTemplate::Resolution));
    QVERIFY(!templates.isFromWorkspace(CommunicationTemplate::Resolution));
    QCOMPARE(templates.text(CommunicationTemplate::Declaration),
             defaultTemplateText(CommunicationTemplate::Declaration));
    QCOMPARE(templates.filled(CommunicationTemplate::Update, sampleIncident(), utc(12, 5)),
             u"Still on it: Checkout | API *down*"_s);

    const CommunicationTemplates defaults;
    for (const CommunicationTemplate which : allCommunicationTemplates()) {
        QCOMPARE(defaults.text(which), defaultTemplateText(which));
        QVERIFY(!defaults.isFromWorkspace(which));
    }
}

void tst_Incident::markdownInlineText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"web-1 is down."_s << u"web-1 is down."_s;
    QTest::newRow("pipe") << u"a | b"_s << u"a \\| b"_s;
    QTest::newRow("emphasis") << u"*bold* _it_ ~x~"_s << u"\\*bold\\* \\_it\\_ \\~x\\~"_s;
    QTest::newRow("backtick") << u"run `ls`"_s << u"run \\`ls\\`"_s;
    QTest::newRow("html") << u"<b>&amp;</b>"_s << u"\\<b\\>\\&amp;\\</b\\>"_s;
    QTest::newRow("link") << u"[x](y)"_s << u"\\[x\\](y)"_s;
    QTest::newRow("backslash before pipe") << u"a\\|b"_s << u"a\\\\\\|b"_s;
    QTest::newRow("heading mark") << u"fix #12"_s << u"fix \\#12"_s;
    QTest::newRow("line breaks") << u"one\r\ntwo\nthree"_s << u"one<br>two<br>three"_s;
}

void tst_Incident::markdownInlineText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(OpsDeck::markdownInlineText(text), expected);
}

void tst_Incident::markdownCodeSpan_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"df -h"_s << u"`df -h`"_s;
    QTest::newRow("pipe") << u"ps aux | grep x"_s << u"`ps aux \\| grep x`"_s;
    QTest::newRow("backtick inside") << u"echo `date` now"_s << u"``echo `date` now``"_s;
    QTest::newRow("backtick at the end") << u"echo `date`"_s << u"`` echo `date` ``"_s;
    QTest::newRow("double backticks") << u"a ``b`` c"_s << u"```a ``b`` c```"_s;
    QTest::newRow("spaces on both sides") << u" x "_s << u"`  x  `"_s;
    // The table scanner reads "\\" as one escaped backslash: the pipe needs an odd count.
    QTest::newRow("backslash before pipe") << u"grep 'a\\|b'"_s << u"`grep 'a\\\\\\|b'`"_s;
    QTest::newRow("two backslashes before pipe") << u"a\\\\|b"_s << u"`a\\\\\\|b`"_s;
    QTest::newRow("lines") << u"cat <<EOF\nhi\n\nEOF"_s << u"`cat <<EOF`<br>`hi`<br>`EOF`"_s;
    QTest::newRow("empty") << QString() << QString();
}

void tst_Incident::markdownCodeSpan()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(OpsDeck::markdownCodeSpan(text), expected);
}

void tst_Incident::reportMarkdown()
{
    const Incident incident = sampleIncident();
    const QString markdown = incidentReportMarkdown(incident, sampleTimeline(incident));
    QVERIFY(markdown.endsWith(u"\n"));
    const QStringList actual = markdown.split(u'\n');
    const QStringList expected = {
        u"# Incident report: INC-7 Checkout \\| API \\*down\\*"_s,
        QString(),
        u"## Summary"_s,
        QString(),
        u"| Field | Value |"_s,
        u"|-------|-------|"_s,
        u"| Date | 2024-03-01 12:00 UTC |"_s,
        u"| Duration | 1 h 02 min |"_s,
        u"| Severity | SEV-1 (Critical – service down) |"_s,
        u"| Status | Resolved |"_s,
        u"| Affected services | api, checkout |"_s,
        u"| Commander | Jane Roe |"_s,
        QString(),
        u"## Impact"_s,
        QString(),
        u"Users could not pay."_s,
        u"- 30% of requests failed"_s,
        QString(),
        u"## Root cause"_s,
        QString(),
        u"(not recorded)"_s,
        QString(),
        u"## Timeline"_s,
        QString(),
        u"| Elapsed | Time (UTC) | Event |"_s,
        u"|---------|------|-------|"_s,
        u"| T+00:00 | 12:00:00 | Declared SEV-1 (Critical – service down): Checkout \\| API "
        "\\*down\\*; commander: Jane Roe |"_s,
        u"| T+05:10 | 12:05:10 | `` ps aux \\| grep `nginx` `` on web\\_1: exit 0 in 1.2 s"
        "<br>`line1`<br>`line2` |"_s,
        u"| T+07:00 | 12:07:00 | `systemctl restart pg` on db-1: Could not run on db-1: "
        "connection refused |"_s,
        u"| T+15:00 | 12:15:00 | Notified Platform Lead |"_s,
        u"| T+20:00 | 12:20:00 | Rolled back \\<b\\>v2\\</b\\> |"_s,
        u"| T+30:00 | 12:30:00 | Sent the message: Update |"_s,
        u"| T+1:02:03 | 13:02:03 | Status changed from Monitoring to Resolved |"_s,
        QString(),
        u"## Detection"_s,
        QString(),
        u"Alert from Prometheus"_s,
        QString(),
        u"## Response"_s,
        QString(),
        u"- Incident commander: Jane Roe"_s,
        u"- Escalations: T+15:00 Platform Lead"_s,
        u"- Commands: 2 command(s) run, 1 without success"_s,
        u"- Messages sent: 1"_s,
        QString(),
        u"## Lessons learned"_s,
        QString(),
        u"(not recorded)"_s,
        QString(),
        u"## Action items"_s,
        QString(),
        u"- Add an alert | owner: ops"_s,
        QString(),
    };
    QVERIFY2(actual == expected, qPrintable(firstDifference(actual, expected)));

    // Every table row of the timeline has exactly three cells: no pipe escaped wrongly.
    static const QRegularExpression unescapedPipe(u"(?<!\\\\)(?:\\\\\\\\)*\\|"_s);
    for (const QString &line : actual) {
        if (line.startsWith(u"| T"))
            QCOMPARE(line.count(unescapedPipe), 4);
    }
}

void tst_Incident::reportMarkdownOfEmptyRecord()
{
    Incident incident;
    incident.title = u"Something"_s;
    const QString markdown = incidentReportMarkdown(incident, {});
    const QStringList lines = markdown.split(u'\n');
    QCOMPARE(lines.first(), u"# Incident report: Something"_s);
    QVERIFY(lines.contains(u"| Date | (not recorded) |"_s));
    QVERIFY(lines.contains(u"| Duration | (not recorded) |"_s));
    QVERIFY(lines.contains(u"| Commander | (not recorded) |"_s));
    QVERIFY(lines.contains(u"- Escalations: (not recorded)"_s));
    QVERIFY(lines.contains(u"- Commands: 0 command(s) run"_s));
    // Impact, root cause, timeline, detection, lessons, action items.
    QCOMPARE(lines.count(u"(not recorded)"_s), 6);

    incident.declaredAt = utc(9, 0);
    QVERIFY(incidentReportMarkdown(incident, {})
                .split(u'\n')
                .contains(u"| Duration | not resolved yet |"_s));
}

void tst_Incident::reportHtmlEscapesEverything()
{
    Incident incident = sampleIncident();
    incident.title = u"<script>alert('x')</script> & co"_s;
    incident.rootCause = u"a \"quoted\" <i>cause</i>"_s;
    incident.services = {u"<api>"_s};
    QList<IncidentEvent> events = sampleTimeline(incident);
    events[1].command = u"echo \"a\" > /tmp/x"_s;
    events[1].output = u"<b>bold</b>\n"_s;

    const QString html = incidentReportHtml(incident, events);
    QVERIFY(html.startsWith(u"<!DOCTYPE html>\n<html lang=\""));
    QVERIFY(html.endsWith(u"</body>\n</html>\n"));
    QVERIFY(html.contains(u"<meta charset=\"utf-8\">"));
    QVERIFY(html.contains(u"<style>"));
    QCOMPARE(html.count(u"<h1>"), 1);

    QVERIFY(!html.contains(u"<script>"));
    QVERIFY(!html.contains(u"<i>"));
    QVERIFY(!html.contains(u"<b>"));
    QVERIFY(!html.contains(u"<api>"));
    QVERIFY(html.contains(u"<title>Incident report: INC-7 &lt;script&gt;alert('x')&lt;/script&gt; "
                          "&amp; co</title>"));
    QVERIFY(html.contains(u"<p class=\"text\">a &quot;quoted&quot; &lt;i&gt;cause&lt;/i&gt;</p>"));
    QVERIFY(html.contains(u"<td>&lt;api&gt;</td>"));
    QVERIFY(html.contains(u"<code>echo &quot;a&quot; &gt; /tmp/x</code> on web_1: exit 0 in 1.2 s"
                          "<pre>&lt;b&gt;bold&lt;/b&gt;</pre>"));
    QVERIFY(html.contains(u"Rolled back &lt;b&gt;v2&lt;/b&gt;"));
    QVERIFY(html.contains(u"<h2>Lessons learned</h2>\n<p class=\"missing\">(not recorded)</p>"));
    // Header and six summary rows, header and seven timeline rows.
    QCOMPARE(html.count(u"<tr>"), 1 + 6 + 1 + 7);
    QCOMPARE(html.count(u"<table>"), html.count(u"</table>"));
    QCOMPARE(html.count(u"<tr>"), html.count(u"</tr>"));
}

void tst_Incident::escalationDelayText_data()
{
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("now") << 0 << u"now"_s;
    QTest::newRow("minutes") << 15 << u"15 min"_s;
    QTest::newRow("an hour in minutes") << 60 << u"60 min"_s;
    QTest::newRow("90 minutes") << 90 << u"90 min"_s;
    QTest::newRow("hours") << 240 << u"4 h"_s;
    QTest::newRow("hours and minutes") << 150 << u"2 h 30 min"_s;
    QTest::newRow("a day") << 1440 << u"1 d"_s;
    QTest::newRow("two days") << 2880 << u"2 d"_s;
}

void tst_Incident::escalationDelayText()
{
    QFETCH(int, minutes);
    QFETCH(QString, expected);
    QCOMPARE(OpsDeck::escalationDelayText(minutes), expected);
}

void tst_Incident::defaultMatrix()
{
    const EscalationSchedule schedule;
    QVERIFY(schedule.usesDefaultMatrix());
    QCOMPARE(schedule.describe(IncidentSeverity::Sev1),
             u"SEV-1: notify On-call now, Platform Lead at 15 min, CTO at 60 min, CEO at 4 h"_s);
    QCOMPARE(schedule.describe(IncidentSeverity::Sev2),
             u"SEV-2: notify On-call at 15 min, Platform Lead at 60 min, CTO at 4 h"_s);
    QCOMPARE(schedule.describe(IncidentSeverity::Sev3),
             u"SEV-3: notify On-call at 4 h, Platform Lead at 1 d"_s);
    QCOMPARE(schedule.describe(IncidentSeverity::Sev4), u"SEV-4: notify Platform Lead at 1 d"_s);
    // An empty workspace matrix means the defaults too.
    QCOMPARE(EscalationSchedule({}, {}).describe(IncidentSeverity::Sev1),
             schedule.describe(IncidentSeverity::Sev1));
}

void tst_Incident::workspaceMatrixAndContacts()
{
    EscalationPolicy sev2;
    sev2.severity = u"SEV-2"_s;
    // Out of order on purpose: steps come earliest first.
    sev2.steps = {{30, u"CTO"_s, {}}, {0, u"oncall"_s, {}}, {10, u"Ann"_s, {}}};
    Contact ann{u"Ann"_s, u"oncall"_s, u"ann@example.org"_s, u"+49 170 1"_s, u"@ann"_s, {}};
    Contact bob{u"Bob"_s, u"OnCall"_s, {}, {}, {}, {}};
    const EscalationSchedule schedule({sev2}, {ann, bob});
    QVERIFY(!schedule.usesDefaultMatrix());
    QCOMPARE(schedule.describe(IncidentSeverity::Sev2),
             u"SEV-2: notify oncall now, Ann at 10 min, CTO at 30 min"_s);
    // The workspace chose no steps for SEV-1: no reminders, not the defaults.
    QCOMPARE(schedule.describe(IncidentSeverity::Sev1), u"SEV-1: no escalation"_s);
    QVERIFY(schedule.steps(IncidentSeverity::Sev1).isEmpty());

    QCOMPARE(schedule.who(u"Ann"_s), u"Ann (+49 170 1, @ann, ann@example.org)"_s);
    QCOMPARE(schedule.who(u"oncall"_s), u"oncall: Ann (+49 170 1, @ann, ann@example.org); Bob"_s);
    QCOMPARE(schedule.who(u"CTO"_s), u"CTO"_s);

    Incident incident;
    incident.id = 1;
    incident.severity = IncidentSeverity::Sev2;
    incident.declaredAt = utc(12, 0);
    const QList<EscalationReminder> reminders = schedule.reminders(incident, {});
    QCOMPARE(reminders.size(), 3);
    QCOMPARE(reminders.at(0).dueAt, utc(12, 0));
    QCOMPARE(reminders.at(0).who, schedule.who(u"oncall"_s));
    QCOMPARE(reminders.at(1).dueAt, utc(12, 10));
    QCOMPARE(reminders.at(2).dueAt, utc(12, 30));
    QCOMPARE(reminders.at(2).step.notify, u"CTO"_s);
}

void tst_Incident::remindersSkipRecordedSteps()
{
    const EscalationSchedule schedule;
    Incident incident;
    incident.id = 3;
    incident.severity = IncidentSeverity::Sev1;
    incident.declaredAt = utc(12, 0);

    QList<IncidentEvent> timeline{declarationEvent(incident)};
    IncidentEvent onCall = makeEvent(IncidentEvent::Kind::Escalation, utc(12, 1), u"Notified"_s);
    onCall.subject = u"on-call"_s; // case does not matter
    timeline.append(onCall);
    // A note that mentions the lead is not an escalation.
    IncidentEvent note = makeEvent(IncidentEvent::Kind::Note, utc(12, 2), u"Platform Lead"_s);
    note.subject = u"Platform Lead"_s;
    timeline.append(note);

    QStringList names;
    for (const EscalationReminder &reminder : schedule.reminders(incident, timeline))
        names.append(reminder.step.notify);
    QCOMPARE(names, (QStringList{u"Platform Lead"_s, u"CTO"_s, u"CEO"_s}));
    QVERIFY(EscalationSchedule::isRecorded(u"On-call"_s, timeline));
    QVERIFY(!EscalationSchedule::isRecorded(u"Platform Lead"_s, timeline));

    // Resolved and closed incidents are not escalated any further.
    for (const IncidentStatus status : {IncidentStatus::Resolved, IncidentStatus::Closed}) {
        incident.status = status;
        QVERIFY(schedule.reminders(incident, timeline).isEmpty());
    }
    incident.status = IncidentStatus::Monitoring;
    QCOMPARE(schedule.reminders(incident, timeline).size(), 3);
}

void tst_Incident::remindersFollowTheClock()
{
    QDateTime now = utc(12, 0);
    EscalationReminders reminders;
    reminders.setClock([&] { return now; });
    QSignalSpy due(&reminders, &EscalationReminders::reminderDue);

    Incident incident;
    incident.id = 9;
    incident.severity = IncidentSeverity::Sev1;
    incident.declaredAt = utc(12, 0);
    reminders.setIncident(incident, {declarationEvent(incident)});
    QCOMPARE(reminders.pending().size(), 4);
    QCOMPARE(reminders.nextDueAt(), utc(12, 0));
    // Never emitted from inside setIncident(), even when due.
    QCOMPARE(due.size(), 0);
    QVERIFY(reminders.isTimerActive());

    reminders.checkNow();
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.at(0).at(0).value<EscalationStep>().notify, u"On-call"_s);
    QCOMPARE(due.at(0).at(1).toString(), u"On-call"_s);
    QCOMPARE(reminders.nextDueAt(), utc(12, 15));

    now = utc(12, 14, 59);
    reminders.checkNow();
    QCOMPARE(due.size(), 1);

    // Several at once after a long sleep, in order.
    now = utc(13, 30);
    reminders.checkNow();
    QCOMPARE(due.size(), 3);
    QCOMPARE(due.at(1).at(0).value<EscalationStep>().notify, u"Platform Lead"_s);
    QCOMPARE(due.at(2).at(0).value<EscalationStep>().notify, u"CTO"_s);
    QCOMPARE(reminders.nextDueAt(), utc(16, 0));

    // Re-feeding the same incident does not remind again.
    reminders.setIncident(incident, {declarationEvent(incident)});
    reminders.checkNow();
    QCOMPARE(due.size(), 3);
    QCOMPARE(reminders.pending().size(), 1);

    // Resolution ends the plan.
    incident.status = IncidentStatus::Resolved;
    reminders.setIncident(incident, {});
    QVERIFY(reminders.pending().isEmpty());
    QVERIFY(!reminders.isTimerActive());
    now = utc(20, 0);
    reminders.checkNow();
    QCOMPARE(due.size(), 3);
}

void tst_Incident::remindersReplanOnSeverityChange()
{
    QDateTime now = utc(12, 20);
    EscalationReminders reminders;
    reminders.setClock([&] { return now; });
    QSignalSpy due(&reminders, &EscalationReminders::reminderDue);
    QSignalSpy planChanged(&reminders, &EscalationReminders::planChanged);

    Incident incident;
    incident.id = 11;
    incident.severity = IncidentSeverity::Sev3;
    incident.declaredAt = utc(12, 0);
    reminders.setIncident(incident, {});
    reminders.checkNow();
    QCOMPARE(due.size(), 0);
    QCOMPARE(reminders.nextDueAt(), utc(16, 0));
    QCOMPARE(planChanged.size(), 1);

    // Raised to SEV-1 at T+20: steps count from the declaration, so the on-call engineer
    // and the lead are due at once, the CTO at T+60.
    incident.severity = IncidentSeverity::Sev1;
    reminders.setIncident(incident, {});
    QCOMPARE(planChanged.size(), 2);
    reminders.checkNow();
    QCOMPARE(due.size(), 2);
    QCOMPARE(due.at(0).at(0).value<EscalationStep>().notify, u"On-call"_s);
    QCOMPARE(due.at(1).at(0).value<EscalationStep>().notify, u"Platform Lead"_s);
    QCOMPARE(reminders.nextDueAt(), utc(13, 0));

    // Lowered to SEV-2: on-call and lead were reminded already; the CTO moves to T+4 h.
    incident.severity = IncidentSeverity::Sev2;
    reminders.setIncident(incident, {});
    QCOMPARE(reminders.pending().size(), 1);
    QCOMPARE(reminders.nextDueAt(), utc(16, 0));
}

void tst_Incident::resumedIncidentDoesNotRepeatReminders()
{
    Incident incident;
    incident.id = 12;
    incident.severity = IncidentSeverity::Sev1;
    incident.declaredAt = utc(12, 0);
    QList<IncidentEvent> timeline{declarationEvent(incident)};
    for (const QString &who : {u"On-call"_s, u"Platform Lead"_s}) {
        IncidentEvent escalation =
            makeEvent(IncidentEvent::Kind::Escalation, utc(12, 16), u"Notified "_s + who);
        escalation.subject = who;
        timeline.append(escalation);
    }

    // A new process: nothing reminded yet in memory, only the timeline knows.
    const QDateTime now = utc(12, 40);
    EscalationReminders reminders;
    reminders.setClock([&] { return now; });
    QSignalSpy due(&reminders, &EscalationReminders::reminderDue);
    reminders.setIncident(incident, timeline);
    reminders.checkNow();
    QCOMPARE(due.size(), 0);
    QCOMPARE(reminders.pending().size(), 2);
    QCOMPARE(reminders.pending().at(0).step.notify, u"CTO"_s);
    QCOMPARE(reminders.nextDueAt(), utc(13, 0));
}

void tst_Incident::reminderTimerFires()
{
    // The real clock and the real timer: the lead's step falls due in a fraction of a second.
    EscalationReminders reminders;
    QSignalSpy due(&reminders, &EscalationReminders::reminderDue);
    Incident incident;
    incident.id = 13;
    incident.severity = IncidentSeverity::Sev1;
    incident.declaredAt = QDateTime::currentDateTimeUtc().addSecs(-15 * 60).addMSecs(300);
    IncidentEvent onCall = makeEvent(IncidentEvent::Kind::Escalation, incident.declaredAt, u"x"_s);
    onCall.subject = u"On-call"_s;
    reminders.setIncident(incident, {onCall});
    QCOMPARE(reminders.pending().size(), 3);
    QVERIFY(due.isEmpty());
    QVERIFY(due.wait(5000));
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.at(0).at(0).value<EscalationStep>().notify, u"Platform Lead"_s);
    QCOMPARE(reminders.pending().size(), 2);
    QVERIFY(reminders.isTimerActive());
}

QTEST_GUILESS_MAIN(tst_Incident)
#include "tst_incident.moc"
