// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/commandrisk.h"
#include "models/remote/executor.h"

#include <optional>

namespace OpsDeck {

class AuditLog;
class ReadOnlyMode;

// The one way OpsDeck runs a command, and the safety gate in front of it. It judges the risk
// from the exact text that will run (never from what the caller says); read-only mode refuses
// anything but Read; Change and Unknown run only when the request carries the operator's
// confirmation of that risk, and Destroy only for hosts whose names were typed. The audit
// log gets its row committed before the command starts and its outcome when it ends; a
// command whose audit row cannot be written does not run.
class CommandRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandRunner)

public:
    CommandRunner(AuditLog *auditLog, ReadOnlyMode *readOnly, QObject *parent = nullptr);
    ~CommandRunner() override;

    // What the request does, judged as run() will judge it: for the question to ask first.
    static RiskAssessment assess(const CommandRequest &request);

    // Never null. A refused or invalid request comes back as a run that finishes (queued)
    // with Outcome::Failed and the reason.
    CommandRun *run(Executor *executor, const CommandRequest &request, QObject *owner,
                    std::optional<qint64> incidentId = {});

private:
    AuditLog *m_auditLog;
    ReadOnlyMode *m_readOnly;
};

} // namespace OpsDeck
