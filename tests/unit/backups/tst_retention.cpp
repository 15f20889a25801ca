// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/retention.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

namespace {

// "wiki-1.dump@2026-03-01T02:00:00Z" → a custom dump of that time; WAL names get WAL formats.
QList<BackupFile> filesFrom(const QStringList &specs)
{
    QList<BackupFile> files;
    for (const QString &spec : specs) {
        BackupFile file;
        file.host = u"db1"_s;
        file.location = u"nightly"_s;
        const QString name = spec.section(u'@', 0, 0);
        file.path = u"/srv/backup/"_s + name;
        file.modified = QDateTime::fromString(spec.section(u'@', 1), Qt::ISODate);
        Q_ASSERT(file.modified.isValid());
        file.size = 1000;
        if (name.endsWith(u".history"_s))
            file.format = BackupFormat::WalHistory;
        else if (name.endsWith(u".backup"_s))
            file.format = BackupFormat::WalBackupLabel;
        else if (name.size() == 24)
            file.format = BackupFormat::WalSegment;
        else
            file.format =
                name.endsWith(u".tar.gz"_s) ? BackupFormat::FilesArchive : BackupFormat::PgCustom;
        files.append(file);
    }
    return files;
}

QStringList names(const QList<BackupFile> &files)
{
    QStringList list;
    for (const BackupFile &file : files)
        list << file.name();
    list.sort();
    return list;
}

} // namespace

class RetentionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plansDeletions_data();
    void plansDeletions();
    void keptFilesSayWhy();
    void walWindow();
    void walWithoutLabelIsKept();
};

void RetentionTest::plansDeletions_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<int>("daily");
    QTest::addColumn<int>("weekly");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QStringList>("deleted");

    const QStringList nightly{
        u"d0228.dump@2026-02-28T02:00:00Z"_s, u"d0301a.dump@2026-03-01T02:00:00Z"_s,
        u"d0301b.dump@2026-03-01T14:00:00Z"_s, u"d0302.dump@2026-03-02T02:00:00Z"_s,
        u"d0303.dump@2026-03-03T02:00:00Z"_s};
    QTest::newRow("no rule deletes nothing") << nightly << 0 << 0 << 0 << u"2026-03-03T12:00:00Z"_s
                                             << QByteArray("UTC") << QStringList{};
    // Across the end of February: the two newest days, the newest of each.
    QTest::newRow("daily across a month end")
        << nightly << 3 << 0 << 0 << u"2026-03-03T12:00:00Z"_s << QByteArray("UTC")
        << QStringList{u"d0228.dump"_s, u"d0301a.dump"_s};
    QTest::newRow("daily 1 keeps only the newest")
        << nightly << 1 << 0 << 0 << u"2026-03-03T12:00:00Z"_s << QByteArray("UTC")
        << QStringList{u"d0228.dump"_s, u"d0301a.dump"_s, u"d0301b.dump"_s, u"d0302.dump"_s};
    // 2026-03-01 is a Sunday (ISO week 9), 2026-03-02 a Monday (week 10).
    QTest::newRow("weekly across an ISO week boundary")
        << nightly << 0 << 2 << 0 << u"2026-03-03T12:00:00Z"_s << QByteArray("UTC")
        << QStringList{u"d0228.dump"_s, u"d0301a.dump"_s, u"d0302.dump"_s};
    // 2026 has 53 ISO weeks: 2026-12-31 and 2027-01-01 are both in 2026-W53, 2027-01-04 is
    // 2027-W01.
    QTest::newRow("weekly across the year end")
        << QStringList{u"a.dump@2026-12-27T03:00:00Z"_s, u"b.dump@2026-12-31T03:00:00Z"_s,
                       u"c.dump@2027-01-01T03:00:00Z"_s, u"d.dump@2027-01-04T03:00:00Z"_s}
        << 0 << 2 << 0 << u"2027-01-05T00:00:00Z"_s << QByteArray("UTC")
        << QStringList{u"a.dump"_s, u"b.dump"_s};
    QTest::newRow("age rule") << nightly << 0 << 0 << 2 << u"2026-03-03T12:00:00Z"_s
                              << QByteArray("UTC")
                              << QStringList{u"d0228.dump"_s, u"d0301a.dump"_s};
    QTest::newRow("any rule keeps")
        << nightly << 1 << 2 << 0 << u"2026-03-03T12:00:00Z"_s << QByteArray("UTC")
        << QStringList{u"d0228.dump"_s, u"d0301a.dump"_s, u"d0302.dump"_s};
    QTest::newRow("newest is never deleted")
        << QStringList{u"old.dump@2025-01-01T00:00:00Z"_s} << 0 << 0 << 1
        << u"2026-03-03T12:00:00Z"_s << QByteArray("UTC") << QStringList{};
    // Berlin: 23:30 UTC on 28 March is 00:30 on 29 March, the night clocks go forward, and
    // 21:30 UTC on the 29th is 23:30 summer time. By UTC a and b share the 28th; by the host's
    // clock b and c share the 29th.
    const QStringList dst{u"a.dump@2026-03-28T22:30:00Z"_s, u"b.dump@2026-03-28T23:30:00Z"_s,
                          u"c.dump@2026-03-29T21:30:00Z"_s};
    QTest::newRow("daily in UTC across DST") << dst << 2 << 0 << 0 << u"2026-03-30T00:00:00Z"_s
                                             << QByteArray("UTC") << QStringList{u"a.dump"_s};
    QTest::newRow("daily in Berlin across DST")
        << dst << 2 << 0 << 0 << u"2026-03-30T00:00:00Z"_s << QByteArray("Europe/Berlin")
        << QStringList{u"b.dump"_s};
    // Age in local days: 2 days before 2026-03-30 00:30 CEST is 2026-03-28 00:30 CET, which
    // is 23:30 UTC on the 27th, although 2×24 h would be 22:30.
    QTest::newRow("age across DST in Berlin")
        << QStringList{u"a.dump@2026-03-27T23:00:00Z"_s, u"b.dump@2026-03-27T23:45:00Z"_s,
                       u"c.dump@2026-03-29T23:00:00Z"_s}
        << 0 << 0 << 2 << u"2026-03-29T22:30:00Z"_s << QByteArray("Europe/Berlin")
        << QStringList{u"a.dump"_s};
}

