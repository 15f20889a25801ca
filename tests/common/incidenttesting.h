// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"

#include <QString>
#include <QStringList>
#include <QtTest/qtestcase.h>

// Shared by the incident store, session and response tests.
namespace OpsDeck {
// Readable QCOMPARE failures.
inline char *toString(const IncidentEvent &event)
{
    using namespace Qt::StringLiterals;
    const QString text =
        u"IncidentEvent(id=%1 incident=%2 at=%3 kind=%4 subject=%5 summary=%6 "
        "host=%7 command=%8 exit=%9 duration=%10 output=%11 author=%12)"_s
            .arg(QString::number(event.id), QString::number(event.incidentId),
                 event.at.toString(Qt::ISODateWithMs), incidentEventKindId(event.kind),
                 event.subject, event.summary, event.host, event.command,
                 event.exitCode ? QString::number(*event.exitCode) : u"-"_s)
            .arg(event.durationMs)
            .arg(event.output, event.author);
    return qstrdup(text.toUtf8().constData());
}
} // namespace OpsDeck

namespace IncidentTesting {
// A SEV-2 incident as an operator would declare it.
inline OpsDeck::Incident newIncident()
{
    using namespace Qt::StringLiterals;
    OpsDeck::Incident incident;
    incident.title = u"Checkout API returns 502"_s;
    incident.severity = OpsDeck::IncidentSeverity::Sev2;
    incident.services = {u"api"_s, u"checkout"_s};
    incident.commander = u"Jane Roe"_s;
    incident.runbook = u"runbooks/api-down.md"_s;
    return incident;
}
} // namespace IncidentTesting
