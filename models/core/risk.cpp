// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/risk.h"

#include <QCoreApplication>

namespace OpsDeck {

ReadOnlyMode::ReadOnlyMode(bool enabled, QObject *parent)
    : QObject(parent)
    , m_enabled(enabled)
{
}

void ReadOnlyMode::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    Q_EMIT changed(enabled);
}

QString ReadOnlyMode::refusal(Risk risk) const
{
    if (permits(risk))
        return {};
    return tr("Read-only mode is on: only actions that read are allowed. Turn it off in the "
              "toolbar or with Ctrl+Shift+R to make changes.");
}

QString riskId(Risk risk)
{
    switch (risk) {
    case Risk::Read:
        return QStringLiteral("read");
    case Risk::Change:
        return QStringLiteral("change");
    case Risk::Unknown:
        return QStringLiteral("unknown");
    case Risk::Destroy:
        return QStringLiteral("destroy");
    }
    return {};
}

QString riskName(Risk risk)
{
    switch (risk) {
    case Risk::Read:
        return QCoreApplication::translate("Risk", "Read");
    case Risk::Change:
        return QCoreApplication::translate("Risk", "Change");
    case Risk::Unknown:
        return QCoreApplication::translate("Risk", "Unknown");
    case Risk::Destroy:
        return QCoreApplication::translate("Risk", "Destroy");
    }
    return {};
}

std::optional<Risk> riskFromId(QStringView name)
{
    for (const Risk risk : {Risk::Read, Risk::Change, Risk::Unknown, Risk::Destroy}) {
        if (name == riskId(risk))
            return risk;
    }
    return std::nullopt;
}

} // namespace OpsDeck
