// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/commandrunner.h"

#include "models/audit/auditlog.h"
#include "models/core/risk.h"
#include "models/remote/actiongate.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace OpsDeck {

using namespace Qt::StringLiterals;

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
    AuditedRun(AuditLog *auditLog, Executor *executor, const CommandRequest &request,
               std::optional<qint64> incidentId, QObject *parent)
        : CommandRun(executor->hostName(), parent)
        , m_auditLog(auditLog)
        , m_executor(executor)
        , m_request(request)
    {
        AuditEntry entry;
        entry.host = executor->hostName();
        entry.remoteUser = executor->userName();
        entry.command = request.displayText();
        entry.risk = request.risk;
        entry.incidentId = incidentId;
        auditLog->begin(entry, this, [this](const StoreResult<qint64> &rowId) {
            if (rowId) {
                onAuditRowWritten(*rowId);
                return;
            }
            CommandResult result;
            result.error =
                Text::tr("Not run: the audit log cannot be written (%1).").arg(rowId.error());
            finish(result);
        });
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
        AuditOutcome outcome;
        if (result.outcome == CommandResult::Outcome::Exited)
            outcome.exitCode = result.exitCode;
        outcome.signalName = result.signalName;
        outcome.durationMs = m_inner ? m_inner->result().durationMs : 0;
        outcome.outputBytes = m_inner ? m_inner->result().outputBytes : 0;
        outcome.status = auditStatusFor(result);
        // Written even when this run is deleted right after finish(); nobody waits for it.
        m_auditLog->finish(m_rowId, outcome);
        finish(result);
    }

    AuditLog *m_auditLog;
    QPointer<Executor> m_executor;
    CommandRequest m_request;
    qint64 m_rowId = 0;
    CommandRun *m_inner = nullptr;
};

} // namespace

CommandRunner::CommandRunner(AuditLog *auditLog, ReadOnlyMode *readOnly, QObject *parent)
    : QObject(parent)
    , m_auditLog(auditLog)
    , m_readOnly(readOnly)
{
}

CommandRunner::~CommandRunner() = default;

RiskAssessment CommandRunner::assess(const CommandRequest &request)
{
    RiskAssessment judged =
        request.argv.isEmpty() ? assessCommandRisk(request.script) : assessArgv(request.argv);
    for (auto it = request.environment.cbegin(); it != request.environment.cend(); ++it) {
        if (!isHarmlessEnvironmentName(it.key()) && int(judged.risk) < int(Risk::Unknown))
            judged = {
                Risk::Unknown,
                Text::tr("`%1` in the environment can change what a program does").arg(it.key())};
    }
    if (int(request.risk) > int(judged.risk))
        judged = {request.risk, Text::tr("the action is declared %1").arg(riskName(request.risk))};
    return judged;
}

CommandRun *CommandRunner::run(Executor *executor, const CommandRequest &request, QObject *owner,
                               std::optional<qint64> incidentId)
{
    if (const QString invalid = validateRequest(request); !invalid.isEmpty())
        return new RefusedRun(executor->hostName(), invalid, owner);
    const RiskAssessment judged = assess(request);
    if (const QString refused = gateRefusal(*m_readOnly, judged, request.confirmedRisk,
                                            executor->hostName(), request.confirmedHosts);
        !refused.isEmpty())
        return new RefusedRun(executor->hostName(), refused, owner);
    CommandRequest gated = request;
    gated.risk = judged.risk;
    // What is judged Read (and everything in read-only mode) reaches PostgreSQL in read-only
    // transactions: psql and libpq programs then refuse to write even if the judgement were
    // wrong.
    if (judged.risk == Risk::Read || m_readOnly->isEnabled())
        gated.environment.insert(u"PGOPTIONS"_s, u"-c default_transaction_read_only=on"_s);
    return new AuditedRun(m_auditLog, executor, gated, incidentId, owner);
}

} // namespace OpsDeck
