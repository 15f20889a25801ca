// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incidentsession.h"

#include "models/core/units.h"
#include "models/incidents/communicationtemplates.h"
#include "models/incidents/incidenttimelinemodel.h"
#include "models/persistence/statestore.h"

namespace OpsDeck {

IncidentSession::IncidentSession(StateStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_timeline(new IncidentTimelineModel(this))
    , m_author(qEnvironmentVariable("USER"))
{
    Q_ASSERT(store);
    connect(m_store, &StateStore::incidentCreated, this, &IncidentSession::onCreated);
    connect(m_store, &StateStore::incidentLoaded, this, &IncidentSession::onLoaded);
    connect(m_store, &StateStore::incidentUpdated, this, &IncidentSession::onUpdated);
    connect(m_store, &StateStore::incidentEventAppended, this, &IncidentSession::onAppended);
    connect(m_store, &StateStore::failed, this, &IncidentSession::onStoreFailed);
}

IncidentSession::~IncidentSession() = default;

bool IncidentSession::declare(const Incident &incident)
{
    if (!ensureNoIncident())
        return false;
    if (incident.title.trimmed().isEmpty()) {
        Q_EMIT failed(tr("An incident needs a title."));
        return false;
    }
    Incident record = incident;
    record.id = 0;
    if (!record.declaredAt.isValid())
        record.declaredAt = QDateTime::currentDateTimeUtc();
    m_opening = true;
    m_pending.insert(m_store->createIncident(record), {RequestKind::Create, record, {}});
    return true;
}

bool IncidentSession::resume(qint64 incidentId)
{
    if (!ensureNoIncident())
        return false;
    m_opening = true;
    m_pending.insert(m_store->loadIncident(incidentId), {RequestKind::Load, {}, {}});
    return true;
}

bool IncidentSession::release()
{
    if (m_opening || !m_pending.isEmpty()) {
        Q_EMIT failed(tr("Incident %1 is still being written; try again in a moment.")
                          .arg(m_incident.reference()));
        return false;
    }
    if (!hasIncident())
        return true;
    m_incident = {};
    m_wanted = {};
    m_events.clear();
    m_pendingUpdates.clear();
    m_timeline->clear();
    Q_EMIT changed();
    return true;
}

bool IncidentSession::ensureNoIncident()
{
    if (m_opening) {
        Q_EMIT failed(tr("This session is already opening an incident; use a new session for "
                         "another one."));
        return false;
    }
    if (hasIncident()) {
        Q_EMIT failed(tr("This session already has incident %1; use a new session for another "
                         "one.")
                          .arg(m_incident.reference()));
        return false;
    }
    return true;
}

bool IncidentSession::ensureIncident()
{
    if (hasIncident())
        return true;
    Q_EMIT failed(m_opening ? tr("The incident is still being opened; try again in a moment.")
                            : tr("No incident is open: declare or resume one first."));
    return false;
}

IncidentEvent IncidentSession::newEvent(IncidentEvent::Kind kind, const QString &summary) const
{
    IncidentEvent event;
    event.incidentId = m_incident.id;
    event.at = QDateTime::currentDateTimeUtc();
    event.kind = kind;
    event.summary = summary;
    event.author = m_author;
    return event;
}

bool IncidentSession::setStatus(IncidentStatus status)
{
    if (!ensureIncident())
        return false;
    const IncidentStatus from = m_wanted.status;
    if (status == from)
        return true;
    if (!isAllowedTransition(from, status)) {
        Q_EMIT failed(from == IncidentStatus::Closed
                          ? tr("%1 is closed; a closed incident cannot change its status to %2.")
                                .arg(m_incident.reference(), incidentStatusText(status))
                          : tr("%1 cannot go from %2 to %3.")
                                .arg(m_incident.reference(), incidentStatusText(from),
                                     incidentStatusText(status)));
        return false;
    }

    Incident next = m_wanted;
    next.status = status;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool reopening = int(status) < int(from);
    if (reopening) {
        next.resolvedAt = {};
    } else if (status >= IncidentStatus::Resolved && !next.resolvedAt.isValid()) {
        next.resolvedAt = now;
    }
    if (status == IncidentStatus::Closed)
        next.closedAt = now;

    IncidentEvent event =
        newEvent(IncidentEvent::Kind::StatusChanged,
                 reopening ? tr("Reopened: status changed from %1 to %2")
                                 .arg(incidentStatusText(from), incidentStatusText(status))
                           : tr("Status changed from %1 to %2")
                                 .arg(incidentStatusText(from), incidentStatusText(status)));
    event.at = now;
    event.subject = incidentStatusId(status);
    writeUpdate(next, event);
    return true;
}

bool IncidentSession::setSeverity(IncidentSeverity severity)
{
    if (!ensureIncident())
        return false;
    if (severity == m_wanted.severity)
        return true;
    const SeverityDefinition &to = severityDefinition(severity);
    Incident next = m_wanted;
    next.severity = severity;
    IncidentEvent event = newEvent(IncidentEvent::Kind::SeverityChanged,
                                   tr("Severity changed from %1 to %2 (%3)")
                                       .arg(severityName(m_wanted.severity), to.name, to.meaning));
    event.subject = to.name;
    writeUpdate(next, event);
    return true;
}

bool IncidentSession::setField(IncidentField field, const QString &value)
{
    if (!ensureIncident())
        return false;
    Incident next = m_wanted;
    next.setField(field, value);
    return writeFieldChange(field, next);
}

bool IncidentSession::setServices(const QStringList &services)
{
    if (!ensureIncident())
        return false;
    // Not through setField(): a service name may contain a comma.
    Incident next = m_wanted;
    next.services.clear();
    for (const QString &service : services) {
        if (!service.trimmed().isEmpty())
            next.services.append(service.trimmed());
    }
    return writeFieldChange(IncidentField::Services, next);
}

bool IncidentSession::writeFieldChange(IncidentField field, const Incident &next)
{
    if (next == m_wanted)
        return true;
    if (field == IncidentField::Title && next.title.trimmed().isEmpty()) {
        Q_EMIT failed(tr("An incident needs a title."));
        return false;
    }

    const QString newValue = next.field(field);
    QString summary;
    switch (field) {
    case IncidentField::Title:
        summary = tr("Title changed to \"%1\"").arg(newValue);
        break;
    case IncidentField::Commander:
        summary =
            newValue.isEmpty() ? tr("Commander removed") : tr("Commander is now %1").arg(newValue);
        break;
    case IncidentField::Services:
        summary = newValue.isEmpty() ? tr("Affected services cleared")
                                     : tr("Affected services: %1").arg(newValue);
        break;
    default:
        summary = newValue.isEmpty() ? tr("%1 cleared").arg(incidentFieldText(field))
                                     : tr("%1 updated").arg(incidentFieldText(field));
        break;
    }
    IncidentEvent event = newEvent(IncidentEvent::Kind::FieldChanged, summary);
    event.subject = incidentFieldId(field);
    event.output = newValue;
    writeUpdate(next, event);
    return true;
}

void IncidentSession::writeUpdate(const Incident &next, IncidentEvent event)
{
    const quint64 requestId = m_store->updateIncident(next, event);
    m_pending.insert(requestId, {RequestKind::Update, next, event});
    m_pendingUpdates.append(requestId);
    m_wanted = next;
}

bool IncidentSession::addNote(const QString &text)
{
    if (!ensureIncident())
        return false;
    const QString note = text.trimmed();
    if (note.isEmpty()) {
        Q_EMIT failed(tr("A note needs some text."));
        return false;
    }
    return append(newEvent(IncidentEvent::Kind::Note, note));
}

bool IncidentSession::recordStepRun(const QString &host, const QString &command,
                                    const CommandResult &result, const QString &output)
{
    if (!ensureIncident())
        return false;
    QString summary;
    switch (result.outcome) {
    case CommandResult::Outcome::Exited:
    case CommandResult::Outcome::Signalled:
    case CommandResult::Outcome::Cancelled:
        summary = tr("Ran on %1: %2 in %3")
                      .arg(host, result.summary(), formatDuration(result.durationMs));
        break;
    case CommandResult::Outcome::TimedOut: // the summary says how long already
        summary = tr("Ran on %1: %2").arg(host, result.summary());
        break;
    case CommandResult::Outcome::Failed:
        summary = tr("Could not run on %1: %2").arg(host, result.error);
        break;
    }
    IncidentEvent event = newEvent(IncidentEvent::Kind::StepRun, summary);
    // The line is written when the command has ended; `at` is that moment.
    event.host = host;
    event.command = command;
    if (result.outcome == CommandResult::Outcome::Exited)
        event.exitCode = result.exitCode;
    event.durationMs = result.durationMs;
    event.output = output;
    return append(event);
}

bool IncidentSession::recordEscalation(const QString &who, const QString &details)
{
    if (!ensureIncident())
        return false;
    const QString target = who.trimmed();
    if (target.isEmpty()) {
        Q_EMIT failed(tr("An escalation needs someone to notify."));
        return false;
    }
    IncidentEvent event = newEvent(IncidentEvent::Kind::Escalation,
                                   details.trimmed().isEmpty()
                                       ? tr("Notified %1").arg(target)
                                       : tr("Notified %1: %2").arg(target, details.trimmed()));
    event.subject = target;
    return append(event);
}

bool IncidentSession::recordCommunication(const QString &templateName, const QString &text)
{
    if (!ensureIncident())
        return false;
    if (text.trimmed().isEmpty()) {
        Q_EMIT failed(tr("A message needs some text."));
        return false;
    }
    const std::optional<CommunicationTemplate> known = communicationTemplateFromId(templateName);
    const QString name = known ? communicationTemplateTitle(*known) : templateName.trimmed();
    IncidentEvent event =
        newEvent(IncidentEvent::Kind::Communication,
                 name.isEmpty() ? tr("Sent a message") : tr("Sent the message: %1").arg(name));
    event.subject = templateName.trimmed();
    event.output = text;
    return append(event);
}

bool IncidentSession::append(IncidentEvent event)
{
    event.incidentId = m_incident.id;
    m_pending.insert(m_store->appendIncidentEvent(event), {RequestKind::Append, {}, event});
    return true;
}

void IncidentSession::commitEvent(const IncidentEvent &event)
{
    m_events.append(event);
    m_timeline->appendEvent(event);
    Q_EMIT eventRecorded(event);
}

void IncidentSession::onCreated(quint64 requestId, qint64 incidentId,
                                const IncidentEvent &declaration)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    Incident incident = it->incident;
    m_pending.erase(it);
    incident.id = incidentId;
    m_opening = false;
    m_incident = incident;
    m_wanted = incident;
    m_events.clear();
    m_timeline->setDeclaredAt(incident.declaredAt);
    m_timeline->setEvents({});
    commitEvent(declaration);
    Q_EMIT changed();
}

void IncidentSession::onLoaded(quint64 requestId, const Incident &incident,
                               const QList<IncidentEvent> &events)
{
    if (!m_pending.remove(requestId))
        return;
    m_opening = false;
    m_incident = incident;
    m_wanted = incident;
    m_events = events;
    m_timeline->setDeclaredAt(incident.declaredAt);
    m_timeline->setEvents(events);
    Q_EMIT changed();
}

void IncidentSession::onUpdated(quint64 requestId, qint64 incidentId, qint64 eventId)
{
    Q_UNUSED(incidentId)
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    m_pendingUpdates.removeOne(requestId);
    // The store answers in request order, so this is the newest committed state.
    m_incident = pending.incident;
    if (m_timeline->declaredAt() != m_incident.declaredAt)
        m_timeline->setDeclaredAt(m_incident.declaredAt);
    if (pending.event && eventId > 0) {
        IncidentEvent event = *pending.event;
        event.id = eventId;
        event.incidentId = m_incident.id;
        commitEvent(event);
    }
    Q_EMIT changed();
}

void IncidentSession::onAppended(quint64 requestId, qint64 eventId)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    IncidentEvent event = *it->event;
    m_pending.erase(it);
    event.id = eventId;
    commitEvent(event);
    Q_EMIT changed();
}

void IncidentSession::onStoreFailed(quint64 requestId, const QString &message)
{
    const auto it = m_pending.constFind(requestId);
    if (it == m_pending.constEnd())
        return;
    const RequestKind kind = it->kind;
    m_pending.erase(it);
    switch (kind) {
    case RequestKind::Create:
    case RequestKind::Load:
        m_opening = false;
        break;
    case RequestKind::Update:
        // Later updates were built on this one; they still carry its change and may succeed.
        // The next wish starts from the newest state that can still be committed.
        m_pendingUpdates.removeOne(requestId);
        m_wanted = m_pendingUpdates.isEmpty()
                       ? m_incident
                       : m_pending.value(m_pendingUpdates.constLast()).incident;
        break;
    case RequestKind::Append:
        break;
    }
    Q_EMIT failed(message);
}

} // namespace OpsDeck
