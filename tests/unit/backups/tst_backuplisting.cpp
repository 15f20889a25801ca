// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog's parsers over real samples (tests/data/backups: dumps made by pg_dump 15 in
// every format, compressed by the real tools; the label, history and S3 captures are written
// by hand in their tools' formats): kinds, pg_dump headers, WAL names, labels, checksums, the
// listing and read scripts' output, `aws s3 ls`, the WAL window and staleness.
#include "models/backups/backuplisting.h"
#include "models/remote/commandrunner.h"

#include <QFile>
#include <QTest>

using namespace OpsDeck;
using namespace Qt::StringLiterals;

namespace {

const QString data = QStringLiteral(OPSDECK_SOURCE_DIR "/tests/data/backups/");

QByteArray sample(const QString &name)
{
    QFile file(data + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// What the decompressing tool gives, as the read script would: the plain dump's start.
QByteArray innerOf(const QString &name)
{
    if (compressionFromName(name) == BackupCompression::None)
        return {};
    if (name.startsWith(u"uploads"_s)) {
        // tar czf of a folder: the first member is the folder.
        QByteArray tar(512, '\0');
        tar.replace(0, 8, "uploads/");
        tar.replace(257, 6, QByteArray("ustar\0", 6));
        return tar;
    }
    return sample(u"opsdeck-plain.sql"_s).left(ReadBytes);
}

BackupFile file(const QString &name, const QDateTime &modified, qint64 size = 1000)
{
    BackupFile f;
    f.host = u"db1"_s;
    f.location = u"nightly"_s;
    f.path = u"/var/backups/pg/"_s + name;
    f.size = size;
    f.modified = modified;
    f.format = detectBackup(name, false, {}, {}).format;
    return f;
}

QDateTime at(const QString &text)
{
    QDateTime when = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm:ss"_s);
    when.setTimeSpec(Qt::UTC);
    return when;
}

QString stripComments(const QByteArray &capture)
{
    QStringList lines;
    for (const QString &line : QString::fromUtf8(capture).split(u'\n')) {
        if (!line.startsWith(u'#'))
            lines.append(line);
    }
    return lines.join(u'\n');
}

} // namespace

class BackupListingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsKinds_data();
    void detectsKinds();
    void readsCustomHeader();
    void readsHeaderVersions_data();
    void readsHeaderVersions();
    void truncatedHeaderKeepsWhatItHas();
    void readsPlainHeaders_data();
    void readsPlainHeaders();
    void guessesDatabaseFromName_data();
    void guessesDatabaseFromName();
    void parsesWalNames_data();
    void parsesWalNames();
    void parsesBackupLabel();
    void readsSha256_data();
    void readsSha256();
    void parsesListing();
    void listingReportsMissingAndEarlyEnd();
    void parsesReadOutput();
    void readOutputResyncsAfterUnreadableFile();
    void parsesS3Listings();
    void s3FailureIsAnError();
    void scriptsAreRead();
    void walArchiveGapsAndWindow();
    void walWindowNeedsContiguousWal();
    void staleness_data();
    void staleness();
};

void BackupListingTest::detectsKinds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("directory");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("compression");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("serverVersion");
    // A plain dump made without -C names no database: the file name's start stands in.
    QTest::newRow("custom") << u"opsdeck-2026-12-06.dump"_s << false << u"pg-custom"_s << u"none"_s
                            << u"opsdeck"_s << u"15.18"_s;
    QTest::newRow("custom, quoted name") << u"quoted-name.dump"_s << false << u"pg-custom"_s
                                         << u"none"_s << u"it's my db"_s << u"15.18"_s;
    QTest::newRow("directory") << u"directory-toc.dat"_s << true << u"pg-directory"_s << u"gzip"_s
                               << u"opsdeck"_s << u"15.18"_s;
    QTest::newRow("tar") << u"opsdeck.tar"_s << false << u"pg-tar"_s << u"none"_s << u"opsdeck"_s
                         << u"15.18"_s;
    QTest::newRow("plain") << u"opsdeck-plain.sql"_s << false << u"plain-sql"_s << u"none"_s
                           << u"opsdeck-plain"_s << u"15.18"_s;
    QTest::newRow("plain with CREATE DATABASE")
        << u"quoted-name-create.sql"_s << false << u"plain-sql"_s << u"none"_s << u"it's my db"_s
        << u"15.18"_s;
    QTest::newRow("pg_dumpall") << u"cluster-globals.sql"_s << false << u"plain-sql"_s << u"none"_s
                                << u"cluster"_s << QString();
    QTest::newRow("gzip") << u"opsdeck-plain.sql.gz"_s << false << u"plain-sql"_s << u"gzip"_s
                          << u"opsdeck-plain"_s << u"15.18"_s;
    QTest::newRow("zstd") << u"opsdeck-plain.sql.zst"_s << false << u"plain-sql"_s << u"zstd"_s
                          << u"opsdeck-plain"_s << u"15.18"_s;
    QTest::newRow("lz4") << u"opsdeck-plain.sql.lz4"_s << false << u"plain-sql"_s << u"lz4"_s
                         << u"opsdeck-plain"_s << u"15.18"_s;
    QTest::newRow("bzip2") << u"opsdeck-plain.sql.bz2"_s << false << u"plain-sql"_s << u"bzip2"_s
                           << u"opsdeck-plain"_s << u"15.18"_s;
    QTest::newRow("xz") << u"opsdeck-plain.sql.xz"_s << false << u"plain-sql"_s << u"xz"_s
                        << u"opsdeck-plain"_s << u"15.18"_s;
    QTest::newRow("tar.gz of files")
        << u"uploads.tar.gz"_s << false << u"files"_s << u"gzip"_s << QString() << QString();
    QTest::newRow("backup label") << u"000000010000000000000002.00000028.backup"_s << false
                                  << u"wal-backup-label"_s << u"none"_s << QString() << QString();
    QTest::newRow("history") << u"00000002.history"_s << false << u"wal-history"_s << u"none"_s
                             << QString() << QString();
}

