// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backups/verificationstore.h"
#include "statetesting.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace OpsDeck;

class VerificationStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void keepsEveryFieldOfARecord();
    void latestIsPerFileAndLevel();
    void historyIsNewestFirst();
    void aChangedFileIsNotCurrentAnyMore();
    void withoutAStoreNothingBlocks();

private:
    VerificationRecord make(const QString &host, const QString &path, VerificationLevel level,
                            VerificationVerdict verdict, int minutesAgo) const;
    bool write(const QList<VerificationRecord> &records);
    std::optional<QList<VerificationRecord>> latest(const QString &host = {});
    std::optional<QList<VerificationRecord>> history(const QString &host, const QString &path);

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<StateStore> m_state;
    std::unique_ptr<VerificationStore> m_store;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

void VerificationStoreTest::init()
{
    m_directory = std::make_unique<QTemporaryDir>();
    m_state = std::make_unique<StateStore>();
    QString error;
    QVERIFY2(StateTesting::openStore(*m_state, m_directory->filePath(u"state.sqlite"_s), &error),
             qPrintable(error));
    m_store = std::make_unique<VerificationStore>(m_state.get());
}

void VerificationStoreTest::cleanup()
{
    m_store.reset();
    m_state.reset();
    m_directory.reset();
}

VerificationRecord VerificationStoreTest::make(const QString &host, const QString &path,
                                               VerificationLevel level, VerificationVerdict verdict,
                                               int minutesAgo) const
{
    VerificationRecord record;
    record.host = host;
    record.path = path;
    record.size = 123456789012;
    record.modified = QDateTime(QDate(2026, 12, 5), QTime(2, 0, 3, 250), Qt::UTC);
    record.level = level;
    record.verdict = verdict;
    record.ok = verdict != VerificationVerdict::Failed;
    record.detail = u"detail of %1 at -%2 min"_s.arg(int(level)).arg(minutesAgo);
    record.at = m_now.addSecs(-60 * minutesAgo);
    record.durationMs = 1500 + minutesAgo;
    return record;
}

bool VerificationStoreTest::write(const QList<VerificationRecord> &records)
{
    QSignalSpy recorded(m_store.get(), &VerificationStore::recorded);
    QSignalSpy failed(m_store.get(), &VerificationStore::writeFailed);
    for (const VerificationRecord &record : records)
        m_store->record(record);
    return QTest::qWaitFor([&] { return recorded.size() + failed.size() == records.size(); },
                           10000) &&
           failed.isEmpty();
}

std::optional<QList<VerificationRecord>> VerificationStoreTest::latest(const QString &host)
{
    std::optional<QList<VerificationRecord>> answer;
    m_store->latest(host, this,
                    [&](const QList<VerificationRecord> &records, const QString &error) {
                        QVERIFY2(error.isEmpty(), qPrintable(error));
                        answer = records;
                    });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return std::nullopt;
    return answer;
}

std::optional<QList<VerificationRecord>> VerificationStoreTest::history(const QString &host,
                                                                        const QString &path)
{
    std::optional<QList<VerificationRecord>> answer;
    m_store->history(host, path, this,
                     [&](const QList<VerificationRecord> &records, const QString &error) {
                         QVERIFY2(error.isEmpty(), qPrintable(error));
                         answer = records;
                     });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return std::nullopt;
    return answer;
}

void VerificationStoreTest::keepsEveryFieldOfARecord()
{
    const VerificationRecord record =
        make(u"db-1"_s, u"/srv/backups/wiki 'x'.dump"_s, VerificationLevel::TableOfContents,
             VerificationVerdict::TocOnly, 3);
    QVERIFY(write({record}));
    const auto found = history(u"db-1"_s, record.path);
    QVERIFY(found.has_value());
    QCOMPARE(found->size(), 1);
    const VerificationRecord &back = found->first();
    QCOMPARE(back.host, record.host);
    QCOMPARE(back.path, record.path);
    QCOMPARE(back.size, record.size);
    QCOMPARE(back.modified, record.modified);
    QCOMPARE(back.level, record.level);
    QCOMPARE(back.verdict, VerificationVerdict::TocOnly);
    QVERIFY(back.ok);
    QCOMPARE(back.detail, record.detail);
    QCOMPARE(back.at.toMSecsSinceEpoch(), record.at.toMSecsSinceEpoch());
    QCOMPARE(back.durationMs, record.durationMs);
}