void RetentionTest::plansDeletions()
{
    QFETCH(QStringList, files);
    QFETCH(int, daily);
    QFETCH(int, weekly);
    QFETCH(int, days);
    QFETCH(QString, now);
    QFETCH(QByteArray, zone);
    QFETCH(QStringList, deleted);
    const RetentionRules rules{days, daily, weekly};
    const QTimeZone timeZone(zone);
    QVERIFY(timeZone.isValid());
    const RetentionPlan plan =
        planRetention(filesFrom(files), rules, QDateTime::fromString(now, Qt::ISODate), timeZone);
    QCOMPARE(names(plan.toDelete), deleted);
    QCOMPARE(plan.decisions.size(), files.size());
    QCOMPARE(plan.bytesFreed, 1000 * deleted.size());
    for (const RetentionDecision &decision : plan.decisions)
        QVERIFY2(!decision.reasons.isEmpty(), qPrintable(decision.file.name()));
}

void RetentionTest::keptFilesSayWhy()
{
    const RetentionPlan plan = planRetention(
        filesFrom({u"a.dump@2026-03-02T02:00:00Z"_s, u"b.dump@2026-03-03T02:00:00Z"_s}),
        RetentionRules{5, 2, 1}, QDateTime::fromString(u"2026-03-03T12:00:00Z"_s, Qt::ISODate));
    QCOMPARE(plan.decisions.size(), 2);
    const QStringList newest = plan.decisions.at(0).reasons;
    QCOMPARE(newest.size(), 4); // newest, daily, weekly, age
    QVERIFY(newest.at(0).contains(u"newest"_s));
    QVERIFY(newest.at(1).contains(u"2026-03-03"_s));
    QVERIFY(newest.at(2).contains(u"2026-W10"_s));
    QCOMPARE(plan.decisions.at(1).reasons.size(), 2); // daily, age
}

void RetentionTest::walWindow()
{
    const QList<BackupFile> files = filesFrom({
        u"base-0301.tar.gz@2026-03-01T02:10:00Z"_s,
        u"base-0302.tar.gz@2026-03-02T02:10:00Z"_s,
        u"base-0303.tar.gz@2026-03-03T02:10:00Z"_s,
        u"000000010000000000000010@2026-03-01T01:00:00Z"_s,
        u"000000010000000000000011.00000028.backup@2026-03-01T02:09:00Z"_s,
        u"000000010000000000000011@2026-03-01T02:09:00Z"_s,
        u"000000010000000000000012@2026-03-01T20:00:00Z"_s,
        u"000000010000000000000020.00000060.backup@2026-03-02T02:09:00Z"_s,
        u"000000010000000000000020@2026-03-02T02:09:00Z"_s,
        u"000000010000000000000021@2026-03-02T12:00:00Z"_s,
        u"00000002.history@2026-03-02T13:00:00Z"_s,
        u"000000020000000000000022@2026-03-02T14:00:00Z"_s,
        u"000000020000000000000030.00000028.backup@2026-03-03T02:09:00Z"_s,
        u"000000020000000000000030@2026-03-03T02:09:00Z"_s,
        u"000000020000000000000031@2026-03-03T11:00:00Z"_s,
    });
    const RetentionPlan plan =
        planRetention(files, RetentionRules{0, 2, 0},
                      QDateTime::fromString(u"2026-03-03T12:00:00Z"_s, Qt::ISODate));
    // The oldest kept base backup is 0302's, which starts at segment …20: WAL before it goes.
    QCOMPARE(names(plan.toDelete),
             (QStringList{u"000000010000000000000010"_s, u"000000010000000000000011"_s,
                          u"000000010000000000000011.00000028.backup"_s,
                          u"000000010000000000000012"_s, u"base-0301.tar.gz"_s}));
    QCOMPARE(plan.windowStartBefore, QDateTime::fromString(u"2026-03-01T02:10:00Z"_s, Qt::ISODate));
    QCOMPARE(plan.windowStartAfter, QDateTime::fromString(u"2026-03-02T02:10:00Z"_s, Qt::ISODate));
    QCOMPARE(plan.windowEnd, QDateTime::fromString(u"2026-03-03T11:00:00Z"_s, Qt::ISODate));
    QVERIFY(plan.walNote.isEmpty());
}

void RetentionTest::walWithoutLabelIsKept()
{
    const RetentionPlan plan = planRetention(
        filesFrom({u"base-0301.tar.gz@2026-03-01T02:10:00Z"_s,
                   u"base-0303.tar.gz@2026-03-03T02:10:00Z"_s,
                   u"000000010000000000000010@2026-03-01T01:00:00Z"_s}),
        RetentionRules{0, 1, 0}, QDateTime::fromString(u"2026-03-03T12:00:00Z"_s, Qt::ISODate));
    QCOMPARE(names(plan.toDelete), QStringList{u"base-0301.tar.gz"_s});
    QVERIFY(!plan.walNote.isEmpty());
}

QTEST_GUILESS_MAIN(RetentionTest)
#include "tst_retention.moc"