void BackupListingTest::detectsKinds()
{
    QFETCH(QString, name);
    QFETCH(bool, directory);
    const QByteArray first = sample(name).left(ReadBytes);
    QVERIFY2(!first.isEmpty(), qPrintable(name));
    const BackupDetection detection =
        detectBackup(directory ? u"opsdeck.dir"_s : name, directory, first, innerOf(name));
    QTEST(backupFormatId(detection.format), "format");
    QTEST(backupCompressionId(detection.compression), "compression");
    QFETCH(QString, database);
    if (database == u"cluster"_s)
        QVERIFY(detection.database.isEmpty());
    else
        QCOMPARE(detection.database, database);
    QTEST(detection.serverVersion, "serverVersion");
}

void BackupListingTest::readsCustomHeader()
{
    const auto header = parsePgDumpHeader(sample(u"quoted-name.dump"_s));
    QVERIFY(header);
    QCOMPARE(header->versionMajor, 1);
    QCOMPARE(header->versionMinor, 14);
    QCOMPARE(header->format, 1);
    QCOMPARE(header->compression, BackupCompression::Gzip); // pg_dump's default level
    QCOMPARE(header->database, u"it's my db"_s);
    QVERIFY(header->serverVersion.startsWith(u"15."_s));
    QVERIFY(header->dumpVersion.startsWith(u"15."_s));
    QVERIFY(header->created.isValid());
    QVERIFY(header->created.date().year() >= 2024);
    const auto uncompressed = parsePgDumpHeader(sample(u"opsdeck-2026-12-06.dump"_s));
    QVERIFY(uncompressed);
    QCOMPARE(uncompressed->compression, BackupCompression::None); // made with -Z0
    const auto tar = parsePgDumpHeader(sample(u"opsdeck.tar"_s).mid(512));
    QVERIFY(tar);
    QCOMPARE(tar->format, 3);
}

void BackupListingTest::readsHeaderVersions_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("compression");
    QTest::addColumn<QString>("database");
    // pg_dump 16 (archive 1.15): one byte names the compression algorithm; 3 is zstd.
    const auto pg16 = [](char algorithm) {
        QByteArray b("PGDMP\x01\x0f\x00\x04\x08\x01", 11);
        b += algorithm;
        for (int field : {5, 4, 3, 6, 11, 126, 0})
            b += QByteArray("\x00", 1) + char(field) + QByteArray(3, '\0');
        b += QByteArray("\x00\x02\x00\x00\x00", 5) + "db";
        return b;
    };
    QTest::newRow("1.15 zstd") << pg16(3) << u"zstd"_s << u"db"_s;
    QTest::newRow("1.15 lz4") << pg16(2) << u"lz4"_s << u"db"_s;
    QTest::newRow("1.15 none") << pg16(0) << u"none"_s << u"db"_s;
    // Archive 1.12 (pg_dump 9.x): a zlib level; 6.
    QByteArray old("PGDMP\x01\x0c\x00\x04\x08\x01\x00\x06\x00\x00\x00", 16);
    QTest::newRow("1.12 level 6") << old << u"gzip"_s << QString();
}

