// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/commandrunner.h"

#include "models/core/risk.h"
#include "models/persistence/statestore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandRunner)
};

AuditStatus auditStatusFor(const CommandResult &result)
{
    switch (result.outcome) {
    case CommandResult::Outcome::Exited:
    case CommandResult::Outcome::Signalled:
    case CommandResult::Outcome::TimedOut:
        return AuditStatus::Finished;
    case CommandResult::Outcome::Cancelled:
        return AuditStatus::Cancelled;
    case CommandResult::Outcome::Failed:
        break;
    }
    return AuditStatus::Failed;
}

// A run that does nothing but report why it could not start.
class RefusedRun final : public CommandRun
{
public:
    RefusedRun(const QString &host, const QString &reason, QObject *parent)
        : CommandRun(host, parent)
    {
        // Queued, so callers can connect to finished() first.
        QTimer::singleShot(0, this, [this, reason] {
            CommandResult result;
            result.error = reason;
            finish(result);
        });
    }

protected:
    void doCancel() override {}
};

// Writes the audit row, starts the real run once the row is committed, forwards its output
// and completes the row with the outcome.
class AuditedRun final : public CommandRun
{
public:
    AuditedRun(StateStore *store, Executor *executor, const CommandRequest &request,
               std::optional<qint64> incidentId, QObject *parent)
        : CommandRun(executor->hostName(), parent)
        , m_store(store)
        , m_executor(executor)
        , m_request(request)
    {
        QObject::connect(store, &StateStore::auditStarted, this,
                         [this](quint64 requestId, qint64 rowId) {
                             if (requestId == m_beginRequest)
                                 onAuditRowWritten(rowId);
                         });
        QObject::connect(
            store, &StateStore::failed, this, [this](quint64 requestId, const QString &message) {
                if (requestId != m_beginRequest)
                    return;
                CommandResult result;
                result.error =
                    Text::tr("Not run: the audit log cannot be written (%1).").arg(message);
                finish(result);
            });
        AuditEntry entry;
        entry.host = executor->hostName();
        entry.remoteUser = executor->userName();
        entry.command = request.displayText();
        entry.risk = request.risk;
        entry.incidentId = incidentId;
        m_beginRequest = store->beginAudit(entry);
    }

protected:
    void doCancel() override
    {
        if (m_inner)
            m_inner->cancel();
        // Before the row was written there is nothing running: onAuditRowWritten() closes it.
    }

private:
    void onAuditRowWritten(qint64 rowId)
    {
        m_rowId = rowId;
        if (isCancelling() || !m_executor) {
            complete(CommandResult{CommandResult::Outcome::Cancelled, -1, {}, {}, 0, 0});
            return;
        }
        m_inner = m_executor->start(m_request, this);
        QObject::connect(m_inner, &CommandRun::started, this, [this] { markStarted(); });
        QObject::connect(m_inner, &CommandRun::standardOutput, this,
                         [this](const QByteArray &data) { deliverOutput(data); });
        QObject::connect(m_inner, &CommandRun::standardError, this,
                         [this](const QByteArray &data) { deliverError(data); });
        QObject::connect(m_inner, &CommandRun::finished, this,
                         [this](const CommandResult &result) { complete(result); });
    }

    void complete(const CommandResult &result)
    {
        m_store->finishAudit(m_rowId,
                             result.outcome == CommandResult::Outcome::Exited
                                 ? std::optional<int>(result.exitCode)
                                 : std::nullopt,
                             result.signalName, m_inner ? m_inner->result().durationMs : 0,
                             m_inner ? m_inner->result().outputBytes : 0, auditStatusFor(result));
        finish(result);
    }

    StateStore *m_store;
    QPointer<Executor> m_executor;
    CommandRequest m_request;
    quint64 m_beginRequest = 0;
    qint64 m_rowId = 0;
    CommandRun *m_inner = nullptr;
};

} // namespace

CommandRunner::CommandRunner(StateStore *store, ReadOnlyMode *readOnly, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_readOnly(readOnly)
{
}

CommandRunner::~CommandRunner() = default;

CommandRun *CommandRunner::run(Executor *executor, const CommandRequest &request, QObject *owner,
                               std::optional<qint64> incidentId)
{
    if (const QString invalid = validateRequest(request); !invalid.isEmpty())
        return new RefusedRun(executor->hostName(), invalid, owner);
    if (const QString refusal = m_readOnly->refusal(request.risk); !refusal.isEmpty())
        return new RefusedRun(executor->hostName(), refusal, owner);
    return new AuditedRun(m_store, executor, request, incidentId, owner);
}

} // namespace OpsDeck
