// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/communicationtemplates.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CommunicationTemplates)
};

// Messages go to people in other time zones: UTC, and saying so.
QString utcText(const QDateTime &time)
{
    if (!time.isValid())
        return notRecordedText();
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm"_s) + u" UTC"_s;
}

// Whole minutes: seconds are noise in a message ("45 min", "2 h 05 min", "3 d 4 h").
QString messageDuration(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid())
        return notRecordedText();
    const qint64 minutes = std::max<qint64>(from.secsTo(to), 0) / 60;
    if (minutes < 1)
        return Text::tr("less than a minute");
    if (minutes < 60)
        return Text::tr("%1 min").arg(minutes);
    if (minutes < 24 * 60)
        return Text::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return Text::tr("%1 d %2 h").arg(minutes / (24 * 60)).arg(minutes / 60 % 24);
}

QString orNotRecorded(const QString &text)
{
    return text.trimmed().isEmpty() ? notRecordedText() : text.trimmed();
}

} // namespace

QList<CommunicationTemplate> allCommunicationTemplates()
{
    return {CommunicationTemplate::Declaration, CommunicationTemplate::Update,
            CommunicationTemplate::Resolution, CommunicationTemplate::CustomerNotice};
}

QString communicationTemplateId(CommunicationTemplate which)
{
    switch (which) {
    case CommunicationTemplate::Declaration:
        return u"declaration"_s;
    case CommunicationTemplate::Update:
        return u"update"_s;
    case CommunicationTemplate::Resolution:
        return u"resolution"_s;
    case CommunicationTemplate::CustomerNotice:
        return u"customer_notice"_s;
    }
    return {};
}

std::optional<CommunicationTemplate> communicationTemplateFromId(QStringView id)
{
    for (const CommunicationTemplate which : allCommunicationTemplates()) {
        if (id == communicationTemplateId(which))
            return which;
    }
    return std::nullopt;
}

QString communicationTemplateTitle(CommunicationTemplate which)
{
    switch (which) {
    case CommunicationTemplate::Declaration:
        return Text::tr("Declaration");
    case CommunicationTemplate::Update:
        return Text::tr("Update");
    case CommunicationTemplate::Resolution:
        return Text::tr("Resolution");
    case CommunicationTemplate::CustomerNotice:
        return Text::tr("Customer notice");
    }
    return {};
}

QString defaultTemplateText(CommunicationTemplate which)
{
    switch (which) {
    case CommunicationTemplate::Declaration:
        return Text::tr("INCIDENT DECLARED – {reference}: {title}\n"
                        "\n"
                        "Severity: {severity} ({severity_meaning})\n"
                        "Status: {status}\n"
                        "Affected services: {services}\n"
                        "Declared: {declared_at}\n"
                        "Incident commander: {commander}\n"
                        "\n"
                        "Impact:\n"
                        "{impact}\n"
                        "\n"
                        "Next update by {next_update}.\n");
    case CommunicationTemplate::Update:
        return Text::tr("INCIDENT UPDATE – {reference}: {title} ({elapsed} since declaration)\n"
                        "\n"
                        "Severity: {severity} ({severity_meaning})\n"
                        "Status: {status}\n"
                        "Affected services: {services}\n"
                        "\n"
                        "Impact:\n"
                        "{impact}\n"
                        "\n"
                        "What we know about the cause:\n"
                        "{root_cause}\n"
                        "\n"
                        "Next update by {next_update}. Incident commander: {commander}\n");
    case CommunicationTemplate::Resolution:
        return Text::tr("INCIDENT RESOLVED – {reference}: {title}\n"
                        "\n"
                        "Severity: {severity}\n"
                        "Affected services: {services}\n"
                        "Duration: {duration}\n"
                        "\n"
                        "Impact:\n"
                        "{impact}\n"
                        "\n"
                        "Root cause:\n"
                        "{root_cause}\n"
                        "\n"
                        "A post-incident report will follow. Incident commander: {commander}\n");
    case CommunicationTemplate::CustomerNotice:
        return Text::tr("Subject: Service disruption – {services}\n"
                        "\n"
                        "Hello,\n"
                        "\n"
                        "since {declared_at} some of our services have not been working as they "
                        "should. What you may notice: {impact}\n"
                        "\n"
                        "Our engineers are on it (current status: {status}). You will hear from "
                        "us again by {next_update} at the latest.\n"
                        "\n"
                        "We are sorry for the trouble this causes.\n");
    }
    return {};
}