void BackupListingTest::readsHeaderVersions()
{
    QFETCH(QByteArray, bytes);
    const auto header = parsePgDumpHeader(bytes);
    QVERIFY(header);
    QTEST(backupCompressionId(header->compression), "compression");
    QTEST(header->database, "database");
}

void BackupListingTest::truncatedHeaderKeepsWhatItHas()
{
    const QByteArray whole = sample(u"opsdeck-2026-12-06.dump"_s);
    for (int length = 0; length < 140; ++length) {
        const auto header = parsePgDumpHeader(whole.left(length));
        QCOMPARE(header.has_value(), length >= 5);
    }
    QVERIFY(!parsePgDumpHeader("PGDM"));
}

void BackupListingTest::readsPlainHeaders_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("database");
    QTest::addColumn<bool>("cluster");
    QTest::newRow("no database") << sample(u"opsdeck-plain.sql"_s) << QString() << false;
    QTest::newRow("create") << sample(u"quoted-name-create.sql"_s) << u"it's my db"_s << false;
    QTest::newRow("cluster") << sample(u"cluster-globals.sql"_s) << QString() << true;
    QTest::newRow("connect only") << QByteArray(
                                         "--\n-- PostgreSQL database dump\n--\n\\connect shop\n")
                                  << u"shop"_s << false;
    QTest::newRow("quoted connect")
        << QByteArray("--\n-- PostgreSQL database dump\n--\n\\connect \"My \"\"Shop\"\"\"\n")
        << u"My \"Shop\""_s << false;
}

void BackupListingTest::readsPlainHeaders()
{
    QFETCH(QByteArray, text);
    const auto header = parsePlainSqlHeader(text);
    QVERIFY(header);
    QTEST(header->database, "database");
    QTEST(header->cluster, "cluster");
    QVERIFY(!parsePlainSqlHeader("SELECT 1;\n"));
}

void BackupListingTest::guessesDatabaseFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("database");
    QTest::newRow("dated") << u"opsdeck_prod-2026-12-06.dump"_s << u"opsdeck_prod"_s;
    QTest::newRow("underscore date") << u"shop_20261206T0300.sql.gz"_s << u"shop"_s;
    QTest::newRow("plain") << u"billing.dump"_s << u"billing"_s;
    QTest::newRow("numbers first") << u"2026-12-06-shop.dump"_s << QString();
}

void BackupListingTest::guessesDatabaseFromName()
{
    QFETCH(QString, name);
    QTEST(databaseFromFileName(name), "database");
}

void BackupListingTest::parsesWalNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<uint>("timeline");
    QTest::addColumn<qulonglong>("segment");
    QTest::newRow("first") << u"000000010000000000000001"_s << true << 1u << 1ull;
    QTest::newRow("last of log 0") << u"0000000100000000000000FF"_s << true << 1u << 255ull;
    QTest::newRow("first of log 1") << u"000000010000000100000000"_s << true << 1u << 256ull;
    QTest::newRow("timeline 2, gz")
        << u"00000002000000A3000000C4.gz"_s << true << 2u << (0xA3ull * 256 + 0xC4);
    QTest::newRow("partial") << u"000000020000000000000005.partial"_s << true << 2u << 5ull;
    QTest::newRow("segment too big for 16 MiB")
        << u"000000010000000000000100"_s << false << 0u << 0ull;
    QTest::newRow("lower case") << u"00000001000000000000000a"_s << false << 0u << 0ull;
    QTest::newRow("23 digits") << u"00000001000000000000001"_s << false << 0u << 0ull;
}

void BackupListingTest::parsesWalNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    const auto wal = parseWalFileName(name);
    QCOMPARE(wal.has_value(), valid);
    if (!valid)
        return;
    QTEST(uint(wal->timeline), "timeline");
    QTEST(qulonglong(wal->segment), "segment");
    QCOMPARE(walFileName(wal->timeline, wal->segment), name.left(24));
}

