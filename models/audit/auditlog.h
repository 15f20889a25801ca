// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/audit/auditentry.h"
#include "models/persistence/statestore.h"

#include <QObject>

namespace OpsDeck {

// How a command ended, for AuditLog::finish().
struct AuditOutcome {
    std::optional<int> exitCode; // when it exited
    QString signalName;          // e.g. "SIGKILL" when it died of a signal
    qint64 durationMs = 0;
    qint64 outputBytes = 0;
    AuditStatus status = AuditStatus::Finished; // never Running
};

// The audit log's table (audit_log) in the state store: every command OpsDeck ran, written
// before it starts and completed when it ends. The log is append-only history: a row is written
// once as running and finished once.
//
// Each operation answers its own caller: done gets the result (or the error, naming the
// database file) in context's thread, never after context is destroyed. context must live in
// the log's thread. Writes are queued on the store's thread in the order asked for, and are
// written even when their context is gone by then.
class AuditLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLog)

public:
    template<typename T>
    using Done = StateStore::Done<T>;

    explicit AuditLog(StateStore *store, QObject *parent = nullptr);
    ~AuditLog() override;

    StateStore *store() const { return m_store; }

    // Inserts a 'running' row from host, remoteUser, command, risk, incidentId and startedAt
    // (invalid = now); other members are ignored. done gets the row id only once the row is
    // committed, so a command may be started when it arrives, and must not be started without.
    void begin(const AuditEntry &entry, QObject *context, Done<qint64> done);

    // Completes a running row (finished_at = now); done gets rowId. A row that is not running
    // (unknown, or already finished) is left alone and done gets an error.
    void finish(qint64 rowId, const AuditOutcome &outcome, QObject *context = nullptr,
                Done<qint64> done = {});

    // The matching rows, newest first.
    void query(const AuditQuery &query, QObject *context, Done<QList<AuditEntry>> done);

Q_SIGNALS:
    // A row was begun or finished (committed), by anyone using this log: for views of it.
    void rowWritten(qint64 rowId);

private:
    // Submits a write whose success is announced by rowWritten(), then answered to context.
    void write(StateStore::Work<qint64> work, QObject *context, Done<qint64> done);

    StateStore *m_store;
};

} // namespace OpsDeck
