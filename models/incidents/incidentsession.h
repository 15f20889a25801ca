// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/incidents/incident.h"
#include "models/remote/executor.h"

#include <QObject>

namespace OpsDeck {

class IncidentStore;
class IncidentTimelineModel;

// Drives one incident: declares or resumes it, and writes everything that happens to it into
// the incident store as it happens.
//
// Nothing is shown before it is committed: incident() and events() (and the timeline model)
// change only when the store confirms the write, so whatever a user has seen survives a
// crash. Every change to the record (status, severity, fields) is written together with its
// line in the timeline, in one transaction.
//
// The action methods return at once; false means the action was refused (failed() says why)
// and nothing was written. Actions need an incident: declare() or resume() first and wait for
// changed() with hasIncident() true.
//
// Field edits record a FieldChanged line each time the value really changes, with the new
// value as the line's output, so the timeline shows how the record evolved. Call setField()
// when an edit is committed (editing finished, Save), not on every keystroke.
class IncidentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentSession)

public:
    explicit IncidentSession(IncidentStore *store, QObject *parent = nullptr);
    ~IncidentSession() override;

    // Writes a new incident (declaredAt invalid = now) and its Declared line, then firstNote
    // (what led to it, such as a red check's evidence) as a note when there is one. Refused
    // when this session already has an incident or is opening one, or without a title.
    bool declare(const Incident &incident, const QString &firstNote = {});
    // Loads an incident and its timeline, for example the open one after a restart.
    bool resume(qint64 incidentId);
    // Lets go of the incident (it stays in the store), so the session can declare or resume
    // another. Refused while a write is still on its way.
    bool release();

    // Refuses transitions that isAllowedTransition() forbids; the same status is a no-op.
    // Resolved stamps resolvedAt (also when jumping straight to Closed), Closed stamps
    // closedAt, and reopening clears resolvedAt.
    bool setStatus(IncidentStatus status);
    bool setSeverity(IncidentSeverity severity);
    // Services as a comma-separated list (setServices() takes names with commas). An
    // unchanged value is a no-op.
    bool setField(IncidentField field, const QString &value);
    bool setServices(const QStringList &services);
    bool setImpact(const QString &text) { return setField(IncidentField::Impact, text); }
    bool setRootCause(const QString &text) { return setField(IncidentField::RootCause, text); }
    bool setDetection(const QString &text) { return setField(IncidentField::Detection, text); }
    bool setLessons(const QString &text) { return setField(IncidentField::Lessons, text); }
    bool setActionItems(const QString &text) { return setField(IncidentField::ActionItems, text); }

    bool addNote(const QString &text);
    // Lines of a log quoted on the timeline (a note): "Log lines 120–124 of web-1: syslog", the
    // lines in full as its output. Lines are numbered as people count them (from 1).
    bool addLogExcerpt(const QString &source, qint64 firstLine, qint64 lastLine,
                       const QString &lines);
    // One command run on a host: "Ran on web-1: exit 0 in 1.2 s", output kept in full.
    bool recordStepRun(const QString &host, const QString &command, const CommandResult &result,
                       const QString &output);
    // who: the escalation step's notify (a contact's name or role); it is the line's subject,
    // which EscalationReminders reads to not remind twice. details: how they were reached.
    bool recordEscalation(const QString &who, const QString &details = {});
    // templateName: a communication template id ("update", ...) or any name; text: the
    // message as sent.
    bool recordCommunication(const QString &templateName, const QString &text);

    // Who writes the timeline lines; defaults to the local user ($USER).
    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    // The record as committed.
    const Incident &incident() const { return m_incident; }
    const QList<IncidentEvent> &events() const { return m_events; }
    bool hasIncident() const { return m_incident.id > 0; }
    // Has an incident that is not closed.
    bool isActive() const { return hasIncident() && m_incident.isOpen(); }
    // Waiting for the store to create or load the incident.
    bool isOpening() const { return m_opening; }
    IncidentTimelineModel *timelineModel() const { return m_timeline; }

Q_SIGNALS:
    // A line was committed to the timeline. A resumed incident's lines come at once through
    // changed(), not one by one.
    void eventRecorded(const OpsDeck::IncidentEvent &event);
    // incident() or events() changed, after a commit or a load.
    void changed();
    // An action was refused or the store could not write or read; the message says which.
    void failed(const QString &message);

private:
    // An update on its way: the record as it will be once committed.
    struct PendingUpdate {
        quint64 serial = 0;
        Incident incident;
    };

    bool ensureIncident();
    bool ensureNoIncident();
    // Writes next with a FieldChanged line; a no-op when nothing changed.
    bool writeFieldChange(IncidentField field, const Incident &next);
    // Writes next (the latest wish) with its timeline line in one transaction.
    void writeUpdate(const Incident &next, IncidentEvent event);
    bool append(IncidentEvent event);
    IncidentEvent newEvent(IncidentEvent::Kind kind, const QString &summary) const;
    void commitEvent(const IncidentEvent &event);

    void onCreated(Incident incident, const IncidentEvent &declaration, const QString &firstNote);
    void onLoaded(const Incident &incident, const QList<IncidentEvent> &events);
    void onUpdated(quint64 serial, const Incident &incident, const IncidentEvent &event,
                   qint64 eventId);
    void onUpdateFailed(quint64 serial, const QString &message);

    IncidentStore *m_store;
    IncidentTimelineModel *m_timeline;
    Incident m_incident; // committed
    Incident m_wanted;   // committed plus the updates still on their way: the base of the next
    QList<IncidentEvent> m_events;
    QList<PendingUpdate> m_pendingUpdates; // in request order, to roll m_wanted back on failure
    quint64 m_lastSerial = 0;
    int m_inFlight = 0; // writes and reads the store has not answered yet
    QString m_author;
    bool m_opening = false;
};

} // namespace OpsDeck
