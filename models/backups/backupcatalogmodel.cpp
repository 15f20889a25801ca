// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backupcatalogmodel.h"

#include "models/core/units.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(BackupCatalogModel)
};

constexpr Qt::Alignment Number = Qt::AlignRight | Qt::AlignVCenter;

QString timeText(const QDateTime &when)
{
    return when.isValid() ? when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QList<KeyedTableModel<BackupCatalogRow>::Column> catalogColumns()
{
    using C = KeyedTableModel<BackupCatalogRow>::Column;
    using R = BackupCatalogRow;
    return {
        {Text::tr("Host"), [](const R &r) { return QVariant(r.file.host); }},
        {Text::tr("Location"), [](const R &r) { return QVariant(r.file.location); }},
        C{Text::tr("File"),
          [](const R &r) { return QVariant(r.file.name()); },
          {},
          Qt::AlignLeft | Qt::AlignVCenter,
          [](const R &r) { return r.file.path; },
          {},
          [](const R &r) { return r.file.path; }},
        {Text::tr("Kind"),
         [](const R &r) {
             QString kind = backupFormatName(r.file.format);
             if (r.file.compression != BackupCompression::None)
                 kind += u", "_s + backupCompressionId(r.file.compression);
             return QVariant(kind);
         }},
        C{Text::tr("Database"),
          [](const R &r) { return QVariant(r.file.database); },
          {},
          Qt::AlignLeft | Qt::AlignVCenter,
          [](const R &r) {
              return r.file.serverVersion.isEmpty()
                         ? QString()
                         : Text::tr("dumped from PostgreSQL %1").arg(r.file.serverVersion);
          }},
        C{Text::tr("Size"), [](const R &r) { return QVariant(formatBytes(r.file.size)); },
          [](const R &r) { return QVariant(r.file.size); }, Number},
        C{Text::tr("Modified"), [](const R &r) { return QVariant(timeText(r.file.modified)); },
          [](const R &r) { return QVariant(r.file.modified.toMSecsSinceEpoch()); }},
        C{Text::tr("Age"),
          [](const R &r) {
              return QVariant(r.file.modified.isValid()
                                  ? formatDuration(r.file.modified.msecsTo(r.now))
                                  : QString());
          },
          [](const R &r) { return QVariant(r.file.modified.msecsTo(r.now)); }, Number},
        C{Text::tr("Checksum"),
          [](const R &r) { return QVariant(r.file.checksum.left(12)); },
          {},
          Qt::AlignLeft | Qt::AlignVCenter,
          [](const R &r) { return r.file.checksum; },
          {},
          [](const R &r) { return r.file.checksum; }},
        C{Text::tr("Last verification"),
          [](const R &r) {
              if (!r.verification)
                  return QVariant(Text::tr("never"));
              return QVariant(
                  Text::tr("%1 · %2 ago")
                      .arg(verificationShortText(*r.verification),
                           formatDuration(std::max<qint64>(0, r.verification->at.msecsTo(r.now)))));
          },
          [](const R &r) {
              return QVariant(r.verification ? r.verification->at.toMSecsSinceEpoch() : 0);
          },
          Qt::AlignLeft | Qt::AlignVCenter,
          [](const R &r) {
              return r.verification ? Text::tr("%1 at %2\n%3")
                                          .arg(verificationText(*r.verification),
                                               timeText(r.verification->at), r.verification->detail)
                                    : QString();
          },
          [](const R &r) { return r.verification ? verificationVerdict(*r.verification) : 0; }},
    };
}

} // namespace

VerificationVerdict effectiveVerdict(const VerificationRecord &record)
{
    if (!record.ok)
        return VerificationVerdict::Failed;
    // L1 reads only the table of contents: whatever the record says, it proves no data.
    if (record.verdict == VerificationVerdict::TocOnly ||
        record.level == VerificationLevel::TableOfContents)
        return VerificationVerdict::TocOnly;
    return VerificationVerdict::Verified;
}

int verificationVerdict(const VerificationRecord &record)
{
    switch (effectiveVerdict(record)) {
    case VerificationVerdict::Verified:
        return 0;
    case VerificationVerdict::TocOnly:
        return 1;
    case VerificationVerdict::Failed:
        break;
    }
    return 2;
}

