// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incident.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

// The translation context of the incident texts.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Incident)
};

constexpr IncidentField allFields[] = {
    IncidentField::Title,     IncidentField::Services, IncidentField::Commander,
    IncidentField::Runbook,   IncidentField::Impact,   IncidentField::RootCause,
    IncidentField::Detection, IncidentField::Lessons,  IncidentField::ActionItems,
};

constexpr IncidentEvent::Kind allKinds[] = {
    IncidentEvent::Kind::Declared,
    IncidentEvent::Kind::StatusChanged,
    IncidentEvent::Kind::SeverityChanged,
    IncidentEvent::Kind::StepRun,
    IncidentEvent::Kind::Note,
    IncidentEvent::Kind::Escalation,
    IncidentEvent::Kind::Communication,
    IncidentEvent::Kind::FieldChanged,
};

// A digest line longer than this is cut: one line of minified JSON must not fill the screen.
constexpr qsizetype MaximumDigestLineLength = 200;

} // namespace

const QList<SeverityDefinition> &severityDefinitions()
{
    // Response times follow the severity table our users' runbooks share; updates every half
    // hour for an outage (what their customer notices promise), less often as impact shrinks.
    static const QList<SeverityDefinition> definitions = {
        {IncidentSeverity::Sev1, u"SEV-1"_s, Text::tr("Critical – service down"),
         Text::tr("Complete outage, data being lost, a security breach in progress"), 15, 30},
        {IncidentSeverity::Sev2, u"SEV-2"_s, Text::tr("Major – service badly degraded"),
         Text::tr("API slow or unavailable for many users, an important feature failing"), 60, 60},
        {IncidentSeverity::Sev3, u"SEV-3"_s, Text::tr("Minor – limited impact"),
         Text::tr("One feature not working, a workaround exists"), 4 * 60, 4 * 60},
        {IncidentSeverity::Sev4, u"SEV-4"_s, Text::tr("Low – minimal impact"),
         Text::tr("Cosmetic problems, questions, follow-up clean-up"), 24 * 60, 24 * 60},
    };
    return definitions;
}

const SeverityDefinition &severityDefinition(IncidentSeverity severity)
{
    const QList<SeverityDefinition> &definitions = severityDefinitions();
    const int index = std::clamp(int(severity) - 1, 0, int(definitions.size()) - 1);
    return definitions.at(index);
}

QString severityName(IncidentSeverity severity)
{
    return u"SEV-%1"_s.arg(int(severity));
}

std::optional<IncidentSeverity> severityFromName(QStringView name)
{
    QStringView rest = name.trimmed();
    if (rest.startsWith(u"sev", Qt::CaseInsensitive)) {
        rest = rest.mid(3);
        if (rest.startsWith(u'-'))
            rest = rest.mid(1);
    }
    if (rest.size() != 1)
        return std::nullopt;
    const int number = rest.front().digitValue();
    if (number < 1 || number > 4)
        return std::nullopt;
    return IncidentSeverity(number);
}

QList<IncidentStatus> allIncidentStatuses()
{
    return {IncidentStatus::Investigating, IncidentStatus::Identified, IncidentStatus::Monitoring,
            IncidentStatus::Resolved, IncidentStatus::Closed};
}

QString incidentStatusId(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Investigating:
        return u"investigating"_s;
    case IncidentStatus::Identified:
        return u"identified"_s;
    case IncidentStatus::Monitoring:
        return u"monitoring"_s;
    case IncidentStatus::Resolved:
        return u"resolved"_s;
    case IncidentStatus::Closed:
        return u"closed"_s;
    }
    return {};
}

std::optional<IncidentStatus> incidentStatusFromId(QStringView id)
{
    for (const IncidentStatus status : allIncidentStatuses()) {
        if (id == incidentStatusId(status))
            return status;
    }
    return std::nullopt;
}

