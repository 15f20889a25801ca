// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/audit/auditentry.h"

namespace OpsDeck {

QString auditStatusName(AuditStatus status)
{
    switch (status) {
    case AuditStatus::Running:
        return QStringLiteral("running");
    case AuditStatus::Finished:
        return QStringLiteral("finished");
    case AuditStatus::Failed:
        return QStringLiteral("failed");
    case AuditStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<AuditStatus> auditStatusFromName(QStringView name)
{
    for (const AuditStatus status : {AuditStatus::Running, AuditStatus::Finished,
                                     AuditStatus::Failed, AuditStatus::Cancelled}) {
        if (name == auditStatusName(status))
            return status;
    }
    return std::nullopt;
}

} // namespace OpsDeck
