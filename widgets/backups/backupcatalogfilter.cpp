// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/backups/backupcatalogfilter.h"

#include "models/backups/backupcatalogmodel.h"

namespace OpsDeck {

BackupCatalogFilter::BackupCatalogFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(KeyedTableRole::Sort);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void BackupCatalogFilter::setCatalog(BackupCatalogModel *catalog)
{
    m_catalog = catalog;
    setSourceModel(catalog);
}

void BackupCatalogFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    changed();
}

void BackupCatalogFilter::setKind(const QString &kind)
{
    m_kind = kind;
    changed();
}

void BackupCatalogFilter::setLocations(const QSet<QString> &locationKeys)
{
    m_locations = locationKeys;
    changed();
}

void BackupCatalogFilter::setStaleLocations(const QSet<QString> &locationKeys)
{
    if (m_stale == locationKeys)
        return;
    m_stale = locationKeys;
    if (m_onlyStale)
        changed();
}

void BackupCatalogFilter::setOnlyFailed(bool on)
{
    m_onlyFailed = on;
    changed();
}

void BackupCatalogFilter::setOnlyUnverified(bool on)
{
    m_onlyUnverified = on;
    changed();
}

void BackupCatalogFilter::setOnlyStale(bool on)
{
    m_onlyStale = on;
    changed();
}

void BackupCatalogFilter::changed()
{
    // Qt 6.4 has no begin/endFilterChange yet.
    invalidateFilter();
}

const BackupCatalogRow *BackupCatalogFilter::rowAt(const QModelIndex &index) const
{
    if (!m_catalog || !index.isValid())
        return nullptr;
    const QModelIndex source = mapToSource(index);
    return source.isValid() ? &m_catalog->rowAt(source.row()) : nullptr;
}

bool BackupCatalogFilter::isFailed(const BackupCatalogRow &row)
{
    return row.verification && effectiveVerdict(*row.verification) == VerificationVerdict::Failed;
}

bool BackupCatalogFilter::isUnverified(const BackupCatalogRow &row)
{
    return !row.verification || effectiveVerdict(*row.verification) == VerificationVerdict::TocOnly;
}

bool BackupCatalogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_catalog || sourceParent.isValid())
        return false;
    const BackupCatalogRow &row = m_catalog->rowAt(sourceRow);
    const BackupFile &file = row.file;
    const QString locationKey = file.host + u'/' + file.location;
    if (!m_locations.isEmpty() && !m_locations.contains(locationKey))
        return false;
    if (!m_kind.isEmpty()) {
        if (m_kind == DatabaseDumps ? !file.isDatabaseDump()
                                    : backupFormatId(file.format) != m_kind)
            return false;
    }
    if (!m_text.isEmpty() && !file.name().contains(m_text, Qt::CaseInsensitive) &&
        !file.database.contains(m_text, Qt::CaseInsensitive) &&
        !file.host.contains(m_text, Qt::CaseInsensitive))
        return false;
    if (m_onlyFailed || m_onlyUnverified || m_onlyStale) {
        const bool wanted = (m_onlyFailed && isFailed(row)) ||
                            (m_onlyUnverified && isUnverified(row)) ||
                            (m_onlyStale && m_stale.contains(locationKey));
        if (!wanted)
            return false;
    }
    return true;
}

} // namespace OpsDeck
