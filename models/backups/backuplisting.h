// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backups/backupfile.h"
#include "models/workspace/workspace.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// What the catalog reads from a backup location: the host scripts that list it and read the
// first bytes of new files, and the pure parsers of everything they print (pg_dump headers,
// plain SQL headers, tar headers, compressor magic, WAL names, backup labels, .sha256 files,
// `aws s3 ls`), the WAL archive's gaps and PITR window, and staleness.
namespace OpsDeck {

// The header pg_dump writes at the start of a custom dump, a directory dump's toc.dat and a
// tar dump's toc.dat member (pg_backup_archiver.c, WriteHead).
struct PgDumpHeader {
    int versionMajor = 0; // archive format version, 1.14 for pg_dump 15
    int versionMinor = 0;
    int versionRevision = 0;
    int format = 0; // 1 custom; 3 tar (a directory's toc.dat says 3 too); 5 directory
    BackupCompression compression = BackupCompression::None;
    QDateTime created;     // as the dumping host's clock read it (no zone is stored)
    QString database;      // empty in archives older than 1.10
    QString serverVersion; // "15.18 (Debian 15.18-0+deb12u1)"
    QString dumpVersion;   // pg_dump's own
};
std::optional<PgDumpHeader> parsePgDumpHeader(QByteArrayView bytes);

struct PlainSqlHeader {
    QString database;      // from CREATE DATABASE or \connect, when the dump has one
    QString serverVersion; // "-- Dumped from database version 15.18 (…)"
    bool cluster = false;  // pg_dumpall
};
std::optional<PlainSqlHeader> parsePlainSqlHeader(QByteArrayView bytes);

BackupCompression compressionFromMagic(QByteArrayView bytes);
BackupCompression compressionFromName(QStringView name);
// The first member's name of a ustar archive, or std::nullopt when bytes are not one.
std::optional<QString> tarFirstMember(QByteArrayView bytes);

// What a file is, from its name, whether it is a directory, its first bytes and (for a
// compressed file) the first bytes of what it decompresses to. Without bytes (S3, not read),
// from the name alone.
struct BackupDetection {
    BackupFormat format = BackupFormat::Unknown;
    BackupCompression compression = BackupCompression::None;
    QString database;
    QString serverVersion; // "15.18", the first word of the header's
    QDateTime created;
    QString dumpVersion; // pg_dump's, "15.18", when the header names it
};
BackupDetection detectBackup(QStringView name, bool directory, QByteArrayView firstBytes,
                             QByteArrayView innerBytes);
// "opsdeck_prod-2026-12-06.dump" → "opsdeck_prod": the name up to its first numbered part.
QString databaseFromFileName(QStringView name);

// An archived WAL file's name: timeline, log id and segment (24 hex digits), optionally with
// a compressor's suffix or .partial.
struct WalFileName {
    quint32 timeline = 0;
    quint64 segment = 0; // log id × segments per log id + segment: consecutive numbers
};
inline constexpr qint64 DefaultWalSegmentBytes = 16 * 1024 * 1024;
std::optional<WalFileName> parseWalFileName(QStringView name,
                                            qint64 segmentBytes = DefaultWalSegmentBytes);
QString walFileName(quint32 timeline, quint64 segment,
                    qint64 segmentBytes = DefaultWalSegmentBytes);

// pg_basebackup's (or pg_backup_stop's) …backup label file.
struct BackupLabel {
    QString startWalFile; // "000000010000000000000002"
    QString stopWalFile;
    QString startLocation; // "0/2000028"
    QString stopLocation;
    QDateTime startTime; // UTC
    QDateTime stopTime;
    QString label;
};
std::optional<BackupLabel> parseBackupLabel(QByteArrayView text);

// The sha256 hex digest a `sha256sum` file gives for fileName (a one-line file with only a
// digest counts too); empty when it names none.
QString sha256For(QByteArrayView text, QStringView fileName);

// One entry of a location's listing.
struct ListedEntry {
    QString name; // relative to the location (a key below the bucket for S3)
    qint64 size = -1;
    QDateTime modified; // UTC, with the fraction the host gave
    bool directory = false;
};
struct ListingOutput {
    QList<ListedEntry> entries;
    bool complete = false; // the end marker arrived
    int exitStatus = -1;   // find's (or aws's)
    QString error;         // what went wrong where, when something did
};

// The script that lists a directory location: one record per entry, NUL-terminated, so names
// with spaces, quotes and newlines arrive as they are. Entries matching glob, and their
// `.sha256` companions.
QString backupListingScript(const QString &directory, const QString &glob);
ListingOutput parseBackupListing(QByteArrayView output, const QString &directory);

// `aws s3 ls --recursive URL` on the host, with times in UTC.
QString s3ListingScript(const QString &url);
// `aws s3 ls` output (recursive: keys from the bucket; or not: PRE lines for prefixes).
ListingOutput parseS3Listing(QByteArrayView output, const QString &url);

// What a re-list reads of a new or changed entry.
struct ReadItem {
    QString name;
    bool directory = false;                                 // reads toc.dat and the total size
    BackupCompression decompress = BackupCompression::None; // also the decompressed start
    qint64 size = -1;                                       // as listed
};
inline constexpr int ReadBytes = 4096;
// Reads the first bytes of every item (one `head` per batch of files, so 10,000 new files cost
// a few processes), decompresses the start of compressed ones and sums directories. Frames are
// marked with nonce, which no file holds.
QString backupReadScript(const QString &directory, const QList<ReadItem> &items,
                         const QString &nonce);
struct ReadOutput {
    QHash<QString, QByteArray> first; // by name; missing: could not be read (read again later)
    QHash<QString, QByteArray> inner;
    QHash<QString, qint64> directorySize;
};
ReadOutput parseBackupRead(QByteArrayView output, const QList<ReadItem> &items,
                           const QString &nonce);

// The WAL archive of a location: segments by timeline, the gaps between them, and the time
// window point-in-time recovery can reach.
struct WalGap {
    quint32 timeline = 0;
    QString firstMissing;
    QString lastMissing;
    qint64 missing = 0;
};
struct WalWindow {
    bool recoverable = false;
    QDateTime from; // the base backup's START TIME
    QDateTime to;   // the newest segment WAL is contiguous to (its archive time)
    QString baseBackup;
    QString reason; // why not, when not
};
struct WalArchive {
    qint64 segments = 0;
    QList<quint32> timelines;
    QList<WalGap> gaps;
    WalWindow window;
    bool isEmpty() const { return segments == 0; }
};
struct LabelledBackup {
    BackupFile file;
    BackupLabel label;
};
WalArchive analyzeWalArchive(const QList<BackupFile> &files, const QList<LabelledBackup> &labels,
                             qint64 segmentBytes = DefaultWalSegmentBytes);
QString walWindowText(const WalArchive &archive); // for the locations table

// The location's recovery point: its newest backup's age against its thresholds.
struct Staleness {
    int verdict = 0; // 0 fine, 1 warning, 2 critical (KeyedTableRole::Verdict)
    QString sentence;
    QDateTime newest;
};
Staleness judgeStaleness(const QList<BackupFile> &files, const BackupLocation &location,
                         const QDateTime &now);

} // namespace OpsDeck
