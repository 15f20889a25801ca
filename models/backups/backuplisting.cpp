// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backuplisting.h"

#include "models/core/units.h"
#include "models/remote/shellquote.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace OpsDeck {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(BackupListing)
};

// Reads pg_dump's archive integers and strings (pg_backup_archiver.c ReadInt, ReadStr): a sign
// byte, then intSize bytes, least significant first; a string is its length, then its bytes.
class ArchiveReader
{
public:
    ArchiveReader(QByteArrayView bytes, qsizetype at)
        : m_bytes(bytes)
        , m_at(at)
    {
    }
    void setIntSize(int size) { m_intSize = size; }
    std::optional<int> byte()
    {
        if (m_at >= m_bytes.size())
            return std::nullopt;
        return quint8(m_bytes[m_at++]);
    }
    std::optional<qint64> integer()
    {
        if (m_at + 1 + m_intSize > m_bytes.size())
            return std::nullopt;
        const bool negative = m_bytes[m_at++] != 0;
        quint64 value = 0;
        for (int i = 0; i < m_intSize; ++i)
            value |= quint64(quint8(m_bytes[m_at++])) << (8 * i);
        const qint64 result = qint64(value & 0x7fffffffffffffffULL);
        return negative ? -result : result;
    }
    std::optional<QString> string()
    {
        const std::optional<qint64> length = integer();
        if (!length || *length > m_bytes.size() - m_at)
            return std::nullopt;
        if (*length < 0)
            return QString();
        const QString text = QString::fromUtf8(m_bytes.sliced(m_at, *length));
        m_at += *length;
        return text;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_at;
    int m_intSize = 4;
};

QString firstWord(const QString &text)
{
    return text.section(u' ', 0, 0);
}

// A name as SQL wrote it: "My DB" or plain.
QString unquoteIdentifier(QString name)
{
    if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
        return name.mid(1, name.size() - 2).replace(u"\"\""_s, u"\""_s);
    return name;
}

const QRegularExpression &walSegmentPattern()
{
    static const QRegularExpression pattern(
        u"^([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})(\\.partial)?(\\.(gz|zst|lz4|bz2|xz))?$"_s);
    return pattern;
}

QString stripCompressionSuffix(QStringView name)
{
    for (QStringView suffix : {u".gz", u".zst", u".lz4", u".bz2", u".xz"}) {
        if (name.endsWith(suffix))
            return name.chopped(suffix.size()).toString();
    }
    if (name.endsWith(u".tgz"))
        return name.chopped(4).toString() + u".tar"_s;
    return name.toString();
}

QDateTime fromEpochText(QByteArrayView text)
{
    bool ok = false;
    const double seconds = text.toByteArray().toDouble(&ok);
    // Beyond ±30,000 years is no file's mtime (and would not fit the milliseconds).
    if (!ok || !(std::abs(seconds) < 1e12))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0), Qt::UTC);
}

QString decompressCommand(BackupCompression compression)
{
    switch (compression) {
    case BackupCompression::Gzip:
        return u"gzip -dc"_s;
    case BackupCompression::Zstd:
        return u"zstd -dcq"_s;
    case BackupCompression::Lz4:
        return u"lz4 -dcq"_s;
    case BackupCompression::Bzip2:
        return u"bzip2 -dc"_s;
    case BackupCompression::Xz:
        return u"xz -dc"_s;
    case BackupCompression::None:
        break;
    }
    return {};
}

// Files are read by one `head` per batch: the command line stays far below ARG_MAX.
constexpr int ReadBatch = 400;

QList<QList<qsizetype>> fileBatches(const QList<ReadItem> &items)
{
    QList<QList<qsizetype>> batches;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).directory)
            continue;
        if (batches.isEmpty() || batches.last().size() >= ReadBatch)
            batches.append(QList<qsizetype>());
        batches.last().append(i);
    }
    return batches;
}

QByteArray headHeader(const QString &name)
{
    return "==> " + name.toUtf8() + " <==\n";
}

} // namespace