QString incidentStatusText(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Investigating:
        return Text::tr("Investigating");
    case IncidentStatus::Identified:
        return Text::tr("Identified");
    case IncidentStatus::Monitoring:
        return Text::tr("Monitoring");
    case IncidentStatus::Resolved:
        return Text::tr("Resolved");
    case IncidentStatus::Closed:
        return Text::tr("Closed");
    }
    return {};
}

bool isAllowedTransition(IncidentStatus from, IncidentStatus to)
{
    if (from == IncidentStatus::Closed || from == to)
        return false;
    if (int(to) > int(from))
        return true;
    const bool fromMitigated =
        from == IncidentStatus::Monitoring || from == IncidentStatus::Resolved;
    const bool toOpenWork = to == IncidentStatus::Investigating || to == IncidentStatus::Identified;
    return fromMitigated && toOpenWork;
}

QString incidentFieldId(IncidentField field)
{
    switch (field) {
    case IncidentField::Title:
        return u"title"_s;
    case IncidentField::Services:
        return u"services"_s;
    case IncidentField::Commander:
        return u"commander"_s;
    case IncidentField::Runbook:
        return u"runbook"_s;
    case IncidentField::Impact:
        return u"impact"_s;
    case IncidentField::RootCause:
        return u"root_cause"_s;
    case IncidentField::Detection:
        return u"detection"_s;
    case IncidentField::Lessons:
        return u"lessons"_s;
    case IncidentField::ActionItems:
        return u"action_items"_s;
    }
    return {};
}

std::optional<IncidentField> incidentFieldFromId(QStringView id)
{
    for (const IncidentField field : allFields) {
        if (id == incidentFieldId(field))
            return field;
    }
    return std::nullopt;
}

QString incidentFieldText(IncidentField field)
{
    switch (field) {
    case IncidentField::Title:
        return Text::tr("Title");
    case IncidentField::Services:
        return Text::tr("Affected services");
    case IncidentField::Commander:
        return Text::tr("Commander");
    case IncidentField::Runbook:
        return Text::tr("Runbook");
    case IncidentField::Impact:
        return Text::tr("Impact");
    case IncidentField::RootCause:
        return Text::tr("Root cause");
    case IncidentField::Detection:
        return Text::tr("Detection");
    case IncidentField::Lessons:
        return Text::tr("Lessons learned");
    case IncidentField::ActionItems:
        return Text::tr("Action items");
    }
    return {};
}

QString Incident::reference() const
{
    return id > 0 ? u"INC-%1"_s.arg(id) : QString();
}

QString Incident::field(IncidentField which) const
{
    switch (which) {
    case IncidentField::Title:
        return title;
    case IncidentField::Services:
        return services.join(u", ");
    case IncidentField::Commander:
        return commander;
    case IncidentField::Runbook:
        return runbook;
    case IncidentField::Impact:
        return impact;
    case IncidentField::RootCause:
        return rootCause;
    case IncidentField::Detection:
        return detection;
    case IncidentField::Lessons:
        return lessons;
    case IncidentField::ActionItems:
        return actionItems;
    }
    return {};
}

void Incident::setField(IncidentField which, const QString &value)
{
    switch (which) {
    case IncidentField::Title:
        title = value;
        return;
    case IncidentField::Services: {
        services.clear();
        for (const QString &part : value.split(u',')) {
            const QString name = part.trimmed();
            if (!name.isEmpty())
                services.append(name);
        }
        return;
    }
    case IncidentField::Commander:
        commander = value;
        return;
    case IncidentField::Runbook:
        runbook = value;
        return;
    case IncidentField::Impact:
        impact = value;
        return;
    case IncidentField::RootCause:
        rootCause = value;
        return;
    case IncidentField::Detection:
        detection = value;
        return;
    case IncidentField::Lessons:
        lessons = value;
        return;
    case IncidentField::ActionItems:
        actionItems = value;
        return;
    }
}

