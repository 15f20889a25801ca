// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backuphealthfeed.h"

#include "models/health/healthmonitor.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(BackupHealthFeed)
};

} // namespace

QList<CheckSpec> backupCheckSpecs(const Workspace &workspace)
{
    QList<CheckSpec> specs;
    for (const Environment &environment : workspace.environments) {
        for (const Host &host : environment.hosts) {
            for (const BackupLocation &location : host.backups) {
                CheckSpec spec;
                spec.id = environment.name + u'/' + host.name + u"/backups:"_s + location.name;
                spec.kind = CheckKind::Backup;
                spec.category = CheckCategory::Backups;
                spec.environment = environment.name;
                spec.host = host.name;
                spec.hostAddress = host.address;
                spec.subject = location.name;
                spec.title = Text::tr("%1 backups").arg(location.name);
                spec.intervalSeconds = location.intervalSeconds;
                spec.location = location.location;
                specs.append(spec);
            }
        }
    }
    return specs;
}

CheckResult backupCheckResult(const QString &checkId, const BackupLocationStatus &status)
{
    CheckResult result;
    result.checkId = checkId;
    result.time = status.listed.isValid() ? status.listed : QDateTime::currentDateTimeUtc();
    result.durationMs = status.durationMs;
    if (!status.error.isEmpty()) {
        result.verdict = Verdict::Unknown;
        result.error = Text::tr("backup location %1 on %2 (%3): %4")
                           .arg(status.location, status.host, status.where, status.error);
        result.summary = Text::tr("not listed: %1").arg(status.error);
        return result;
    }
    result.verdict = status.staleness.verdict >= 2   ? Verdict::Critical
                     : status.staleness.verdict == 1 ? Verdict::Warning
                                                     : Verdict::Ok;
    result.summary = status.staleness.sentence;
    CheckValue files;
    files.name = Text::tr("files");
    files.value = status.files;
    result.values.append(files);
    if (status.staleness.newest.isValid()) {
        CheckValue age;
        age.name = Text::tr("newest backup age");
        age.value = double(status.staleness.newest.secsTo(result.time)) / 3600.0;
        age.unit = u"h"_s;
        age.verdict = result.verdict;
        result.values.append(age);
    }
    return result;
}

BackupHealthFeed::BackupHealthFeed(BackupCatalog *catalog, HealthMonitor *health, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_health(health)
{
    connect(health, &HealthMonitor::workspaceChanged, this, &BackupHealthFeed::takeWorkspace);
    connect(catalog, &BackupCatalog::locationUpdated, this, &BackupHealthFeed::report);
}

void BackupHealthFeed::takeWorkspace()
{
    if (!m_catalog || !m_health)
        return;
    const Workspace &workspace = m_health->workspace();
    const QList<CheckSpec> specs = backupCheckSpecs(workspace);
    m_checkIds.clear();
    for (const CheckSpec &spec : specs)
        m_checkIds.insert(spec.host + u'/' + spec.subject, spec.id);
    m_health->setReportedChecks(BackupCheckSource.toString(), specs);
    m_catalog->setWorkspace(workspace);
    m_catalog->start();
    // Locations the catalog kept from the last workspace have a listing already.
    for (const BackupLocationStatus &status : m_catalog->locations()) {
        if (status.listed.isValid())
            report(status.key());
    }
}

void BackupHealthFeed::report(const QString &locationKey)
{
    if (!m_catalog || !m_health)
        return;
    const QString checkId = m_checkIds.value(locationKey);
    if (!checkId.isEmpty())
        m_health->reportResult(backupCheckResult(checkId, m_catalog->location(locationKey)));
}

} // namespace OpsDeck
