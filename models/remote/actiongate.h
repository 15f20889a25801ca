// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/risk.h"
#include "models/remote/commandrisk.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace OpsDeck {

class AuditLog;

// Why an action judged as judged may not run yet, or an empty string when it may: read-only
// mode refuses anything but Read, Change and Unknown need the operator's confirmation of that
// risk, Destroy also the target's name typed. CommandRunner and ActionGate both ask it.
QString gateRefusal(const ReadOnlyMode &readOnly, const RiskAssessment &judged, Risk confirmedRisk,
                    const QString &target, const QStringList &typedTargets);

// The actions OpsDeck does that are not commands, each with its fixed risk. The risk comes
// from this table, never from the caller.
struct ActionKind {
    QString id; // stable, stored in the audit row: "alertmanager.silence.create"
    Risk risk = Risk::Unknown;
};
// Every known kind, in a fixed order.
const QList<ActionKind> &knownActionKinds();
// The kind called id, or nullopt when there is none.
std::optional<ActionKind> actionKind(QStringView id);

// What the caller wants done, declared before it happens.
struct DeclaredAction {
    QString kind;        // an id from knownActionKinds()
    QString target;      // host, host:port or URL the action reaches: the audit row's host
    QString description; // what the audit row says it did: "silence alertname=X for 2 h"
    QStringList secrets; // texts masked out of the description before it is written
    std::optional<qint64> incidentId;
};

// What the operator confirmed in the dialog.
struct ActionConfirmation {
    Risk confirmedRisk = Risk::Read;
    QStringList typedTargets; // for Destroy: the target names the operator typed
};

// How an action ended: error empty when it did what it declared.
struct ActionOutcome {
    QString error;
    bool succeeded() const { return error.isEmpty(); }
};

// The safety gate for declared actions that are not commands (silence an alert, cancel a
// query, restore a backup): as CommandRunner does for commands, read-only mode refuses them,
// they need the operator's confirmation of their risk, and the audit log gets the row committed
// before the action starts and its outcome when it ends. An action whose row cannot be written
// does not run.
class ActionGate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionGate)

public:
    // The action is started with finish, which it calls exactly once with its outcome.
    using Finish = std::function<void(const ActionOutcome &)>;
    using Action = std::function<void(Finish finish)>;
    using Done = std::function<void(const ActionOutcome &)>;

    ActionGate(AuditLog *auditLog, ReadOnlyMode *readOnly, QObject *parent = nullptr);

    // Why run() would refuse the action now, or an empty string.
    QString refusal(const DeclaredAction &action, const ActionConfirmation &confirmation) const;

    // Starts action once the gate allows it and the audit row is committed; done gets the
    // outcome (or the refusal) in context's thread, always queued, never after context is gone.
    void run(const DeclaredAction &action, const ActionConfirmation &confirmation, QObject *context,
             Action start, Done done);

private:
    AuditLog *m_auditLog;
    ReadOnlyMode *m_readOnly;
};

} // namespace OpsDeck