void BackupListingTest::parsesBackupLabel()
{
    const auto label = parseBackupLabel(sample(u"000000010000000000000002.00000028.backup"_s));
    QVERIFY(label);
    QCOMPARE(label->startWalFile, u"000000010000000000000002"_s);
    QCOMPARE(label->stopWalFile, u"000000010000000000000002"_s);
    QCOMPARE(label->startLocation, u"0/2000028"_s);
    QCOMPARE(label->stopLocation, u"0/2000138"_s);
    QCOMPARE(label->startTime, at(u"2026-12-05 03:00:01"_s));
    QCOMPARE(label->stopTime, at(u"2026-12-05 03:00:04"_s));
    QCOMPARE(label->label, u"nightly base backup"_s);
    const auto offset = parseBackupLabel("START WAL LOCATION: 0/9000028 (file "
                                         "000000010000000000000009)\nSTART TIME: 2026-12-05 "
                                         "05:00:00 +02\n");
    QVERIFY(offset);
    QCOMPARE(offset->startTime, at(u"2026-12-05 03:00:00"_s));
    QVERIFY(!parseBackupLabel("LABEL: x\n"));
}

void BackupListingTest::readsSha256_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("digest");
    const QByteArray real = sample(u"opsdeck-2026-12-06.dump.sha256"_s);
    const QString realDigest = QString::fromLatin1(real.left(64));
    QTest::newRow("sha256sum") << real << u"opsdeck-2026-12-06.dump"_s << realDigest;
    QTest::newRow("binary mode and path")
        << QByteArray(real.left(64) + " */var/backups/x.dump\n") << u"x.dump"_s << realDigest;
    QTest::newRow("digest only") << QByteArray(real.left(64).toUpper() + "\n") << u"y"_s
                                 << realDigest;
    QTest::newRow("other file") << real << u"other.dump"_s << QString();
    QTest::newRow("garbage") << QByteArray("not a checksum\n") << u"x"_s << QString();
}

void BackupListingTest::readsSha256()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QTEST(sha256For(text, name), "digest");
}

void BackupListingTest::parsesListing()
{
    // As find -printf prints it: names with a space, a newline, quotes and $().
    const QByteArray output =
        QByteArray("\x1elist\n") + QByteArray("3507 1765000000.5123456780 f app 1.dump\0", 40) +
        "12 1765000001.0000000000 f line\nbreak.sql" + QByteArray(1, '\0') +
        "4096 1765000002.2500000000 d dir.d" + QByteArray(1, '\0') + "7 1765000003.0 l link" +
        QByteArray(1, '\0') + "5 1765000004.0 f $(touch canary)'\"" + QByteArray(1, '\0') +
        "\x1e"
        "end 0\n";
    const ListingOutput listing = parseBackupListing(output, u"/b"_s);
    QVERIFY2(listing.error.isEmpty(), qPrintable(listing.error));
    QVERIFY(listing.complete);
    QCOMPARE(listing.entries.size(), 4);
    QCOMPARE(listing.entries.at(0).name, u"app 1.dump"_s);
    QCOMPARE(listing.entries.at(0).size, 3507);
    QCOMPARE(listing.entries.at(0).modified.toMSecsSinceEpoch(), 1765000000512);
    QCOMPARE(listing.entries.at(1).name, u"line\nbreak.sql"_s);
    QVERIFY(listing.entries.at(2).directory);
    QCOMPARE(listing.entries.at(3).name, u"$(touch canary)'\""_s);
}

void BackupListingTest::listingReportsMissingAndEarlyEnd()
{
    QVERIFY(parseBackupListing("\x1emissing\n", u"/gone"_s).error.contains(u"/gone"_s));
    const ListingOutput early =
        parseBackupListing(QByteArray("\x1elist\n1 1.0 f a\0", 16), u"/b"_s);
    QVERIFY(!early.complete);
    QVERIFY(!early.error.isEmpty());
    const ListingOutput denied = parseBackupListing("\x1elist\n\x1e"
                                                    "end 1\n",
                                                    u"/b"_s);
    QVERIFY(denied.complete);
    QVERIFY(denied.error.contains(u"status 1"_s));
}

