// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/remote/actiongate.h"

#include "models/audit/auditlog.h"
#include "models/core/secretvalues.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace OpsDeck {

using namespace Qt::StringLiterals;

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ActionGate)
};

// Answers done in context's thread, after the caller has returned.
void answerLater(QObject *context, const ActionGate::Done &done, const ActionOutcome &outcome)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        context,
        [guard, done, outcome] {
            if (guard && done)
                done(outcome);
        },
        Qt::QueuedConnection);
}

} // namespace

QString gateRefusal(const ReadOnlyMode &readOnly, const RiskAssessment &judged, Risk confirmedRisk,
                    const QString &target, const QStringList &typedTargets)
{
    if (const QString refusal = readOnly.refusal(judged.risk); !refusal.isEmpty())
        return Text::tr("%1 (%2)").arg(refusal, judged.reason);
    if (int(confirmedRisk) < int(judged.risk))
        return Text::tr("Not run: this needs confirming as %1 first (%2).")
            .arg(riskName(judged.risk), judged.reason);
    if (judged.risk == Risk::Destroy && !typedTargets.contains(target))
        return Text::tr("Not run: this can destroy data on %1; its name must be typed to confirm "
                        "(%2).")
            .arg(target, judged.reason);
    return {};
}

const QList<ActionKind> &knownActionKinds()
{
    static const QList<ActionKind> kinds{
        {u"alertmanager.silence.create"_s, Risk::Change},
        {u"alertmanager.silence.expire"_s, Risk::Change},
        {u"postgres.query.cancel"_s, Risk::Change},
        {u"postgres.backend.terminate"_s, Risk::Destroy},
        {u"postgres.idle.terminate"_s, Risk::Destroy},
        {u"postgres.table.vacuum"_s, Risk::Change},
        {u"postgres.statements.reset"_s, Risk::Change},
        {u"backup.restore"_s, Risk::Destroy},
        // Creates a scratch database, restores into it, drops it again.
        {u"backup.test-restore"_s, Risk::Change},
        {u"backup.create"_s, Risk::Change},
        {u"backup.files.delete"_s, Risk::Destroy},
    };
    return kinds;
}

std::optional<ActionKind> actionKind(QStringView id)
{
    for (const ActionKind &kind : knownActionKinds()) {
        if (kind.id == id)
            return kind;
    }
    return std::nullopt;
}

ActionGate::ActionGate(AuditLog *auditLog, ReadOnlyMode *readOnly, QObject *parent)
    : QObject(parent)
    , m_auditLog(auditLog)
    , m_readOnly(readOnly)
{
}

QString ActionGate::refusal(const DeclaredAction &action,
                            const ActionConfirmation &confirmation) const
{
    const std::optional<ActionKind> kind = actionKind(action.kind);
    if (!kind)
        return Text::tr("Not run: \"%1\" is not a known kind of action.").arg(action.kind);
    if (action.target.isEmpty())
        return Text::tr("Not run: the action \"%1\" names no target.").arg(action.kind);
    const RiskAssessment judged{kind->risk,
                                Text::tr("%1 is a %2 action").arg(kind->id, riskName(kind->risk))};
    return gateRefusal(*m_readOnly, judged, confirmation.confirmedRisk, action.target,
                       confirmation.typedTargets);
}

void ActionGate::run(const DeclaredAction &action, const ActionConfirmation &confirmation,
                     QObject *context, Action start, Done done)
{
    if (const QString refused = refusal(action, confirmation); !refused.isEmpty()) {
        answerLater(context, done, {refused});
        return;
    }
    AuditEntry entry;
    entry.host = action.target;
    entry.command = maskSecrets(u"%1: %2"_s.arg(action.kind, action.description), action.secrets);
    entry.risk = actionKind(action.kind)->risk;
    entry.incidentId = action.incidentId;
    AuditLog *auditLog = m_auditLog;
    QPointer<QObject> guard(context);
    // The row is begun in the gate's context, so the action still ends in the log when the
    // caller's context goes away meanwhile.
    auditLog->begin(
        entry, this,
        [auditLog, guard, start = std::move(start), done](const StoreResult<qint64> &rowId) {
            if (!rowId) {
                if (guard && done)
                    done({Text::tr("Not run: the audit log cannot be written (%1).")
                              .arg(rowId.error())});
                return;
            }
            auto elapsed = std::make_shared<QElapsedTimer>();
            elapsed->start();
            auto finished = std::make_shared<bool>(false);
            start([auditLog, rowId = *rowId, guard, done, elapsed,
                   finished](const ActionOutcome &outcome) {
                if (*finished)
                    return;
                *finished = true;
                AuditOutcome audited;
                audited.status = outcome.succeeded() ? AuditStatus::Finished : AuditStatus::Failed;
                audited.exitCode = outcome.succeeded() ? 0 : 1;
                audited.durationMs = elapsed->elapsed();
                auditLog->finish(rowId, audited);
                if (guard && done)
                    done(outcome);
            });
        });
}

} // namespace OpsDeck