QStringList templateFieldNames()
{
    return {u"id"_s,       u"reference"_s, u"title"_s,      u"severity"_s,    u"severity_meaning"_s,
            u"status"_s,   u"services"_s,  u"commander"_s,  u"declared_at"_s, u"elapsed"_s,
            u"duration"_s, u"impact"_s,    u"root_cause"_s, u"next_update"_s};
}

QString fillTemplate(const QString &text, const Incident &incident, const QDateTime &now)
{
    const SeverityDefinition &severity = severityDefinition(incident.severity);
    const QDateTime end = incident.resolvedAt.isValid() ? incident.resolvedAt : now;

    const auto value = [&](QStringView name) -> std::optional<QString> {
        if (name == u"id")
            return incident.id > 0 ? QString::number(incident.id) : notRecordedText();
        if (name == u"reference")
            return incident.id > 0 ? incident.reference() : notRecordedText();
        if (name == u"title")
            return orNotRecorded(incident.title);
        if (name == u"severity")
            return severity.name;
        if (name == u"severity_meaning")
            return severity.meaning;
        if (name == u"status")
            return incidentStatusText(incident.status);
        if (name == u"services")
            return orNotRecorded(incident.services.join(u", "));
        if (name == u"commander")
            return orNotRecorded(incident.commander);
        if (name == u"declared_at")
            return utcText(incident.declaredAt);
        if (name == u"elapsed")
            return messageDuration(incident.declaredAt, now);
        if (name == u"duration")
            return messageDuration(incident.declaredAt, end);
        if (name == u"impact")
            return orNotRecorded(incident.impact);
        if (name == u"root_cause")
            return orNotRecorded(incident.rootCause);
        if (name == u"next_update")
            return utcText(now.addSecs(qint64(severity.updateEveryMinutes) * 60));
        return std::nullopt;
    };

    // One pass from left to right: replaced text is never looked at again.
    static const QRegularExpression field(u"\\{([a-z_]+)\\}"_s);
    QString result;
    result.reserve(text.size());
    qsizetype copiedUpTo = 0;
    QRegularExpressionMatchIterator matches = field.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const std::optional<QString> replacement = value(match.capturedView(1));
        if (!replacement)
            continue;
        result += QStringView(text).mid(copiedUpTo, match.capturedStart() - copiedUpTo);
        result += *replacement;
        copiedUpTo = match.capturedEnd();
    }
    result += QStringView(text).mid(copiedUpTo);
    return result;
}

CommunicationTemplates::CommunicationTemplates(const QMap<QString, QString> &workspaceTexts)
{
    for (const CommunicationTemplate which : allCommunicationTemplates()) {
        const QString own = workspaceTexts.value(communicationTemplateId(which));
        if (own.trimmed().isEmpty()) {
            m_texts.insert(which, defaultTemplateText(which));
        } else {
            m_texts.insert(which, own);
            m_fromWorkspace.append(which);
        }
    }
}

QString CommunicationTemplates::text(CommunicationTemplate which) const
{
    return m_texts.value(which);
}

bool CommunicationTemplates::isFromWorkspace(CommunicationTemplate which) const
{
    return m_fromWorkspace.contains(which);
}

QString CommunicationTemplates::filled(CommunicationTemplate which, const Incident &incident,
                                       const QDateTime &now) const
{
    return fillTemplate(text(which), incident, now);
}

} // namespace OpsDeck
