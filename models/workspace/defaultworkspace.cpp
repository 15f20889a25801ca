// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace/workspace.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace OpsDeck {

using namespace Qt::StringLiterals;

Workspace builtInWorkspace()
{
    Host local;
    local.name = QSysInfo::machineHostName();
    if (local.name.isEmpty())
        local.name = QStringLiteral("localhost");
    local.connection = ConnectionKind::Local;
    local.address = QStringLiteral("localhost");
    local.user = qEnvironmentVariable("USER");
    local.logs.append({QCoreApplication::translate("BuiltInWorkspace", "System journal"),
                       LogSource::Kind::Journald,
                       {},
                       {}});

    Environment environment;
    environment.name = QCoreApplication::translate("BuiltInWorkspace", "This computer");
    environment.description = QCoreApplication::translate(
        "BuiltInWorkspace", "The machine OpsDeck runs on, reached without SSH.");
    environment.hosts.append(local);

    Workspace workspace;
    workspace.name = QCoreApplication::translate("BuiltInWorkspace", "This computer");
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
