// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/incidents/incidentsession.h"

#include "models/core/units.h"
#include "models/incidents/communicationtemplates.h"
#include "models/incidents/incidentstore.h"
#include "models/incidents/incidenttimelinemodel.h"

#include <QLocale>

namespace OpsDeck {

IncidentSession::IncidentSession(IncidentStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_timeline(new IncidentTimelineModel(this))
    , m_author(qEnvironmentVariable("USER"))
{
    Q_ASSERT(store);
}

IncidentSession::~IncidentSession() = default;

bool IncidentSession::declare(const Incident &incident, const QString &firstNote)
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
    ++m_inFlight;
    m_store->create(record, this,
                    [this, record, firstNote](const StoreResult<IncidentEvent> &declared) {
                        --m_inFlight;
                        m_opening = false;
                        if (!declared) {
                            Q_EMIT failed(declared.error());
                            return;
                        }
                        onCreated(record, *declared, firstNote);
                    });
    return true;
}

bool IncidentSession::resume(qint64 incidentId)
{
    if (!ensureNoIncident())
        return false;
    m_opening = true;
    ++m_inFlight;
    m_store->load(incidentId, this, [this](const StoreResult<IncidentRecord> &loaded) {
        --m_inFlight;
        m_opening = false;
        if (!loaded) {
            Q_EMIT failed(loaded.error());
            return;
        }
        onLoaded(loaded->incident, loaded->events);
    });
    return true;
}

bool IncidentSession::release()
{
    if (m_opening || m_inFlight > 0) {
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
    const quint64 serial = ++m_lastSerial;
    ++m_inFlight;
    m_store->update(next, event, this,
                    [this, serial, next, event](const StoreResult<qint64> &eventId) {
                        --m_inFlight;
                        if (eventId)
                            onUpdated(serial, next, event, *eventId);
                        else
                            onUpdateFailed(serial, eventId.error());
                    });
    m_pendingUpdates.append({serial, next});
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

bool IncidentSession::addLogExcerpt(const QString &source, qint64 firstLine, qint64 lastLine,
                                    const QString &lines)
{
    if (!ensureIncident())
        return false;
    if (lines.trimmed().isEmpty()) {
        Q_EMIT failed(tr("Select the log lines to add first."));
        return false;
    }
    IncidentEvent event = newEvent(
        IncidentEvent::Kind::Note,
        firstLine == lastLine
            ? tr("Log line %1 of %2").arg(QLocale().toString(firstLine), source)
            : tr("Log lines %1–%2 of %3")
                  .arg(QLocale().toString(firstLine), QLocale().toString(lastLine), source));
    event.output = lines;
    return append(event);
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
    ++m_inFlight;
    m_store->appendEvent(event, this, [this, event](const StoreResult<qint64> &eventId) {
        --m_inFlight;
        if (!eventId) {
            Q_EMIT failed(eventId.error());
            return;
        }
        IncidentEvent line = event;
        line.id = *eventId;
        commitEvent(line);
        Q_EMIT changed();
    });
    return true;
}

void IncidentSession::commitEvent(const IncidentEvent &event)
{
    m_events.append(event);
    m_timeline->appendEvent(event);
    Q_EMIT eventRecorded(event);
}

void IncidentSession::onCreated(Incident incident, const IncidentEvent &declaration,
                                const QString &firstNote)
{
    incident.id = declaration.incidentId;
    m_incident = incident;
    m_wanted = incident;
    m_events.clear();
    m_timeline->setDeclaredAt(incident.declaredAt);
    m_timeline->setEvents({});
    commitEvent(declaration);
    Q_EMIT changed();
    // Only now is there an incident to write it to: the store answers declare() later.
    if (!firstNote.trimmed().isEmpty())
        addNote(firstNote);
}

void IncidentSession::onLoaded(const Incident &incident, const QList<IncidentEvent> &events)
{
    m_incident = incident;
    m_wanted = incident;
    m_events = events;
    m_timeline->setDeclaredAt(incident.declaredAt);
    m_timeline->setEvents(events);
    Q_EMIT changed();
}

void IncidentSession::onUpdated(quint64 serial, const Incident &incident,
                                const IncidentEvent &event, qint64 eventId)
{
    m_pendingUpdates.removeIf(
        [serial](const PendingUpdate &update) { return update.serial == serial; });
    // The store answers in request order, so this is the newest committed state.
    m_incident = incident;
    if (m_timeline->declaredAt() != m_incident.declaredAt)
        m_timeline->setDeclaredAt(m_incident.declaredAt);
    if (eventId > 0) {
        IncidentEvent line = event;
        line.id = eventId;
        line.incidentId = m_incident.id;
        commitEvent(line);
    }
    Q_EMIT changed();
}

void IncidentSession::onUpdateFailed(quint64 serial, const QString &message)
{
    // Later updates were built on this one; they still carry its change and may succeed.
    // The next wish starts from the newest state that can still be committed.
    m_pendingUpdates.removeIf(
        [serial](const PendingUpdate &update) { return update.serial == serial; });
    m_wanted = m_pendingUpdates.isEmpty() ? m_incident : m_pendingUpdates.constLast().incident;
    Q_EMIT failed(message);
}

} // namespace OpsDeck
