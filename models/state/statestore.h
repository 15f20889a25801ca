// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditentry.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <optional>

namespace OpsDeck {

class StateStoreWorker;

// The application's own SQLite database (WAL): audit log now; incidents, timelines, step runs
// and metric samples later.
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

Q_SIGNALS:
    void opened(quint64 requestId, bool ok, const QString &error);
    void auditStarted(quint64 requestId, qint64 rowId);
    void auditFinished(quint64 requestId, qint64 rowId);
    void auditQueried(quint64 requestId, const QList<OpsDeck::AuditEntry> &entries);
    // Any request but open(); the message names what failed and the database file.
    void failed(quint64 requestId, const QString &message);

private:
    quint64 nextRequestId() { return ++m_lastRequestId; }

    QThread m_thread;
    StateStoreWorker *m_worker; // lives in m_thread; deleted there by the destructor
    std::atomic<quint64> m_lastRequestId{0};
};

} // namespace OpsDeck
