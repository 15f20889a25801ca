// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/audit/auditchain.h"
#include "models/audit/auditentry.h"
#include "models/persistence/statestore.h"

#include <QList>
#include <QObject>

#include <memory>

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
// once as running and finished once; triggers in the schema refuse anything else, and each row
// is hash-chained to the one before (see AuditChain), so verify() finds rows changed or removed
// behind OpsDeck's back.
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
    // (unknown, or already finished) is left alone and done gets an error. A write that fails
    // (the file locked by another program past the busy timeout, a full disk) is tried again
    // after each of finishRetryDelays(), on the store's thread; what still fails is answered and
    // reported through writeFailed(), also when nobody waits for the answer.
    void finish(qint64 rowId, const AuditOutcome &outcome, QObject *context = nullptr,
                Done<qint64> done = {});

    // The matching rows, newest first.
    void query(const AuditQuery &query, QObject *context, Done<QList<AuditEntry>> done);

    // Walks the whole hash chain on the store's thread, a thousand rows per job so commands
    // still get their rows written meanwhile; done gets the report, or why the log could not be
    // read.
    void verify(QObject *context, Done<AuditChainReport> done);

    // Waits between the attempts of finish(), in milliseconds; also their number.
    QList<int> finishRetryDelays() const { return m_finishRetryDelays; }
    void setFinishRetryDelays(const QList<int> &delaysMs) { m_finishRetryDelays = delaysMs; }

Q_SIGNALS:
    // A row was begun or finished (committed), by anyone using this log: for views of it.
    void rowWritten(qint64 rowId);
    // The end of a command could not be written to the log, even after retrying: message names
    // the row, the database file and the reason. The main window and the command line show it.
    void writeFailed(const QString &message);

private:
    enum class OnFailure { AnswerOnly, Report };
    // Submits a write whose success is announced by rowWritten(), then answered to context.
    void write(StateStore::Work<qint64> work, QObject *context, Done<qint64> done,
               OnFailure onFailure = OnFailure::AnswerOnly);
    void verifyMore(const std::shared_ptr<AuditChainVerifier> &verifier, QObject *context,
                    Done<AuditChainReport> done);

    StateStore *m_store;
    QList<int> m_finishRetryDelays{250, 1000, 4000};
};

} // namespace OpsDeck