QString incidentEventKindId(IncidentEvent::Kind kind)
{
    switch (kind) {
    case IncidentEvent::Kind::Declared:
        return u"declared"_s;
    case IncidentEvent::Kind::StatusChanged:
        return u"status_changed"_s;
    case IncidentEvent::Kind::SeverityChanged:
        return u"severity_changed"_s;
    case IncidentEvent::Kind::StepRun:
        return u"step_run"_s;
    case IncidentEvent::Kind::Note:
        return u"note"_s;
    case IncidentEvent::Kind::Escalation:
        return u"escalation"_s;
    case IncidentEvent::Kind::Communication:
        return u"communication"_s;
    case IncidentEvent::Kind::FieldChanged:
        return u"field_changed"_s;
    }
    return {};
}

std::optional<IncidentEvent::Kind> incidentEventKindFromId(QStringView id)
{
    for (const IncidentEvent::Kind kind : allKinds) {
        if (id == incidentEventKindId(kind))
            return kind;
    }
    return std::nullopt;
}

QString incidentEventKindText(IncidentEvent::Kind kind)
{
    switch (kind) {
    case IncidentEvent::Kind::Declared:
        return Text::tr("Declared");
    case IncidentEvent::Kind::StatusChanged:
        return Text::tr("Status");
    case IncidentEvent::Kind::SeverityChanged:
        return Text::tr("Severity");
    case IncidentEvent::Kind::StepRun:
        return Text::tr("Step run");
    case IncidentEvent::Kind::Note:
        return Text::tr("Note");
    case IncidentEvent::Kind::Escalation:
        return Text::tr("Escalation");
    case IncidentEvent::Kind::Communication:
        return Text::tr("Communication");
    case IncidentEvent::Kind::FieldChanged:
        return Text::tr("Record updated");
    }
    return {};
}

IncidentEvent declarationEvent(const Incident &incident)
{
    IncidentEvent event;
    event.incidentId = incident.id;
    event.at = incident.declaredAt;
    event.kind = IncidentEvent::Kind::Declared;
    event.subject = severityName(incident.severity);
    const SeverityDefinition &severity = severityDefinition(incident.severity);
    event.summary =
        incident.commander.isEmpty()
            ? Text::tr("Declared %1 (%2): %3").arg(severity.name, severity.meaning, incident.title)
            : Text::tr("Declared %1 (%2): %3; commander: %4")
                  .arg(severity.name, severity.meaning, incident.title, incident.commander);
    event.author = incident.commander;
    return event;
}

QString elapsedLabel(const QDateTime &declaredAt, const QDateTime &at)
{
    if (!declaredAt.isValid() || !at.isValid())
        return {};
    const qint64 milliseconds = declaredAt.msecsTo(at);
    // Cut towards zero, so half a second before the declaration is still T+00:00.
    const qint64 totalSeconds = std::abs(milliseconds) / 1000;
    const QChar sign = milliseconds < 0 && totalSeconds > 0 ? u'-' : u'+';
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = totalSeconds / 60 % 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0) {
        return u"T%1%2:%3:%4"_s.arg(sign)
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    }
    return u"T%1%2:%3"_s.arg(sign)
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(seconds, 2, 10, QLatin1Char('0'));
}

QString outputDigest(const QString &output, int maxLines)
{
    QString text = output;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    QStringList lines = text.split(u'\n');
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    for (QString &line : lines) {
        if (line.size() > MaximumDigestLineLength) {
            line.truncate(MaximumDigestLineLength);
            line += u'…';
        }
    }

    // A marker standing for a single line would take as much room as that line.
    const int limit = std::max(maxLines, 0);
    if (lines.size() <= limit + 1)
        return lines.join(u'\n');

    const int head = (limit + 1) / 2;
    const int tail = limit / 2;
    const int hidden = int(lines.size()) - head - tail;
    QStringList digest = lines.mid(0, head);
    digest.append(Text::tr("… %n more line(s) …", nullptr, hidden));
    digest.append(lines.mid(lines.size() - tail));
    return digest.join(u'\n');
}

QString notRecordedText()
{
    return Text::tr("(not recorded)");
}

} // namespace OpsDeck