QString verificationShortText(const VerificationRecord &record)
{
    const QString level = u"L"_s + QString::number(int(record.level));
    switch (effectiveVerdict(record)) {
    case VerificationVerdict::Verified:
        return Text::tr("%1 verified").arg(level);
    case VerificationVerdict::TocOnly:
        return Text::tr("%1 TOC only").arg(level);
    case VerificationVerdict::Failed:
        break;
    }
    return Text::tr("%1 failed").arg(level);
}

QString verificationText(const VerificationRecord &record)
{
    QString verdict = record.ok ? Text::tr("ok") : Text::tr("failed");
    if (record.ok && record.level == VerificationLevel::TableOfContents)
        verdict = Text::tr("TOC only");
    return Text::tr("%1: %2").arg(verificationLevelName(record.level), verdict);
}

BackupCatalogModel::BackupCatalogModel(QObject *parent)
    : KeyedTableModel<BackupCatalogRow>(
          catalogColumns(), [](const BackupCatalogRow &row) { return row.key(); }, parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

void BackupCatalogModel::setFiles(const QList<BackupFile> &files)
{
    m_files = files;
    rebuild();
}

void BackupCatalogModel::setVerifications(const QList<VerificationRecord> &records)
{
    m_records.clear();
    for (const VerificationRecord &record : records)
        m_records[record.host + u':' + record.path].append(record);
    rebuild();
}

void BackupCatalogModel::rebuild()
{
    const QDateTime now = m_now();
    QList<BackupCatalogRow> rows;
    rows.reserve(m_files.size());
    for (const BackupFile &file : std::as_const(m_files)) {
        BackupCatalogRow row;
        row.file = file;
        row.now = now;
        // The newest record that still holds for the file as it is now.
        for (const VerificationRecord &record : m_records.value(file.key())) {
            if (record.isCurrentFor(file) &&
                (!row.verification || record.at > row.verification->at))
                row.verification = record;
        }
        rows.append(row);
    }
    setRows(rows);
}

QList<KeyedTableModel<BackupLocationStatus>::Column> locationColumns()
{
    using C = KeyedTableModel<BackupLocationStatus>::Column;
    using S = BackupLocationStatus;
    constexpr Qt::Alignment Left = Qt::AlignLeft | Qt::AlignVCenter;
    return {
        C{Text::tr("Host"), [](const S &s) { return QVariant(s.host); }},
        C{Text::tr("Location"), [](const S &s) { return QVariant(s.location); }},
        C{Text::tr("Where"), [](const S &s) { return QVariant(s.where); }},
        C{Text::tr("Files"), [](const S &s) { return QVariant(s.files); }, {}, Number},
        C{Text::tr("Newest"), [](const S &s) { return QVariant(timeText(s.staleness.newest)); },
          [](const S &s) { return QVariant(s.staleness.newest.toMSecsSinceEpoch()); }},
        C{Text::tr("Staleness"),
          [](const S &s) {
              return QVariant(s.staleness.sentence.isEmpty() ? Text::tr("not listed yet")
                                                             : s.staleness.sentence);
          },
          {},
          Left,
          [](const S &s) { return s.staleness.sentence; },
          [](const S &s) { return s.staleness.verdict; }},
        C{Text::tr("WAL archive"),
          [](const S &s) { return QVariant(walWindowText(s.wal)); },
          {},
          Left,
          {},
          [](const S &s) {
              if (s.wal.isEmpty())
                  return 0;
              if (!s.wal.window.recoverable)
                  return 2;
              return s.wal.gaps.isEmpty() ? 0 : 1;
          }},
        C{Text::tr("Error"),
          [](const S &s) { return QVariant(s.error); },
          {},
          Left,
          [](const S &s) { return s.error; },
          [](const S &s) { return s.error.isEmpty() ? 0 : 2; }},
    };
}

BackupLocationsModel::BackupLocationsModel(QObject *parent)
    : KeyedTableModel<BackupLocationStatus>(
          locationColumns(), [](const BackupLocationStatus &status) { return status.key(); },
          parent)
{
}

} // namespace OpsDeck
