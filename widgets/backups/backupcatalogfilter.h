// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

namespace OpsDeck {

class BackupCatalogModel;
struct BackupCatalogRow;

// The catalog as the Backups page shows it: narrowed to the chosen locations, a text (file
// name, database, host), a kind, and the problem toggles; sorted by KeyedTableRole::Sort.
// The problem toggles add up: with "failed" and "stale" on, a row shows when it is either.
class BackupCatalogFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupCatalogFilter)

public:
    // Kind filter ids besides backupFormatId(): every kind, and every database dump format.
    static constexpr QStringView AnyKind = u"";
    static constexpr QStringView DatabaseDumps = u"dumps";

    explicit BackupCatalogFilter(QObject *parent = nullptr);

    void setCatalog(BackupCatalogModel *catalog);
    void setText(const QString &text);
    void setKind(const QString &kind);
    // BackupLocationStatus::key()s; empty: every location.
    void setLocations(const QSet<QString> &locationKeys);
    // Locations whose newest backup is older than their threshold.
    void setStaleLocations(const QSet<QString> &locationKeys);
    void setOnlyFailed(bool on);
    void setOnlyUnverified(bool on);
    void setOnlyStale(bool on);

    // The catalog row behind a row of this model.
    const BackupCatalogRow *rowAt(const QModelIndex &index) const;

    static bool isFailed(const BackupCatalogRow &row);
    // No current record, or only L1's "TOC only", which proves no data.
    static bool isUnverified(const BackupCatalogRow &row);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changed();

    BackupCatalogModel *m_catalog = nullptr;
    QString m_text;
    QString m_kind;
    QSet<QString> m_locations;
    QSet<QString> m_stale;
    bool m_onlyFailed = false;
    bool m_onlyUnverified = false;
    bool m_onlyStale = false;
};

} // namespace OpsDeck