std::optional<PgDumpHeader> parsePgDumpHeader(QByteArrayView bytes)
{
    if (!bytes.startsWith("PGDMP"))
        return std::nullopt;
    ArchiveReader reader(bytes, 5);
    PgDumpHeader header;
    const auto major = reader.byte();
    const auto minor = reader.byte();
    if (!major || !minor)
        return header;
    header.versionMajor = *major;
    header.versionMinor = *minor;
    if (*major > 1 || *minor > 0)
        header.versionRevision = reader.byte().value_or(0);
    const auto version = [&](int a, int b) {
        return header.versionMajor > a || (header.versionMajor == a && header.versionMinor >= b);
    };
    const std::optional<int> intSize = reader.byte();
    const std::optional<int> offSize = reader.byte();
    if (!intSize || !offSize || *intSize < 1 || *intSize > 8)
        return header;
    reader.setIntSize(*intSize);
    header.format = reader.byte().value_or(0);
    if (version(1, 15)) {
        // pg_compress_algorithm: none, gzip, lz4, zstd
        switch (reader.byte().value_or(0)) {
        case 1:
            header.compression = BackupCompression::Gzip;
            break;
        case 2:
            header.compression = BackupCompression::Lz4;
            break;
        case 3:
            header.compression = BackupCompression::Zstd;
            break;
        default:
            break;
        }
    } else if (version(1, 2)) {
        // A zlib level: -1 is zlib's default, 0 none.
        const std::optional<qint64> level = reader.integer();
        if (!level)
            return header;
        header.compression = *level == 0 ? BackupCompression::None : BackupCompression::Gzip;
    }
    if (version(1, 4)) {
        int fields[7] = {};
        for (int &field : fields) {
            const std::optional<qint64> value = reader.integer();
            if (!value)
                return header;
            field = int(*value);
        }
        const QDate date(fields[5] + 1900, fields[4] + 1, fields[3]);
        const QTime time(fields[2], fields[1], fields[0]);
        if (date.isValid() && time.isValid())
            header.created = QDateTime(date, time, Qt::UTC);
    }
    if (version(1, 10)) {
        if (const auto database = reader.string())
            header.database = *database;
        if (const auto server = reader.string())
            header.serverVersion = *server;
        if (const auto dump = reader.string())
            header.dumpVersion = *dump;
    }
    return header;
}