void VerificationStoreTest::latestIsPerFileAndLevel()
{
    QVERIFY(write({
        make(u"db-1"_s, u"/b/a.dump"_s, VerificationLevel::Integrity, VerificationVerdict::Verified,
             50),
        make(u"db-1"_s, u"/b/a.dump"_s, VerificationLevel::Integrity, VerificationVerdict::Failed,
             10),
        make(u"db-1"_s, u"/b/a.dump"_s, VerificationLevel::FullRead, VerificationVerdict::Verified,
             40),
        make(u"db-1"_s, u"/b/b.dump"_s, VerificationLevel::Integrity, VerificationVerdict::Verified,
             5),
        make(u"db-2"_s, u"/b/a.dump"_s, VerificationLevel::Integrity, VerificationVerdict::Verified,
             1),
    }));
    const auto all = latest();
    QVERIFY(all.has_value());
    QCOMPARE(all->size(), 4);
    // Ordered by host, path, level; the newest of db-1:/b/a.dump L0 is the failure.
    QCOMPARE(all->at(0).path, u"/b/a.dump"_s);
    QCOMPARE(all->at(0).level, VerificationLevel::Integrity);
    QCOMPARE(all->at(0).verdict, VerificationVerdict::Failed);
    QVERIFY(!all->at(0).ok);
    QCOMPARE(all->at(1).level, VerificationLevel::FullRead);
    QCOMPARE(all->at(2).path, u"/b/b.dump"_s);
    QCOMPARE(all->at(3).host, u"db-2"_s);
    const auto onlyDb2 = latest(u"db-2"_s);
    QVERIFY(onlyDb2.has_value());
    QCOMPARE(onlyDb2->size(), 1);
}

void VerificationStoreTest::historyIsNewestFirst()
{
    QVERIFY(write({
        make(u"h"_s, u"/x.sql.gz"_s, VerificationLevel::Integrity, VerificationVerdict::Verified,
             30),
        make(u"h"_s, u"/x.sql.gz"_s, VerificationLevel::FullRead, VerificationVerdict::Failed, 20),
        make(u"h"_s, u"/x.sql.gz"_s, VerificationLevel::FullRead, VerificationVerdict::Verified, 2),
        make(u"h"_s, u"/other.sql.gz"_s, VerificationLevel::FullRead, VerificationVerdict::Verified,
             1),
    }));
    const auto found = history(u"h"_s, u"/x.sql.gz"_s);
    QVERIFY(found.has_value());
    QCOMPARE(found->size(), 3);
    QVERIFY(found->at(0).at > found->at(1).at);
    QVERIFY(found->at(1).at > found->at(2).at);
    QCOMPARE(found->at(0).verdict, VerificationVerdict::Verified);
    QCOMPARE(found->at(1).verdict, VerificationVerdict::Failed);
}

void VerificationStoreTest::aChangedFileIsNotCurrentAnyMore()
{
    const VerificationRecord record =
        make(u"h"_s, u"/x.dump"_s, VerificationLevel::FullRead, VerificationVerdict::Verified, 1);
    BackupFile file;
    file.host = record.host;
    file.path = record.path;
    file.size = record.size;
    file.modified = record.modified;
    QVERIFY(record.isCurrentFor(file));
    file.size += 1; // the nightly job wrote it again
    QVERIFY(!record.isCurrentFor(file));
}

void VerificationStoreTest::withoutAStoreNothingBlocks()
{
    VerificationStore none(nullptr);
    QSignalSpy failed(&none, &VerificationStore::writeFailed);
    none.record(
        make(u"h"_s, u"/x"_s, VerificationLevel::Integrity, VerificationVerdict::Verified, 0));
    QCOMPARE(failed.size(), 1);
    bool answered = false;
    none.latest({}, this, [&](const QList<VerificationRecord> &records, const QString &error) {
        answered = records.isEmpty() && !error.isEmpty();
    });
    QVERIFY(answered);
}

QTEST_GUILESS_MAIN(VerificationStoreTest)
#include "tst_verificationstore.moc"
