// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupcatalog.h"
#include "models/backups/backupfile.h"
#include "models/core/keyedtablemodel.h"

#include <QDateTime>
#include <QHash>

#include <functional>
#include <optional>

namespace OpsDeck {

// One row of the catalog: a file, and its newest verification that still holds for it.
struct BackupCatalogRow {
    BackupFile file;
    std::optional<VerificationRecord> verification;
    QDateTime now; // ages are counted to this

    QString key() const { return file.key(); }
};

// Every backup file of the workspace, keyed by BackupFile::key() and refreshed in place.
// Columns: host, location, file, kind, database, size, modified, age, checksum, last
// verification. Verification records come from whoever keeps them (setVerifications); a
// record made for another size or mtime of the file does not count.
class BackupCatalogModel final : public KeyedTableModel<BackupCatalogRow>
{
public:
    enum Column { Host, Location, File, Kind, Database, Size, Modified, Age, Checksum, Verified };

    explicit BackupCatalogModel(QObject *parent = nullptr);

    void setFiles(const QList<BackupFile> &files);
    void setVerifications(const QList<VerificationRecord> &records);
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

private:
    void rebuild();

    QList<BackupFile> m_files;
    QHash<QString, QList<VerificationRecord>> m_records; // by host:path
    std::function<QDateTime()> m_now;
};

// "L2 full read: ok", "L3 test restore: failed", "L1 table of contents (TOC only)".
QString verificationText(const VerificationRecord &record);
// What a record proves: L1 passes only as TocOnly, whatever its verdict field says.
VerificationVerdict effectiveVerdict(const VerificationRecord &record);
// "L2 verified", "L1 TOC only", "L0 failed": the catalog's verification column.
QString verificationShortText(const VerificationRecord &record);
// For KeyedTableRole::Verdict: 0 verified, 1 TOC only (proves no data), 2 failed.
int verificationVerdict(const VerificationRecord &record);

// One row per backup location: files, newest, staleness, WAL window, error.
class BackupLocationsModel final : public KeyedTableModel<BackupLocationStatus>
{
public:
    enum Column { Host, Location, Where, Files, Newest, Staleness, Wal, Error };

    explicit BackupLocationsModel(QObject *parent = nullptr);
};

} // namespace OpsDeck