std::optional<PlainSqlHeader> parsePlainSqlHeader(QByteArrayView bytes)
{
    const QString text = QString::fromUtf8(bytes.first(std::min<qsizetype>(bytes.size(), 65536)));
    const bool database = text.contains(u"-- PostgreSQL database dump"_s);
    const bool cluster = text.contains(u"-- PostgreSQL database cluster dump"_s);
    if (!database && !cluster)
        return std::nullopt;
    PlainSqlHeader header;
    header.cluster = cluster;
    static const QRegularExpression server(u"^-- Dumped from database version (\\S+)"_s,
                                           QRegularExpression::MultilineOption);
    static const QRegularExpression created(u"^CREATE DATABASE (\"(?:[^\"]|\"\")+\"|[^\\s;]+)"_s,
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression connect(
        u"^\\\\connect (?:-reuse-previous=on )?(\"(?:[^\"]|\"\")+\"|[^\\s]+)"_s,
        QRegularExpression::MultilineOption);
    if (const auto match = server.match(text); match.hasMatch())
        header.serverVersion = match.captured(1);
    if (!cluster) {
        if (const auto match = created.match(text); match.hasMatch())
            header.database = unquoteIdentifier(match.captured(1));
        else if (const auto other = connect.match(text); other.hasMatch())
            header.database = unquoteIdentifier(other.captured(1));
        // pg_dump 15 writes \connect -reuse-previous=on "dbname='x'" for odd names.
        static const QRegularExpression dbname(u"^dbname='((?:[^'\\\\]|\\\\.)*)'$"_s);
        if (const auto match = dbname.match(header.database); match.hasMatch())
            header.database = match.captured(1).replace(u"\\'"_s, u"'"_s);
    }
    return header;
}

BackupCompression compressionFromMagic(QByteArrayView bytes)
{
    if (bytes.startsWith("\x1f\x8b"))
        return BackupCompression::Gzip;
    if (bytes.startsWith("\x28\xb5\x2f\xfd"))
        return BackupCompression::Zstd;
    if (bytes.startsWith("\x04\x22\x4d\x18"))
        return BackupCompression::Lz4;
    if (bytes.startsWith("BZh"))
        return BackupCompression::Bzip2;
    if (bytes.startsWith(QByteArrayView("\xfd"
                                        "7zXZ\x00",
                                        6)))
        return BackupCompression::Xz;
    return BackupCompression::None;
}

BackupCompression compressionFromName(QStringView name)
{
    if (name.endsWith(u".gz") || name.endsWith(u".tgz"))
        return BackupCompression::Gzip;
    if (name.endsWith(u".zst"))
        return BackupCompression::Zstd;
    if (name.endsWith(u".lz4"))
        return BackupCompression::Lz4;
    if (name.endsWith(u".bz2"))
        return BackupCompression::Bzip2;
    if (name.endsWith(u".xz"))
        return BackupCompression::Xz;
    return BackupCompression::None;
}

std::optional<QString> tarFirstMember(QByteArrayView bytes)
{
    if (bytes.size() < 512 || !bytes.sliced(257).startsWith("ustar"))
        return std::nullopt;
    const auto field = [&](qsizetype at, qsizetype length) {
        QByteArrayView view = bytes.sliced(at, length);
        const qsizetype end = view.indexOf('\0');
        return QString::fromUtf8(end >= 0 ? view.first(end) : view);
    };
    const QString prefix = field(345, 155);
    const QString name = field(0, 100);
    return prefix.isEmpty() ? name : prefix + u'/' + name;
}

QString databaseFromFileName(QStringView name)
{
    const QString stem =
        name.left(name.indexOf(u'.') < 0 ? name.size() : name.indexOf(u'.')).toString();
    static const QRegularExpression separator(u"[-_]"_s);
    qsizetype end = stem.size();
    qsizetype at = 0;
    while (at < stem.size()) {
        const qsizetype next = stem.indexOf(separator, at);
        const qsizetype partEnd = next < 0 ? stem.size() : next;
        if (partEnd > at && stem.at(at).isDigit()) {
            end = std::max<qsizetype>(0, at - 1);
            break;
        }
        at = partEnd + 1;
    }
    return stem.left(end);
}

BackupDetection detectBackup(QStringView name, bool directory, QByteArrayView firstBytes,
                             QByteArrayView innerBytes)
{
    BackupDetection detection;
    const auto takeHeader = [&](const PgDumpHeader &header) {
        detection.database = header.database;
        detection.serverVersion = firstWord(header.serverVersion);
        detection.created = header.created;
        detection.dumpVersion = firstWord(header.dumpVersion);
    };
    if (directory) {
        if (const auto header = parsePgDumpHeader(firstBytes)) {
            detection.format = BackupFormat::PgDirectory;
            detection.compression = header->compression;
            takeHeader(*header);
        }
        return detection;
    }
    static const QRegularExpression history(u"^[0-9A-F]{8}\\.history(\\.(gz|zst|lz4|bz2|xz))?$"_s);
    static const QRegularExpression label(
        u"^[0-9A-F]{24}\\.[0-9A-F]{8}\\.backup(\\.(gz|zst|lz4|bz2|xz))?$"_s);
    if (walSegmentPattern().match(name).hasMatch()) {
        detection.format = BackupFormat::WalSegment;
        detection.compression = compressionFromName(name);
        return detection;
    }
    if (history.match(name).hasMatch() || label.match(name).hasMatch()) {
        detection.format = history.match(name).hasMatch() ? BackupFormat::WalHistory
                                                          : BackupFormat::WalBackupLabel;
        detection.compression = compressionFromName(name);
        return detection;
    }

    detection.compression =
        firstBytes.isEmpty() ? compressionFromName(name) : compressionFromMagic(firstBytes);
    const QByteArrayView payload =
        detection.compression == BackupCompression::None ? firstBytes : innerBytes;
    if (const auto header = parsePgDumpHeader(payload)) {
        detection.format = BackupFormat::PgCustom;
        takeHeader(*header);
    } else if (const auto member = tarFirstMember(payload)) {
        if (*member == u"toc.dat"_s) {
            detection.format = BackupFormat::PgTar;
            if (const auto toc = parsePgDumpHeader(payload.sliced(512)))
                takeHeader(*toc);
        } else {
            detection.format = BackupFormat::FilesArchive;
        }
    } else if (const auto plain = parsePlainSqlHeader(payload)) {
        detection.format = BackupFormat::PlainSql;
        detection.database = plain->database;
        detection.serverVersion = plain->serverVersion;
        if (plain->cluster)
            return detection; // every database of a server: no one name
    } else if (payload.isEmpty()) {
        // Nothing read (S3, or not readable): the name is all there is.
        const QString bare = stripCompressionSuffix(name);
        if (bare.endsWith(u".dump"_s) || bare.endsWith(u".pgdump"_s) || bare.endsWith(u".custom"_s))
            detection.format = BackupFormat::PgCustom;
        else if (bare.endsWith(u".sql"_s))
            detection.format = BackupFormat::PlainSql;
        else if (bare.endsWith(u".tar"_s))
            detection.format = BackupFormat::FilesArchive;
    }
    if (detection.database.isEmpty() &&
        (detection.format == BackupFormat::PgCustom || detection.format == BackupFormat::PgTar ||
         detection.format == BackupFormat::PlainSql))
        detection.database = databaseFromFileName(name);
    return detection;
}

std::optional<WalFileName> parseWalFileName(QStringView name, qint64 segmentBytes)
{
    const QRegularExpressionMatch match = walSegmentPattern().match(name);
    if (!match.hasMatch() || segmentBytes <= 0)
        return std::nullopt;
    const quint64 perLog = quint64(0x100000000ULL) / quint64(segmentBytes);
    const quint64 segment = match.captured(3).toULongLong(nullptr, 16);
    if (perLog == 0 || segment >= perLog)
        return std::nullopt;
    WalFileName wal;
    wal.timeline = match.captured(1).toUInt(nullptr, 16);
    wal.segment = match.captured(2).toULongLong(nullptr, 16) * perLog + segment;
    return wal;
}

QString walFileName(quint32 timeline, quint64 segment, qint64 segmentBytes)
{
    const quint64 perLog = quint64(0x100000000ULL) / quint64(std::max<qint64>(1, segmentBytes));
    return u"%1%2%3"_s.arg(timeline, 8, 16, QLatin1Char('0'))
        .arg(segment / perLog, 8, 16, QLatin1Char('0'))
        .arg(segment % perLog, 8, 16, QLatin1Char('0'))
        .toUpper();
}

std::optional<BackupLabel> parseBackupLabel(QByteArrayView text)
{
    const QString content = QString::fromUtf8(text);
    static const QRegularExpression location(
        u"^(START|STOP) WAL LOCATION: (\\S+) \\(file ([0-9A-F]{24})\\)"_s,
        QRegularExpression::MultilineOption);
    static const QRegularExpression time(
        u"^(START|STOP) TIME: (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?: (\\S+))?"_s,
        QRegularExpression::MultilineOption);
    static const QRegularExpression name(u"^LABEL: (.*)$"_s, QRegularExpression::MultilineOption);
    BackupLabel label;
    for (auto it = location.globalMatch(content); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const bool start = match.captured(1) == u"START"_s;
        (start ? label.startLocation : label.stopLocation) = match.captured(2);
        (start ? label.startWalFile : label.stopWalFile) = match.captured(3);
    }
    for (auto it = time.globalMatch(content); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QDateTime when = QDateTime::fromString(match.captured(2), u"yyyy-MM-dd HH:mm:ss"_s);
        // PostgreSQL writes the server's zone abbreviation; UTC and numeric offsets are read,
        // any other abbreviation is taken as UTC (the archive's mtimes say the rest).
        const QString zone = match.captured(3);
        int offset = 0;
        static const QRegularExpression numeric(u"^([+-])(\\d{2}):?(\\d{2})?$"_s);
        if (const auto n = numeric.match(zone); n.hasMatch())
            offset = (n.captured(1) == u"-"_s ? -1 : 1) *
                     (n.captured(2).toInt() * 3600 + n.captured(3).toInt() * 60);
        when.setTimeZone(QTimeZone(offset));
        (match.captured(1) == u"START"_s ? label.startTime : label.stopTime) = when.toUTC();
    }
    if (const auto match = name.match(content); match.hasMatch())
        label.label = match.captured(1);
    if (label.startWalFile.isEmpty())
        return std::nullopt;
    return label;
}

QString sha256For(QByteArrayView text, QStringView fileName)
{
    static const QRegularExpression line(u"^([0-9a-fA-F]{64})(?:[ \\t]+\\*?(.*))?$"_s);
    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    QString only;
    int digests = 0;
    for (const QString &raw : lines) {
        const QRegularExpressionMatch match = line.match(raw.trimmed());
        if (!match.hasMatch())
            continue;
        ++digests;
        const QString named = match.captured(2).trimmed();
        const QString base = named.mid(named.lastIndexOf(u'/') + 1);
        if (base == fileName)
            return match.captured(1).toLower();
        if (named.isEmpty())
            only = match.captured(1).toLower();
    }
    return digests == 1 ? only : QString();
}

QString backupListingScript(const QString &directory, const QString &glob)
{
    const QString dir = shellQuote(directory);
    const QString pattern = shellQuote(glob);
    const QString companion = shellQuote(glob + u".sha256"_s);
    return u"if [ ! -d %1 ]; then printf '\\036missing\\n'; exit 0; fi\n"_s
           u"cd %1 || { printf '\\036unreadable\\n'; exit 0; }\n"_s
           u"printf '\\036list\\n'\n"_s
           u"find -L . -mindepth 1 -maxdepth 1 '(' -name %2 -o -name %3 ')' "_s
           u"-printf '%s %T@ %y %P\\0'\n"_s
           u"printf '\\036end %d\\n' \"$?\"\n"_s.arg(dir, pattern, companion);
}

ListingOutput parseBackupListing(QByteArrayView output, const QString &directory)
{
    ListingOutput listing;
    if (output.startsWith("\x1emissing")) {
        listing.error = Text::tr("directory %1 does not exist").arg(directory);
        return listing;
    }
    if (output.startsWith("\x1eunreadable")) {
        listing.error = Text::tr("directory %1 cannot be opened (permissions?)").arg(directory);
        return listing;
    }
    const qsizetype start = output.indexOf("\x1elist\n");
    if (start < 0) {
        listing.error = Text::tr("the listing of %1 printed no list").arg(directory);
        return listing;
    }
    qsizetype at = start + 6;
    while (at < output.size()) {
        const QByteArrayView rest = output.sliced(at);
        if (rest.startsWith("\x1e"
                            "end ")) {
            const qsizetype newline = rest.indexOf('\n');
            listing.exitStatus =
                rest.sliced(5, (newline < 0 ? rest.size() : newline) - 5).toByteArray().toInt();
            listing.complete = true;
            break;
        }
        const qsizetype end = rest.indexOf('\0');
        if (end < 0)
            break;
        const QByteArrayView record = rest.first(end);
        at += end + 1;
        // size, mtime, type, then the name (which may hold anything but NUL)
        const qsizetype first = record.indexOf(' ');
        const qsizetype second = first < 0 ? -1 : record.indexOf(' ', first + 1);
        const qsizetype third = second < 0 ? -1 : record.indexOf(' ', second + 1);
        if (third < 0)
            continue;
        ListedEntry entry;
        bool ok = false;
        entry.size = record.first(first).toByteArray().toLongLong(&ok);
        entry.modified = fromEpochText(record.sliced(first + 1, second - first - 1));
        const QByteArrayView type = record.sliced(second + 1, third - second - 1);
        entry.directory = type == "d";
        entry.name = QString::fromUtf8(record.sliced(third + 1));
        if (!ok || !entry.modified.isValid() || entry.name.isEmpty() ||
            (type != "f" && type != "d"))
            continue; // broken links, sockets: not backups
        listing.entries.append(entry);
    }
    if (!listing.complete)
        listing.error = Text::tr("the listing of %1 ended early").arg(directory);
    else if (listing.exitStatus != 0)
        listing.error =
            Text::tr("find in %1 exited with status %2").arg(directory).arg(listing.exitStatus);
    return listing;
}

QString s3ListingScript(const QString &url)
{
    return u"printf '\\036list\\n'\nTZ=UTC aws s3 ls --recursive %1 2>&1\n"_s
           u"printf '\\036end %d\\n' \"$?\"\n"_s.arg(shellQuote(url));
}

ListingOutput parseS3Listing(QByteArrayView output, const QString &url)
{
    ListingOutput listing;
    static const QRegularExpression object(
        u"^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})\\s+(\\d+) (.+)$"_s);
    static const QRegularExpression prefix(u"^\\s+PRE (.+)$"_s);
    static const QRegularExpression end(u"^\\x1eend (\\d+)$"_s);
    QStringList other;
    bool inList = false;
    for (const QString &line : QString::fromUtf8(output).split(u'\n')) {
        if (line == u"\x1elist"_s) {
            inList = true;
            continue;
        }
        if (const auto match = end.match(line); match.hasMatch()) {
            listing.complete = true;
            listing.exitStatus = match.captured(1).toInt();
            break;
        }
        if (!inList && output.contains("\x1elist"))
            continue;
        if (const auto match = object.match(line); match.hasMatch()) {
            ListedEntry entry;
            entry.modified = QDateTime::fromString(match.captured(1), u"yyyy-MM-dd HH:mm:ss"_s);
            entry.modified.setTimeSpec(Qt::UTC);
            entry.size = match.captured(2).toLongLong();
            entry.name = match.captured(3);
            listing.entries.append(entry);
        } else if (const auto pre = prefix.match(line); pre.hasMatch()) {
            ListedEntry entry;
            entry.name = pre.captured(1);
            entry.directory = true;
            listing.entries.append(entry);
        } else if (!line.trimmed().isEmpty()) {
            other.append(line.trimmed());
        }
    }
    const bool framed = output.contains("\x1elist");
    if (framed && !listing.complete)
        listing.error = Text::tr("the listing of %1 ended early").arg(url);
    // aws exits 1 when the prefix holds nothing: that is an empty location, not a failure.
    else if (listing.exitStatus > 1 || !other.isEmpty() ||
             (listing.exitStatus == 1 && !listing.entries.isEmpty()))
        listing.error = Text::tr("aws s3 ls %1 failed (status %2): %3")
                            .arg(url)
                            .arg(listing.exitStatus)
                            .arg(other.join(u' ').left(300));
    if (!framed)
        listing.complete = true;
    return listing;
}

QString backupReadScript(const QString &directory, const QList<ReadItem> &items,
                         const QString &nonce)
{
    const QString mark = u"\\036"_s + nonce;
    QString script = u"cd %1 || exit 0\n"_s.arg(shellQuote(directory));
    const QList<QList<qsizetype>> batches = fileBatches(items);
    for (qsizetype batch = 0; batch < batches.size(); ++batch) {
        QStringList names;
        for (qsizetype index : batches.at(batch))
            names.append(shellQuote(items.at(index).name));
        script += u"printf '%1 head %2\\n'\nhead -v -c %3 -- %4 2>/dev/null\n"_s.arg(mark)
                      .arg(batch)
                      .arg(ReadBytes)
                      .arg(names.join(u' '));
    }
    for (qsizetype index = 0; index < items.size(); ++index) {
        const ReadItem &item = items.at(index);
        const QString name = shellQuote(item.name);
        if (item.directory) {
            script +=
                u"printf '%1 dir %2\\n'\ndu -sbL -- %3 2>/dev/null\n"_s.arg(mark).arg(index).arg(
                    name);
            script += u"printf '%1 toc %2\\n'\nhead -c %3 -- %4 2>/dev/null\n"_s.arg(mark)
                          .arg(index)
                          .arg(ReadBytes)
                          .arg(shellQuote(item.name + u"/toc.dat"_s));
        } else if (item.decompress != BackupCompression::None) {
            script += u"printf '%1 z %2\\n'\n%3 -- %4 2>/dev/null | head -c %5\n"_s.arg(mark)
                          .arg(index)
                          .arg(decompressCommand(item.decompress), name)
                          .arg(ReadBytes);
        }
    }
    script += u"printf '%1 end\\n'\n"_s.arg(mark);
    return script;
}

ReadOutput parseBackupRead(QByteArrayView output, const QList<ReadItem> &items,
                           const QString &nonce)
{
    ReadOutput read;
    const QByteArray mark = "\x1e" + nonce.toLatin1() + ' ';
    // Frames: "<mark>kind [index]\n" then the bytes up to the next mark.
    struct Frame {
        QByteArray kind;
        qsizetype index = -1;
        QByteArrayView body;
    };
    QList<Frame> frames;
    qsizetype at = output.indexOf(mark);
    while (at >= 0) {
        const qsizetype headerEnd = output.indexOf('\n', at);
        if (headerEnd < 0)
            break;
        const QList<QByteArray> words =
            output.sliced(at + mark.size(), headerEnd - at - mark.size()).toByteArray().split(' ');
        const qsizetype next = output.indexOf(mark, headerEnd + 1);
        Frame frame;
        frame.kind = words.value(0);
        bool ok = false;
        frame.index = words.value(1).toLongLong(&ok);
        if (!ok)
            frame.index = -1;
        frame.body =
            output.sliced(headerEnd + 1, (next < 0 ? output.size() : next) - (headerEnd + 1));
        frames.append(frame);
        at = next;
    }
    const QList<QList<qsizetype>> batches = fileBatches(items);
    for (const Frame &frame : std::as_const(frames)) {
        if (frame.kind == "head" && frame.index >= 0 && frame.index < batches.size()) {
            const QList<qsizetype> &batch = batches.at(frame.index);
            const QByteArrayView body = frame.body;
            qsizetype p = 0;
            for (qsizetype n = 0; n < batch.size(); ++n) {
                const ReadItem &item = items.at(batch.at(n));
                const QByteArray header = headHeader(item.name);
                // Every header but the first follows a blank line; a file head could not open
                // prints no header at all, so look a little ahead for this one.
                qsizetype found = -1;
                for (const QByteArray &candidate : {header, QByteArray("\n" + header)}) {
                    if (body.sliced(p).startsWith(candidate)) {
                        found = p + candidate.size();
                        break;
                    }
                }
                if (found < 0) {
                    // Files before it could not be opened: find its header further on.
                    const qsizetype later = body.indexOf(QByteArray("\n" + header), p);
                    if (later < 0)
                        continue; // not read: read again next time
                    found = later + 1 + header.size();
                }
                const qsizetype expected =
                    std::min<qsizetype>(item.size < 0 ? ReadBytes : item.size, ReadBytes);
                qsizetype length = std::min(expected, body.size() - found);
                // The file may have changed since it was listed: trust the next header.
                const auto nextHeaderAt = [&](qsizetype from) -> qsizetype {
                    if (n + 1 >= batch.size())
                        return from == body.size() ? from : -1;
                    const QByteArray following = "\n" + headHeader(items.at(batch.at(n + 1)).name);
                    return body.sliced(from).startsWith(following) ? from : -1;
                };
                if (nextHeaderAt(found + length) < 0) {
                    if (n + 1 < batch.size()) {
                        const QByteArray following =
                            "\n" + headHeader(items.at(batch.at(n + 1)).name);
                        const qsizetype next = body.indexOf(following, found);
                        if (next < 0 || next - found > ReadBytes)
                            continue;
                        length = next - found;
                    } else {
                        length = std::min<qsizetype>(body.size() - found, ReadBytes);
                    }
                }
                read.first.insert(item.name, body.sliced(found, length).toByteArray());
                p = found + length;
            }
        } else if (frame.index >= 0 && frame.index < items.size()) {
            const ReadItem &item = items.at(frame.index);
            if (frame.kind == "dir") {
                bool ok = false;
                const qsizetype tab = frame.body.indexOf('\t');
                const qint64 size =
                    frame.body.first(tab < 0 ? 0 : tab).toByteArray().toLongLong(&ok);
                if (ok)
                    read.directorySize.insert(item.name, size);
            } else if (frame.kind == "toc") {
                read.first.insert(
                    item.name, frame.body.first(std::min<qsizetype>(frame.body.size(), ReadBytes))
                                   .toByteArray());
            } else if (frame.kind == "z") {
                read.inner.insert(
                    item.name, frame.body.first(std::min<qsizetype>(frame.body.size(), ReadBytes))
                                   .toByteArray());
            }
        }
    }
    return read;
}

WalArchive analyzeWalArchive(const QList<BackupFile> &files, const QList<LabelledBackup> &labels,
                             qint64 segmentBytes)
{
    WalArchive archive;
    std::map<quint32, QList<quint64>> byTimeline;
    QHash<quint64, QDateTime> archived; // segment number → newest archive time on any timeline
    for (const BackupFile &file : files) {
        if (file.format != BackupFormat::WalSegment || file.name().endsWith(u".partial"_s))
            continue;
        const std::optional<WalFileName> wal = parseWalFileName(file.name(), segmentBytes);
        if (!wal)
            continue;
        ++archive.segments;
        byTimeline[wal->timeline].append(wal->segment);
        QDateTime &when = archived[wal->segment];
        if (!when.isValid() || file.modified > when)
            when = file.modified;
    }
    for (auto &[timeline, segments] : byTimeline) {
        archive.timelines.append(timeline);
        std::sort(segments.begin(), segments.end());
        segments.erase(std::unique(segments.begin(), segments.end()), segments.end());
        for (qsizetype i = 1; i < segments.size(); ++i) {
            if (segments.at(i) == segments.at(i - 1) + 1)
                continue;
            WalGap gap;
            gap.timeline = timeline;
            gap.firstMissing = walFileName(timeline, segments.at(i - 1) + 1, segmentBytes);
            gap.lastMissing = walFileName(timeline, segments.at(i) - 1, segmentBytes);
            gap.missing = qint64(segments.at(i) - segments.at(i - 1) - 1);
            archive.gaps.append(gap);
        }
    }

    // The oldest base backup whose WAL runs without a gap from its start past its end; a
    // segment counts on whichever timeline it was archived (a promotion continues the count).
    QList<LabelledBackup> sorted = labels;
    std::sort(sorted.begin(), sorted.end(), [](const LabelledBackup &a, const LabelledBackup &b) {
        return a.label.startTime < b.label.startTime;
    });
    for (const LabelledBackup &backup : std::as_const(sorted)) {
        const auto start = parseWalFileName(backup.label.startWalFile, segmentBytes);
        const auto stop =
            parseWalFileName(backup.label.stopWalFile.isEmpty() ? backup.label.startWalFile
                                                                : backup.label.stopWalFile,
                             segmentBytes);
        if (!start || !stop)
            continue;
        quint64 last = start->segment;
        if (!archived.contains(last)) {
            if (archive.window.reason.isEmpty())
                archive.window.reason = Text::tr("base backup %1 starts in %2, which is not "
                                                 "archived")
                                            .arg(backup.file.name(), backup.label.startWalFile);
            continue;
        }
        while (archived.contains(last + 1))
            ++last;
        if (last < stop->segment) {
            if (archive.window.reason.isEmpty())
                archive.window.reason =
                    Text::tr("base backup %1 needs WAL up to %2, but %3 is missing")
                        .arg(backup.file.name(), backup.label.stopWalFile,
                             walFileName(stop->timeline, last + 1, segmentBytes));
            continue;
        }
        archive.window.recoverable = true;
        archive.window.from = backup.label.startTime;
        archive.window.to = archived.value(last);
        archive.window.baseBackup = backup.file.name();
        archive.window.reason.clear();
        break;
    }
    if (!archive.window.recoverable && archive.window.reason.isEmpty() && archive.segments > 0)
        archive.window.reason = Text::tr("no base backup label (.backup) in the archive");
    return archive;
}

QString walWindowText(const WalArchive &archive)
{
    if (archive.isEmpty())
        return {};
    QString text;
    if (archive.window.recoverable)
        text = Text::tr("PITR %1 – %2")
                   .arg(archive.window.from.toString(u"yyyy-MM-dd HH:mm"_s),
                        archive.window.to.toString(u"yyyy-MM-dd HH:mm"_s));
    else
        text = Text::tr("no PITR: %1").arg(archive.window.reason);
    if (!archive.gaps.isEmpty())
        text += u"; "_s + Text::tr("%n gap(s), first at %1", nullptr, int(archive.gaps.size()))
                              .arg(archive.gaps.first().firstMissing);
    return text;
}

Staleness judgeStaleness(const QList<BackupFile> &files, const BackupLocation &location,
                         const QDateTime &now)
{
    Staleness staleness;
    for (const BackupFile &file : files) {
        if (file.format == BackupFormat::WalHistory)
            continue;
        if (!staleness.newest.isValid() || file.modified > staleness.newest)
            staleness.newest = file.modified;
    }
    const QString staleAfter = formatDuration(qint64(location.staleAfterSeconds) * 1000);
    if (!staleness.newest.isValid()) {
        staleness.verdict = 2;
        staleness.sentence = Text::tr("no backup in this location");
        return staleness;
    }
    const qint64 age = std::max<qint64>(0, staleness.newest.secsTo(now));
    staleness.verdict = age > location.criticalAfterSeconds ? 2
                        : age > location.staleAfterSeconds  ? 1
                                                            : 0;
    const QString ageText = formatDuration(age * 1000);
    if (staleness.verdict == 2)
        staleness.sentence =
            Text::tr("newest backup is %1 old; critical after %2")
                .arg(ageText, formatDuration(qint64(location.criticalAfterSeconds) * 1000));
    else
        staleness.sentence =
            Text::tr("newest backup is %1 old; stale after %2").arg(ageText, staleAfter);
    return staleness;
}

} // namespace OpsDeck
