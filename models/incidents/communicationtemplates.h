// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"

#include <QMap>

namespace OpsDeck {

// The messages an incident commander sends, in the order they are usually needed.
enum class CommunicationTemplate { Declaration, Update, Resolution, CustomerNotice };

QList<CommunicationTemplate> allCommunicationTemplates();
// "declaration", "update", "resolution", "customer_notice": the keys under `templates:` in
// the workspace file and the subject of Communication events.
QString communicationTemplateId(CommunicationTemplate which);
std::optional<CommunicationTemplate> communicationTemplateFromId(QStringView id);
// "Declaration", "Update", ... translated.
QString communicationTemplateTitle(CommunicationTemplate which);
// OpsDeck's own text, translated.
QString defaultTemplateText(CommunicationTemplate which);

// Replaces the {fields} in text from the incident; a {field} this function does not know is
// left as written, and values are not expanded again (a title containing "{id}" stays so).
// Fields: {id} (42), {reference} (INC-42), {title}, {severity} (SEV-1), {severity_meaning},
// {status}, {services}, {commander}, {declared_at} (UTC), {elapsed} (since declaration, in
// whole minutes), {duration} (declaration to resolution, or to now while unresolved),
// {impact}, {root_cause},
// {next_update} (now plus the severity's update interval, UTC). Empty fields read
// "(not recorded)".
QString fillTemplate(const QString &text, const Incident &incident, const QDateTime &now);
// The field names fillTemplate() knows, without braces.
QStringList templateFieldNames();

// The texts in use: the workspace's (Workspace::communicationTemplates) where it has one,
// OpsDeck's defaults for the rest.
class CommunicationTemplates
{
public:
    explicit CommunicationTemplates(const QMap<QString, QString> &workspaceTexts = {});

    QString text(CommunicationTemplate which) const;
    bool isFromWorkspace(CommunicationTemplate which) const;
    QString filled(CommunicationTemplate which, const Incident &incident,
                   const QDateTime &now) const;

private:
    QMap<CommunicationTemplate, QString> m_texts;
    QList<CommunicationTemplate> m_fromWorkspace;
};

} // namespace OpsDeck
