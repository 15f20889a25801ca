// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupcatalog.h"
#include "models/health/checkplan.h"
#include "models/health/checkresult.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace OpsDeck {

class HealthMonitor;

// The reporter name the backup checks are declared under (HealthMonitor::setReportedChecks).
inline constexpr QStringView BackupCheckSource = u"backups";

// One Dashboard check per backup location of the workspace: kind Backup, category Backups,
// id "ENV/HOST/backups:NAME".
QList<CheckSpec> backupCheckSpecs(const Workspace &workspace);
// What the location's last listing says as that check's result: its staleness verdict and
// sentence; Unknown when it could not be listed (the error says why and where).
CheckResult backupCheckResult(const QString &checkId, const BackupLocationStatus &status);

// Feeds the backup catalog's staleness to the Dashboard: on each workspace the health monitor
// takes, the catalog gets it too and lists every location at its interval; each listing
// becomes a result of that location's check. The health domain knows nothing of backups.
class BackupHealthFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupHealthFeed)

public:
    BackupHealthFeed(BackupCatalog *catalog, HealthMonitor *health, QObject *parent = nullptr);

private:
    void takeWorkspace();
    void report(const QString &locationKey);

    QPointer<BackupCatalog> m_catalog;
    QPointer<HealthMonitor> m_health;
    QHash<QString, QString> m_checkIds; // BackupLocationStatus::key() -> check id
};

} // namespace OpsDeck
