// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/remote/executor.h"

#include <optional>

namespace OpsDeck {

class AuditLog;
class ReadOnlyMode;

// The one way OpsDeck runs a command. Read-only mode refuses anything not marked Read; the
// audit log gets its row committed before the command starts and its outcome when it ends;
// a command whose audit row cannot be written does not run.
class CommandRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandRunner)

public:
    CommandRunner(AuditLog *auditLog, ReadOnlyMode *readOnly, QObject *parent = nullptr);
    ~CommandRunner() override;

    // Never null. A refused or invalid request comes back as a run that finishes (queued)
    // with Outcome::Failed and the reason.
    CommandRun *run(Executor *executor, const CommandRequest &request, QObject *owner,
                    std::optional<qint64> incidentId = {});

private:
    AuditLog *m_auditLog;
    ReadOnlyMode *m_readOnly;
};

} // namespace OpsDeck
