// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/backupfile.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

class BackupFileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsRoundTrip();
    void namesAndKeys();
    void verificationIsForTheFileAsItWas();
    void scratchNames_data();
    void scratchNames();
};

void BackupFileTest::idsRoundTrip()
{
    for (int value = 0; value <= int(BackupFormat::Unknown); ++value) {
        const auto format = BackupFormat(value);
        QVERIFY(!backupFormatId(format).isEmpty());
        QCOMPARE(backupFormatFromId(backupFormatId(format)), format);
        QVERIFY(!backupFormatName(format).isEmpty());
    }
    for (int value = 0; value <= int(BackupCompression::Xz); ++value) {
        const auto compression = BackupCompression(value);
        QCOMPARE(backupCompressionFromId(backupCompressionId(compression)), compression);
    }
    QVERIFY(!backupFormatFromId(u"zip"));
    QCOMPARE(verificationLevelFromNumber(2), VerificationLevel::FullRead);
    QVERIFY(!verificationLevelFromNumber(4));
    QVERIFY(!verificationLevelFromNumber(-1));
    QVERIFY(verificationLevelName(VerificationLevel::TableOfContents).startsWith(u"L1"));
}

void BackupFileTest::namesAndKeys()
{
    BackupFile file;
    file.host = u"db-1"_s;
    file.path = u"/srv/backups/wiki-2026-12-01.dump"_s;
    QCOMPARE(file.name(), u"wiki-2026-12-01.dump"_s);
    QCOMPARE(file.key(), u"db-1:/srv/backups/wiki-2026-12-01.dump"_s);
    file.path = u"/srv/backups/wiki.dir/"_s; // a directory dump
    QCOMPARE(file.name(), u"wiki.dir"_s);
    file.path = u"s3://acme/db/x.sql.gz"_s;
    QCOMPARE(file.name(), u"x.sql.gz"_s);

    file.format = BackupFormat::PgTar;
    QVERIFY(file.isDatabaseDump());
    QVERIFY(!file.isWal());
    file.format = BackupFormat::WalHistory;
    QVERIFY(!file.isDatabaseDump());
    QVERIFY(file.isWal());
    file.format = BackupFormat::FilesArchive;
    QVERIFY(!file.isDatabaseDump());
}

void BackupFileTest::verificationIsForTheFileAsItWas()
{
    BackupFile file;
    file.host = u"db-1"_s;
    file.path = u"/srv/b/x.dump"_s;
    file.size = 1000;
    file.modified = QDateTime(QDate(2026, 12, 1), QTime(3, 0), Qt::UTC);
    VerificationRecord record;
    record.host = file.host;
    record.path = file.path;
    record.size = file.size;
    record.modified = file.modified;
    QVERIFY(record.isCurrentFor(file));
    file.size = 999; // rewritten since: the old verdict no longer holds
    QVERIFY(!record.isCurrentFor(file));
    file.size = 1000;
    file.modified = file.modified.addSecs(1);
    QVERIFY(!record.isCurrentFor(file));
}

void BackupFileTest::scratchNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("scratch");
    QTest::newRow("ours") << u"opsdeck_restore_test_wiki_20261201"_s << true;
    QTest::newRow("prefix alone") << u"opsdeck_restore_test_"_s << false;
    QTest::newRow("production") << u"wiki"_s << false;
    QTest::newRow("prefix inside") << u"x_opsdeck_restore_test_a"_s << false;
    QTest::newRow("other case") << u"OPSDECK_RESTORE_TEST_a"_s << false;
}

void BackupFileTest::scratchNames()
{
    QFETCH(QString, name);
    QFETCH(bool, scratch);
    QCOMPARE(isScratchDatabaseName(name), scratch);
}

QTEST_GUILESS_MAIN(BackupFileTest)
#include "tst_backupfile.moc"
