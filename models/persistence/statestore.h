// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/audit/auditentry.h"
#include "models/incidents/incident.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <optional>

namespace OpsDeck {

class StateStoreWorker;

// The application's own SQLite database (WAL): audit log, incidents and their timelines; step
// runs and metric samples later.
//
// Every call returns at once with a request id (never 0) and queues the work on the store's
// own thread, where the one QSqlDatabase connection lives; the answer comes back as a signal
// carrying that id, emitted in the thread the store belongs to. Requests run in the order they
// were made, so calls made right after open() need not wait for opened(). Callers keep the ids
// they care about and drop answers to ids they no longer expect.
//
// The destructor waits for the requests already queued (audit rows must not be lost), so
// destroy the store at shutdown, not in response to a user action.
class StateStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateStore)

public:
    explicit StateStore(QObject *parent = nullptr);
    ~StateStore() override;

    // Opens (creating if needed) and migrates the database; an empty path means
    // Paths::stateDatabaseFile(). Answered by opened(), never by failed(). Opening again
    // closes the previous file first.
    quint64 open(const QString &path = {});

    // Inserts a 'running' row from host, remoteUser, command, risk, incidentId and startedAt
    // (invalid = now); other members are ignored. auditStarted() is emitted only once the row is
    // committed, so a command may be started when it arrives.
    quint64 beginAudit(const AuditEntry &entry);

    // Completes a running row: finished_at = now. A row that is not running (unknown, or
    // already finished) is left alone and failed() is emitted: the log is append-only history.
    quint64 finishAudit(qint64 rowId, std::optional<int> exitCode, const QString &signalName,
                        qint64 durationMs, qint64 outputBytes, AuditStatus status);

    // Answered by auditQueried() with the matching rows, newest first.
    quint64 queryAudit(const AuditQuery &query);

    // Incidents. Every write is committed before its answer is emitted, so whatever a caller
    // shows after the answer survives a crash, SIGKILL included.

    // Inserts the incident (its id is ignored; declaredAt invalid = now) together with its
    // Declared event (declarationEvent()) in one transaction. Answered by incidentCreated().
    quint64 createIncident(const Incident &incident);
    // Rewrites the row incident.id and, when given, appends event (its incidentId is set) in
    // the same transaction, so a status change and its line in the timeline are never apart.
    // Answered by incidentUpdated(); an unknown id fails.
    quint64 updateIncident(const Incident &incident,
                           const std::optional<IncidentEvent> &event = std::nullopt);
    // Appends one line to the incident's timeline (at invalid = now). Answered by
    // incidentEventAppended(); an unknown incident fails.
    quint64 appendIncidentEvent(const IncidentEvent &event);
    // Answered by incidentLoaded() with the incident and its timeline in the order written.
    quint64 loadIncident(qint64 incidentId);
    // Answered by incidentsQueried(), newest declaration first. Open: not closed.
    quint64 queryIncidents(bool openOnly);

Q_SIGNALS:
    void opened(quint64 requestId, bool ok, const QString &error);
    void auditStarted(quint64 requestId, qint64 rowId);
    void auditFinished(quint64 requestId, qint64 rowId);
    void auditQueried(quint64 requestId, const QList<OpsDeck::AuditEntry> &entries);
    // declaration: the Declared event as written, with its id.
    void incidentCreated(quint64 requestId, qint64 incidentId,
                         const OpsDeck::IncidentEvent &declaration);
    // eventId: the event written with the update, 0 when there was none.
    void incidentUpdated(quint64 requestId, qint64 incidentId, qint64 eventId);
    void incidentEventAppended(quint64 requestId, qint64 eventId);
    void incidentLoaded(quint64 requestId, const OpsDeck::Incident &incident,
                        const QList<OpsDeck::IncidentEvent> &events);
    void incidentsQueried(quint64 requestId, const QList<OpsDeck::Incident> &incidents);
    // Any request but open(); the message names what failed and the database file.
    void failed(quint64 requestId, const QString &message);

private:
    quint64 nextRequestId() { return ++m_lastRequestId; }
    // Queues work(worker, requestId) on the store's thread; returns the request id.
    template<typename Work>
    quint64 enqueue(Work work);

    QThread m_thread;
    StateStoreWorker *m_worker; // lives in m_thread; deleted there by the destructor
    std::atomic<quint64> m_lastRequestId{0};
};

} // namespace OpsDeck
