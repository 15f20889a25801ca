// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backupfile.h"

#include "models/core/idtable.h"

#include <QCoreApplication>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

constexpr std::array formatIds = {
    std::pair{BackupFormat::PgCustom, u"pg-custom"},
    std::pair{BackupFormat::PgDirectory, u"pg-directory"},
    std::pair{BackupFormat::PgTar, u"pg-tar"},
    std::pair{BackupFormat::PlainSql, u"plain-sql"},
    std::pair{BackupFormat::FilesArchive, u"files"},
    std::pair{BackupFormat::WalSegment, u"wal-segment"},
    std::pair{BackupFormat::WalHistory, u"wal-history"},
    std::pair{BackupFormat::WalBackupLabel, u"wal-backup-label"},
    std::pair{BackupFormat::Unknown, u"unknown"},
};

constexpr std::array compressionIds = {
    std::pair{BackupCompression::None, u"none"},   std::pair{BackupCompression::Gzip, u"gzip"},
    std::pair{BackupCompression::Zstd, u"zstd"},   std::pair{BackupCompression::Lz4, u"lz4"},
    std::pair{BackupCompression::Bzip2, u"bzip2"}, std::pair{BackupCompression::Xz, u"xz"},
};

constexpr std::array verdictIds = {
    std::pair{VerificationVerdict::Verified, u"verified"},
    std::pair{VerificationVerdict::TocOnly, u"toc-only"},
    std::pair{VerificationVerdict::Failed, u"failed"},
};

struct Text {
    Q_DECLARE_TR_FUNCTIONS(BackupFile)
};

} // namespace

QString BackupFile::name() const
{
    const QString trimmed = path.endsWith(u'/') ? path.chopped(1) : path;
    return trimmed.mid(trimmed.lastIndexOf(u'/') + 1);
}

QString BackupFile::key() const
{
    return host + u':' + path;
}

bool BackupFile::isDatabaseDump() const
{
    switch (format) {
    case BackupFormat::PgCustom:
    case BackupFormat::PgDirectory:
    case BackupFormat::PgTar:
    case BackupFormat::PlainSql:
        return true;
    case BackupFormat::FilesArchive:
    case BackupFormat::WalSegment:
    case BackupFormat::WalHistory:
    case BackupFormat::WalBackupLabel:
    case BackupFormat::Unknown:
        return false;
    }
    return false;
}

bool BackupFile::isWal() const
{
    return format == BackupFormat::WalSegment || format == BackupFormat::WalHistory ||
           format == BackupFormat::WalBackupLabel;
}

bool VerificationRecord::isCurrentFor(const BackupFile &file) const
{
    return host == file.host && path == file.path && size == file.size && modified == file.modified;
}

QString backupFormatId(BackupFormat format)
{
    return idOf(formatIds, format);
}

std::optional<BackupFormat> backupFormatFromId(QStringView id)
{
    return fromId(formatIds, id, Qt::CaseInsensitive);
}

QString backupFormatName(BackupFormat format)
{
    switch (format) {
    case BackupFormat::PgCustom:
        return Text::tr("pg_dump custom");
    case BackupFormat::PgDirectory:
        return Text::tr("pg_dump directory");
    case BackupFormat::PgTar:
        return Text::tr("pg_dump tar");
    case BackupFormat::PlainSql:
        return Text::tr("plain SQL");
    case BackupFormat::FilesArchive:
        return Text::tr("file archive");
    case BackupFormat::WalSegment:
        return Text::tr("WAL segment");
    case BackupFormat::WalHistory:
        return Text::tr("WAL timeline history");
    case BackupFormat::WalBackupLabel:
        return Text::tr("base backup label");
    case BackupFormat::Unknown:
        return Text::tr("unknown");
    }
    return {};
}

QString backupCompressionId(BackupCompression compression)
{
    return idOf(compressionIds, compression);
}

std::optional<BackupCompression> backupCompressionFromId(QStringView id)
{
    return fromId(compressionIds, id, Qt::CaseInsensitive);
}

QString compressorProgram(BackupCompression compression)
{
    switch (compression) {
    case BackupCompression::Gzip:
        return u"gzip"_s;
    case BackupCompression::Zstd:
        return u"zstd"_s;
    case BackupCompression::Lz4:
        return u"lz4"_s;
    case BackupCompression::Bzip2:
        return u"bzip2"_s;
    case BackupCompression::Xz:
        return u"xz"_s;
    case BackupCompression::None:
        break;
    }
    return {};
}

QString verificationLevelName(VerificationLevel level)
{
    switch (level) {
    case VerificationLevel::Integrity:
        return Text::tr("L0 integrity");
    case VerificationLevel::TableOfContents:
        return Text::tr("L1 table of contents");
    case VerificationLevel::FullRead:
        return Text::tr("L2 full read");
    case VerificationLevel::TestRestore:
        return Text::tr("L3 test restore");
    }
    return {};
}

std::optional<VerificationLevel> verificationLevelFromNumber(int number)
{
    if (number < 0 || number > 3)
        return std::nullopt;
    return VerificationLevel(number);
}

QString verificationVerdictId(VerificationVerdict verdict)
{
    return idOf(verdictIds, verdict);
}

std::optional<VerificationVerdict> verificationVerdictFromId(QStringView id)
{
    return fromId(verdictIds, id, Qt::CaseInsensitive);
}

QString verificationVerdictName(VerificationVerdict verdict)
{
    switch (verdict) {
    case VerificationVerdict::Verified:
        return Text::tr("verified");
    case VerificationVerdict::TocOnly:
        return Text::tr("TOC only");
    case VerificationVerdict::Failed:
        return Text::tr("failed");
    }
    return {};
}

bool isScratchDatabaseName(QStringView name)
{
    return name.startsWith(ScratchDatabasePrefix) && name.size() > ScratchDatabasePrefix.size();
}

} // namespace OpsDeck
