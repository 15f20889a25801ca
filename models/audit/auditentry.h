// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/risk.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace OpsDeck {

// Where a command's life stands; stored as 'running', 'finished', 'failed', 'cancelled'.
enum class AuditStatus {
    Running,   // the row is written before the command starts
    Finished,  // the command ran to its end (whatever its exit code)
    Failed,    // it could not be started or the connection broke
    Cancelled, // the user stopped it
};

QString auditStatusName(AuditStatus status);
std::optional<AuditStatus> auditStatusFromName(QStringView name);

// One row of the audit log: one command run on one host.
struct AuditEntry {
    qint64 id = 0;        // row id, assigned by the store
    QDateTime startedAt;  // stored as ISO-8601 UTC with milliseconds; invalid = now
    QDateTime finishedAt; // invalid while running
    QString host;
    QString remoteUser; // empty when unknown or local
    QString command;    // already masked by the caller: secrets never reach the log
    Risk risk = Risk::Read;
    std::optional<int> exitCode;
    QString signalName; // e.g. "SIGKILL" when the command died of a signal
    std::optional<qint64> durationMs;
    std::optional<qint64> outputBytes;
    std::optional<qint64> incidentId;
    AuditStatus status = AuditStatus::Running;

    friend bool operator==(const AuditEntry &, const AuditEntry &) = default;
};

// What AuditLog::query() returns, newest first. Empty / invalid members do not filter.
struct AuditQuery {
    QString host;     // exact host name
    QString text;     // substring of the command, case-insensitive for ASCII
    QDateTime from;   // started_at >= from
    QDateTime to;     // started_at < to
    int limit = 1000; // <= 0: no limit
};

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::AuditEntry)
Q_DECLARE_METATYPE(OpsDeck::AuditQuery)
