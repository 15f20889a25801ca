// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes read as a backup file's first bytes, a listing, a read script's
// output, `aws s3 ls`, a backup label or a .sha256 file never crash the catalog's parsers;
// a pg_dump header is only found behind PGDMP, listed names are never empty, read heads are
// never longer than what the script reads, and WAL names read back as they were written.
#include "models/backups/backuplisting.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const char *rule)
{
    std::fprintf(stderr, "%s\n", rule);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace OpsDeck;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    if (parsePgDumpHeader(bytes) && !bytes.startsWith("PGDMP"))
        fail("a pg_dump header without PGDMP");
    parsePlainSqlHeader(bytes);
    tarFirstMember(bytes);
    for (const QString &name : {u"x.dump"_s, u"x.sql.gz"_s, u"000000010000000000000001"_s})
        detectBackup(name, false, bytes, bytes.mid(1));
    detectBackup(u"dir"_s, true, bytes, {});
    parseBackupLabel(bytes);
    sha256For(bytes, u"x.dump"_s);

    const ListingOutput listing = parseBackupListing(bytes, u"/b"_s);
    for (const ListedEntry &entry : listing.entries) {
        if (entry.name.isEmpty() || entry.name.contains(QChar(0)))
            fail("a listed entry without a name, or with a NUL in it");
    }
    const ListingOutput s3 = parseS3Listing(bytes, u"s3://b/p/"_s);
    for (const ListedEntry &entry : s3.entries) {
        if (entry.name.isEmpty())
            fail("an S3 entry without a name");
    }

    const QList<ReadItem> items = {{u"a"_s, false, BackupCompression::None, 5},
                                   {u"b c"_s, false, BackupCompression::Gzip, 5000},
                                   {u"d"_s, true, BackupCompression::None, 4096}};
    const ReadOutput read = parseBackupRead(bytes, items, u"N"_s);
    for (const QByteArray &head : read.first) {
        if (head.size() > ReadBytes)
            fail("a head longer than the script reads");
    }
    for (const QByteArray &inner : read.inner) {
        if (inner.size() > ReadBytes)
            fail("a decompressed head longer than the script reads");
    }

    QList<BackupFile> files;
    QList<LabelledBackup> labels;
    for (const QString &line : QString::fromUtf8(bytes).split(u'\n')) {
        if (const auto wal = parseWalFileName(line)) {
            if (walFileName(wal->timeline, wal->segment) != line.left(24))
                fail("a WAL name that does not read back");
            BackupFile file;
            file.path = u"/w/"_s + line;
            file.format = BackupFormat::WalSegment;
            files.append(file);
        }
    }
    if (const auto label = parseBackupLabel(bytes)) {
        BackupFile file;
        file.path = u"/w/x.backup"_s;
        labels.append({file, *label});
    }
    const WalArchive archive = analyzeWalArchive(files, labels);
    for (const WalGap &gap : archive.gaps) {
        if (gap.missing <= 0)
            fail("a gap with nothing missing");
    }
    return 0;
}