void BackupListingTest::parsesReadOutput()
{
    const QString nonce = u"0123abcd"_s;
    const QList<ReadItem> items = {
        {u"a.dump"_s, false, BackupCompression::None, 5},
        {u"b\nc.sql.gz"_s, false, BackupCompression::Gzip, 9000},
        {u"d.dir"_s, true, BackupCompression::None, 4096},
        {u"e.sha256"_s, false, BackupCompression::None, 3},
    };
    const QByteArray big(ReadBytes, 'x');
    const QByteArray output = "\x1e"
                              "0123abcd head 0\n==> a.dump <==\nPGDMP\n==> b\nc.sql.gz <==\n" +
                              big +
                              "\n==> e.sha256 <==\nabc\x1e"
                              "0123abcd dir 2\n8192\td.dir\n"
                              "\x1e"
                              "0123abcd toc 2\nPGDMP-toc\x1e"
                              "0123abcd z 1\n-- PostgreSQL"
                              "\x1e"
                              "0123abcd end\n";
    const ReadOutput read = parseBackupRead(output, items, nonce);
    QCOMPARE(read.first.value(u"a.dump"_s), QByteArray("PGDMP"));
    QCOMPARE(read.first.value(u"b\nc.sql.gz"_s), big);
    QCOMPARE(read.first.value(u"e.sha256"_s), QByteArray("abc"));
    QCOMPARE(read.first.value(u"d.dir"_s), QByteArray("PGDMP-toc"));
    QCOMPARE(read.inner.value(u"b\nc.sql.gz"_s), QByteArray("-- PostgreSQL"));
    QCOMPARE(read.directorySize.value(u"d.dir"_s), 8192);
    QVERIFY(backupReadScript(u"/b"_s, items, nonce).contains(u"'b\nc.sql.gz'"_s));
}

void BackupListingTest::readOutputResyncsAfterUnreadableFile()
{
    // head prints no header for a file it cannot open; a file that grew since it was listed
    // is found by the next header.
    const QList<ReadItem> items = {
        {u"locked"_s, false, BackupCompression::None, 10},
        {u"grew"_s, false, BackupCompression::None, 2},
        {u"last"_s, false, BackupCompression::None, 3},
    };
    const QByteArray output = "\x1eN head 0\n==> grew <==\nabcd\n==> last <==\nxyz\x1eN end\n";
    const ReadOutput read = parseBackupRead(output, items, u"N"_s);
    QVERIFY(!read.first.contains(u"locked"_s));
    QCOMPARE(read.first.value(u"grew"_s), QByteArray("abcd"));
    QCOMPARE(read.first.value(u"last"_s), QByteArray("xyz"));
}

void BackupListingTest::parsesS3Listings()
{
    const QByteArray recursive = "\x1elist\n" +
                                 stripComments(sample(u"s3-recursive.txt"_s)).toUtf8() +
                                 "\x1e"
                                 "end 0\n";
    const ListingOutput listing = parseS3Listing(recursive, u"s3://acme-backups/pg/"_s);
    QVERIFY2(listing.error.isEmpty(), qPrintable(listing.error));
    QCOMPARE(listing.entries.size(), 6);
    QCOMPARE(listing.entries.at(3).name, u"pg/db1/app 2026-12-06 (manual).sql.gz"_s);
    QCOMPARE(listing.entries.at(3).size, 12345678);
    QCOMPARE(listing.entries.at(3).modified, at(u"2026-12-06 03:00:11"_s));
    const ListingOutput flat = parseS3Listing(stripComments(sample(u"s3-flat.txt"_s)).toUtf8(),
                                              u"s3://acme-backups/pg/"_s);
    QVERIFY2(flat.error.isEmpty(), qPrintable(flat.error));
    QCOMPARE(flat.entries.size(), 3);
    QVERIFY(flat.entries.at(0).directory);
    QCOMPARE(flat.entries.at(0).name, u"db1/"_s);
    // An empty prefix: aws says nothing and exits 1.
    const ListingOutput empty = parseS3Listing("\x1elist\n\x1e"
                                               "end 1\n",
                                               u"s3://x/"_s);
    QVERIFY(empty.error.isEmpty());
    QVERIFY(empty.entries.isEmpty());
}

void BackupListingTest::s3FailureIsAnError()
{
    const ListingOutput denied = parseS3Listing(
        "\x1elist\n\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: "
        "Access Denied\n\x1e"
        "end 1\n",
        u"s3://acme/"_s);
    QVERIFY(denied.error.contains(u"AccessDenied"_s));
    QVERIFY(denied.error.contains(u"s3://acme/"_s));
}

