// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace OpsDeck {

// What a backup file holds, as far as its name and first bytes tell.
enum class BackupFormat {
    PgCustom,       // pg_dump -Fc: "PGDMP" header, restorable with pg_restore
    PgDirectory,    // pg_dump -Fd: a directory with toc.dat
    PgTar,          // pg_dump -Ft: a tar whose first member is toc.dat
    PlainSql,       // pg_dump -Fp / pg_dumpall: SQL for psql
    FilesArchive,   // tar of files (uploads, volumes): no database inside
    WalSegment,     // an archived 16 MiB (by default) WAL segment
    WalHistory,     // a timeline history file (00000002.history)
    WalBackupLabel, // pg_basebackup's START/STOP label (…00000028.backup)
    Unknown,
};

enum class BackupCompression { None, Gzip, Zstd, Lz4, Bzip2, Xz };

// The verification ladder: each level reads more of the file than the one before.
enum class VerificationLevel {
    Integrity = 0,       // L0: size, the compressor's own test, a .sha256 beside it
    TableOfContents = 1, // L1: pg_restore --list — "TOC only", never "verified"
    FullRead = 2,        // L2: every byte decoded: truncation shows here
    TestRestore = 3,     // L3: restored into a scratch database, row counts compared
};

// One file in a backup location (or a dump directory, which counts as one file).
struct BackupFile {
    QString host;       // workspace host that holds it (or lists it, for S3)
    QString location;   // the workspace backup location's name
    QString path;       // absolute path on the host, or the s3:// URL
    qint64 size = -1;   // bytes; a directory's total
    QDateTime modified; // UTC
    BackupFormat format = BackupFormat::Unknown;
    BackupCompression compression = BackupCompression::None;
    QString database;      // from the dump's header, else guessed from the name
    QString serverVersion; // "15.8" as the dump's header says, when it does
    QString checksum;      // sha256 hex from a .sha256 file beside it, when there is one
    QString dumpVersion;   // pg_dump's version as the dump's header says, when it does
    QDateTime created;     // when pg_dump started, by the dumping host's clock (no zone)

    QString name() const; // the file name part of path
    QString key() const;  // host + ':' + path: unique in a workspace
    bool isDatabaseDump() const;
    bool isWal() const;
    bool isS3Object() const { return path.startsWith(u"s3://"); } // listed, not on a host
};

// What a level found. Only Verified proves the file readable to that level; TocOnly is L1's
// pass (the table of contents reads, the data was not looked at) and is never shown as verified.
enum class VerificationVerdict { Verified, TocOnly, Failed };

// One verification of one file: the state store keeps the latest per (file, level).
struct VerificationRecord {
    QString host;
    QString path;
    qint64 size = -1;   // the file as it was verified: a changed file is not verified any
    QDateTime modified; // more (see isCurrentFor)
    VerificationLevel level = VerificationLevel::Integrity;
    bool ok = false; // verdict != Failed
    VerificationVerdict verdict = VerificationVerdict::Failed;
    QString detail; // what was found: "412 objects", "unexpected end of file at 1.2 GiB"…
    QDateTime at;   // when it finished, UTC
    qint64 durationMs = 0;

    bool isCurrentFor(const BackupFile &file) const;
};

QString backupFormatId(BackupFormat format);
std::optional<BackupFormat> backupFormatFromId(QStringView id);
QString backupFormatName(BackupFormat format); // translated, for people
QString backupCompressionId(BackupCompression compression);
std::optional<BackupCompression> backupCompressionFromId(QStringView id);
// The program that tests and decompresses it (gzip, zstd, lz4, bzip2, xz); empty for None.
QString compressorProgram(BackupCompression compression);
QString verificationLevelName(VerificationLevel level); // "L2 full read", translated
std::optional<VerificationLevel> verificationLevelFromNumber(int number);
QString verificationVerdictId(VerificationVerdict verdict); // "verified", "toc-only", "failed"
std::optional<VerificationVerdict> verificationVerdictFromId(QStringView id);
QString verificationVerdictName(VerificationVerdict verdict); // translated

// The prefix every scratch database of a test restore has; nothing else is ever dropped.
inline constexpr QStringView ScratchDatabasePrefix = u"opsdeck_restore_test_";
bool isScratchDatabaseName(QStringView name);

} // namespace OpsDeck

Q_DECLARE_METATYPE(OpsDeck::VerificationRecord)
Q_DECLARE_METATYPE(OpsDeck::VerificationLevel)
