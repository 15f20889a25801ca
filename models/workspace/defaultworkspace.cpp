// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace OpsDeck {

using namespace Qt::StringLiterals;

Workspace builtInWorkspace()
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("BuiltInWorkspace", text);
    };
    Host local;
    local.name = QSysInfo::machineHostName();
    if (local.name.isEmpty())
        local.name = QStringLiteral("localhost");
    local.connection = ConnectionKind::Local;
    local.address = QStringLiteral("localhost");
    local.user = qEnvironmentVariable("USER");
    local.logs.append({tr("System journal"), LogSource::Kind::Journald, {}, {}});

    Environment environment;
    environment.name = tr("This computer");
    environment.description = tr("The machine OpsDeck runs on, reached without SSH.");
    environment.hosts.append(local);

    Workspace workspace;
    workspace.name = tr("This computer");
    workspace.environments.append(environment);
    // The levels most of our users' runbooks agree on ("Key Metrics" tables).
    workspace.thresholds = {
        {u"cpu_usage"_s, 70, 90, u"%"_s, Threshold::Direction::Above, {}},
        {u"memory_usage"_s, 80, 95, u"%"_s, Threshold::Direction::Above, {}},
        {u"disk_usage"_s, 80, 90, u"%"_s, Threshold::Direction::Above, {}},
    };
    return workspace;
}

} // namespace OpsDeck