void BackupListingTest::scriptsAreRead()
{
    const QList<QString> scripts = {
        backupListingScript(u"/var/backups/it's $(x)"_s, u"*.dump"_s),
        s3ListingScript(u"s3://acme-backups/pg/"_s),
        backupReadScript(u"/var/backups"_s,
                         {{u"a.sql.gz"_s, false, BackupCompression::Gzip, 1},
                          {u"b.zst"_s, false, BackupCompression::Zstd, 1},
                          {u"c.lz4"_s, false, BackupCompression::Lz4, 1},
                          {u"d.bz2"_s, false, BackupCompression::Bzip2, 1},
                          {u"e.xz"_s, false, BackupCompression::Xz, 1},
                          {u"f.dir"_s, true, BackupCompression::None, 1},
                          {u"g.dump"_s, false, BackupCompression::None, 1}},
                         u"n0nce"_s),
    };
    for (const QString &script : scripts) {
        CommandRequest request;
        request.script = script;
        const RiskAssessment risk = CommandRunner::assess(request);
        QVERIFY2(risk.risk == Risk::Read, qPrintable(risk.reason + u"\n"_s + script));
    }
}

void BackupListingTest::walArchiveGapsAndWindow()
{
    QList<BackupFile> files;
    // Timeline 1: 2..6, then 8..9 (7 missing); a promotion continued on timeline 2 at 10.
    for (int s : {2, 3, 4, 5, 6, 8, 9})
        files.append(
            file(walFileName(1, quint64(s)), at(u"2026-12-05 03:00:00"_s).addSecs(s * 60)));
    files.append(file(walFileName(2, 10), at(u"2026-12-05 04:00:00"_s)));
    const BackupLabel label =
        *parseBackupLabel(sample(u"000000010000000000000002.00000028.backup"_s));
    const BackupFile labelFile =
        file(u"000000010000000000000002.00000028.backup"_s, label.stopTime);
    files.append(labelFile);
    const WalArchive archive = analyzeWalArchive(files, {{labelFile, label}});
    QCOMPARE(archive.segments, 8);
    QCOMPARE(archive.timelines, (QList<quint32>{1, 2}));
    QCOMPARE(archive.gaps.size(), 1);
    QCOMPARE(archive.gaps.first().firstMissing, u"000000010000000000000007"_s);
    QCOMPARE(archive.gaps.first().missing, 1);
    QVERIFY(archive.window.recoverable);
    QCOMPARE(archive.window.from, at(u"2026-12-05 03:00:01"_s));
    // Contiguous from 2 to 6: the window ends where segment 6 was archived.
    QCOMPARE(archive.window.to, at(u"2026-12-05 03:06:00"_s));
    QVERIFY(walWindowText(archive).contains(u"000000010000000000000007"_s));
}

void BackupListingTest::walWindowNeedsContiguousWal()
{
    BackupLabel label;
    label.startWalFile = u"000000010000000000000010"_s;
    label.stopWalFile = u"000000010000000000000012"_s;
    label.startTime = at(u"2026-12-06 03:00:00"_s);
    const BackupFile labelFile =
        file(u"000000010000000000000010.00000028.backup"_s, label.startTime);
    QList<BackupFile> files = {file(walFileName(1, 16), label.startTime),
                               file(walFileName(1, 18), label.startTime), labelFile};
    WalArchive archive = analyzeWalArchive(files, {{labelFile, label}});
    QVERIFY(!archive.window.recoverable);
    QVERIFY2(archive.window.reason.contains(u"000000010000000000000011"_s),
             qPrintable(archive.window.reason));
    archive = analyzeWalArchive({file(walFileName(1, 16), label.startTime)}, {});
    QVERIFY(!archive.window.recoverable);
    QVERIFY(archive.window.reason.contains(u".backup"_s));
}

void BackupListingTest::staleness_data()
{
    QTest::addColumn<int>("ageHours");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("fresh") << 3 << 0
                           << u"newest backup is 3 h 00 min old; stale after 26 h 00 min"_s;
    QTest::newRow("stale") << 31 << 1
                           << u"newest backup is 31 h 00 min old; stale after 26 h 00 min"_s;
    QTest::newRow("critical") << 60 << 2
                              << u"newest backup is 60 h 00 min old; critical after 50 h 00 min"_s;
}

void BackupListingTest::staleness()
{
    QFETCH(int, ageHours);
    const QDateTime now = at(u"2026-12-06 12:00:00"_s);
    BackupLocation location;
    const QList<BackupFile> files = {file(u"a.dump"_s, now.addSecs(-ageHours * 3600)),
                                     file(u"b.dump"_s, now.addSecs(-100 * 3600))};
    const Staleness judged = judgeStaleness(files, location, now);
    QTEST(judged.verdict, "verdict");
    QTEST(judged.sentence, "sentence");
    QCOMPARE(judgeStaleness({}, location, now).verdict, 2);
}

QTEST_GUILESS_MAIN(BackupListingTest)
#include "tst_backuplisting.moc"
