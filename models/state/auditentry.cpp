// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditentry.h"

namespace OpsDeck {

QString auditRiskName(AuditRisk risk)
{
    switch (risk) {
    case AuditRisk::Read:
        return QStringLiteral("read");
    case AuditRisk::Change:
        return QStringLiteral("change");
    case AuditRisk::Destroy:
        return QStringLiteral("destroy");
    }
    return {};
}

std::optional<AuditRisk> auditRiskFromName(QStringView name)
{
    for (const AuditRisk risk : {AuditRisk::Read, AuditRisk::Change, AuditRisk::Destroy}) {
        if (name == auditRiskName(risk))
            return risk;
    }
    return std::nullopt;
}

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
